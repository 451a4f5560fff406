"""Café registration views (being built)."""


def register_for_session(request, page):
    raise NotImplementedError
