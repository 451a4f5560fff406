"""Views of the offer: café registration and the public eligibility check."""
