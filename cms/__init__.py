"""Opstap's project package: settings, URLs, users, the site's general pages and search."""
