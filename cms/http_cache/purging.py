"""What to purge from the shared cache when content changes: the root of every language
the change shows in (see `cms.http_cache`). Through Wagtail's frontend cache, so the
purge runs as a background task and goes to every configured cache."""

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site


def language_roots(languages=None):
    """The absolute URL of each language's root on every site: "https://host/nl/"."""
    codes = languages or [code for code, _name in settings.LANGUAGES]
    roots = []
    for site in Site.objects.all():
        base = site.root_url.rstrip("/")
        roots += [f"{base}/{code}/" for code in codes]
    return roots


def page_languages(page):
    """The language of `page`. Its translations are pages of their own, purged when they
    change; an alias that follows it is republished, and purged, with it."""
    return [page.locale.language_code]


def purge_languages(languages=None):
    """After the transaction commits, purge the given languages (all when None)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    transaction.on_commit(lambda: purge_urls_from_cache(language_roots(languages)), robust=True)
