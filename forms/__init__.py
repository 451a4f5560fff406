"""Intake: the application wizard, its resumable drafts, uploads and the Application record."""
