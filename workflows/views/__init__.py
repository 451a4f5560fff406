"""Views of the participant portal: signing in by emailed link, and the portal's pages."""
