"""Settings for Opstap, split into base, dev, test and production; all read the environment."""
