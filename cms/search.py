"""Site search: live public pages in the reader's language, through Wagtail's search."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from wagtail.models import Locale, Page

from cms import site_cache
from cms.languages import annotate_content_languages
from cms.site_cache import public_pages

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def clean_query(raw):
    """The query as the reader meant it: trimmed, single-spaced, bounded in length, without
    control characters or double quotes (SQLite's full-text search reads a lone quote as
    an unfinished phrase and fails)."""
    text = "".join(
        " " if char == '"' or not (char.isprintable() or char.isspace()) else char
        for char in (raw or "")
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def page_number_from(value):
    """The results page asked for; the first for anything that is not a whole number."""
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def search_pages(query, *, page_number=1, locale=None):
    """A page of results for `query` among live, public pages in `locale`.

    A page not yet translated lives in each language's tree as an alias of the Dutch
    page, so a reader finds it in their own language's tree, under the usual notice.
    """
    if not query:
        return None
    # The locale and the private sections from the site cache: no query for either.
    locale_id = locale.pk if locale else site_cache.active_locale_id()
    if locale_id is None:
        locale_id = Locale.get_active().pk
    pages = public_pages(Page.objects.live()).filter(locale_id=locale_id, depth__gt=1).specific()
    results = pages.search(query, operator="and")
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        found = paginator.page(page_number_from(page_number))
    except (PageNotAnInteger, EmptyPage):
        found = paginator.page(1)
    # Fetching the specific pages loses select_related: mark languages in bulk instead.
    found.object_list = annotate_content_languages(found.object_list)
    return found
