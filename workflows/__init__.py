"""Case handling: the workflow engine, worklists, certificates, the participant portal, reports."""
