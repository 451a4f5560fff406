"""What is the same for every visitor, rendered once and kept in Django's cache: the
listings (the café's sessions, partners, vacancies, the latest news, search results) and
a programme's page, so that their queries and their many cards are not repeated for each.

A page (or the search) passes `listing_context()` to its template: `listing`, the data,
computed only when the template reads it, and `listing_key`, which the template gives
Django's `{% cache %}` tag around what it renders from them. The key holds everything
that depends on: the site cache's generation (replaced by any change an editor makes,
see `cms.site_cache`), the language, the page, the query string (filters, page number;
the pagination links repeat it) and the tokens it names (the places left change with
every registration, see `bump`). The time is in it too, in steps of
`OPSTAP_LISTING_CACHE_SECONDS`: a session that has just ended leaves the list, and a
programme's application window closes, within that time. Nothing in it depends on the
visitor.
"""

import hashlib

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject

from cms import site_cache

# A query string longer than this holds more than a listing's filters: such a listing is
# rendered each time rather than kept, so odd addresses do not fill the cache.
QUERY_STRING_LENGTH = 200


def _token_key(name):
    return f"opstap:listing-token:{name}"


def token(name):
    """The current value of the token `name`."""
    return site_cache.token(_token_key(name))


def _replace(name):
    site_cache.renew(_token_key(name))


def bump(name):
    """Renew every listing that names the token `name`: now, and again once the change
    commits, as a listing rendered in between may have read the rows before it."""
    _replace(name)
    transaction.on_commit(lambda: _replace(name))


def _query_string(request):
    return request.META.get("QUERY_STRING", "")


def listing_key(request, scope, tokens=()):
    """`scope`: the page the listing is on, or the name of a view that is no page."""
    seconds = settings.OPSTAP_LISTING_CACHE_SECONDS
    parts = (
        site_cache.generation(),
        translation.get_language(),
        getattr(scope, "pk", scope),
        _query_string(request),
        tuple(token(name) for name in tokens),
        int(timezone.now().timestamp() // seconds) if seconds else 0,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:40]


def listing_context(request, scope, compute, tokens=()):
    """The template context of a cached listing; `compute()` returns the listing's data
    (a dict) and runs only when the listing is rendered. A preview is never kept."""
    seconds = settings.OPSTAP_LISTING_CACHE_SECONDS
    if getattr(request, "is_preview", False) or len(_query_string(request)) > QUERY_STRING_LENGTH:
        seconds = 0
    return {
        "listing": SimpleLazyObject(compute),
        "listing_key": listing_key(request, scope, tokens),
        # {% cache 0 %} keeps nothing: a preview, or the setting at 0, renders each time.
        "listing_seconds": seconds,
    }
