"""Settings for a developer's machine: `make run`."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
INTERNAL_IPS = ["127.0.0.1"]
