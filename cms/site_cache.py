"""Site-wide pieces of the public pages kept in Django's cache: the site of a host, the
page at a path, the menu, each page's language links and breadcrumbs, site settings.

Every entry is keyed per site and language under one generation token, and any change an
editor makes (a page published, unpublished, moved, deleted or saved; a site, locale or
setting saved) replaces the token: the next request computes everything afresh, so a
menu is never stale after a publish. Nothing here depends on the visitor.
"""

import contextvars
import hashlib
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "opstap:site-cache:generation"
# Entries also expire on their own, so that a change made around the signals (a bulk
# import with queryset updates) shows within the hour.
TIMEOUT = 60 * 60
_MISSING = object()

# What one request has already read from the cache: the generation token and the
# locale codes are asked for many times while a page renders.
_request_memo = contextvars.ContextVar("opstap_site_cache_memo", default=None)


def _memo():
    return _request_memo.get()


def token(key):
    """The token kept under `key`; a new one when the cache lost it (evicted, or never
    set). Cache entries keyed with a token are left behind when it is renewed."""
    value = cache.get(key)
    if value is None:
        value = uuid.uuid4().hex
        if not cache.add(key, value, None):
            value = cache.get(key) or value
    return value


def renew(key):
    cache.set(key, uuid.uuid4().hex, None)


def generation():
    """The current generation token, read once per request."""
    memo = _memo()
    if memo is not None and "generation" in memo:
        return memo["generation"]
    value = token(GENERATION_KEY)
    if memo is not None:
        memo["generation"] = value
    return value


def _bump():
    renew(GENERATION_KEY)
    memo = _memo()
    if memo is not None:
        memo.clear()


def invalidate():
    """Drop every entry. Done at once, for the rest of this transaction, and again once
    it commits: a request that read the old rows before the commit may have stored
    them under the token of the moment, which the second change leaves behind."""
    _bump()
    transaction.on_commit(_bump)


def _key(kind, parts):
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"opstap:site-cache:{generation()}:{kind}:{digest}"


def get_or_set(kind, parts, compute):
    """The entry `kind` for `parts` (site, language, ...), computed on a miss."""
    key = _key(kind, parts)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


# --- Sites and locales ----------------------------------------------------------------


def site_for_request(request):
    """Wagtail's `Site.find_for_request`, from the cache; Wagtail then finds it on the
    request (`_wagtail_site`) wherever it asks."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    # The same host and port Wagtail matches sites on.
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    site = get_or_set("site", (hostname, port), lambda: Site._find_for_request(request))
    request._wagtail_site = site
    return site


def locale_codes():
    """{locale id: language code} of every locale."""
    memo = _memo()
    if memo is not None and "locales" in memo:
        return memo["locales"]
    codes = get_or_set(
        "locales", (), lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )
    if memo is not None:
        memo["locales"] = codes
    return codes


def locale_code(locale_id):
    code = locale_codes().get(locale_id)
    if code is None:
        code = Locale.objects.get(pk=locale_id).language_code
    return code


def active_locale_id():
    """The id of the locale of the active language, or None when it has none."""
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None
    for pk, code in locale_codes().items():
        if code == language:
            return pk
    return None


def restricted_paths():
    """The tree paths of the pages that have a view restriction (a password, signed-in
    users, groups): their sections are private."""
    return get_or_set(
        "restricted-paths",
        (),
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


class ViewRestrictionsFromCache:
    """A page mixin: Wagtail asks each page it serves for its view restrictions (two
    queries: the ancestors, then their restrictions). Where the site has none at all, as
    the cache knows, there is nothing to ask; otherwise Wagtail asks as usual."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def public_pages(queryset):
    """`queryset.public()`, with the private sections from the cache."""
    private = Q(pk__in=[])
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private)


def site_setting(request, model):
    """`model.for_request(request)` for a site setting or a generic one, from the cache;
    kept on the request as Wagtail keeps it, so the template's `settings` finds it."""
    attribute = model.get_cache_attr_name()
    if hasattr(request, attribute):
        return getattr(request, attribute)
    if issubclass(model, BaseSiteSetting):
        site = site_for_request(request)
        if site is None:
            return model.for_request(request)
        instance = get_or_set(
            "setting", (model._meta.label_lower, site.pk), lambda: model.for_site(site)
        )
    else:
        instance = get_or_set("setting", (model._meta.label_lower,), model.load)
    instance._request = request
    setattr(request, attribute, instance)
    return instance


# --- Pieces of every public page -------------------------------------------------------


@dataclass(frozen=True)
class MenuItem:
    pk: int
    title: str
    url: str
    language: str  # the language its text is written in


@dataclass(frozen=True)
class Menu:
    home: MenuItem
    items: list


def menu(request):
    """The main menu of the request's site in the active language: its home page and
    the home page's children that editors put in the menu."""
    site = site_for_request(request)
    if site is None:
        return None
    return get_or_set(
        "menu", (site.pk, translation.get_language()), lambda: _build_menu(request, site)
    )


def _build_menu(request, site):
    from cms.languages import content_language

    def item(page):
        return MenuItem(page.pk, page.title, page.get_url(request), content_language(page))

    home = site.root_page.localized
    children = home.get_children().live().in_menu().select_related("alias_of")
    return Menu(home=item(home), items=[item(child) for child in children])


def for_page(request, kind, page, compute):
    """`compute()`, kept per site, language and page: what a page shows about its place
    in the tree (language links, breadcrumbs), which only editors change. A preview or
    a page not saved yet is computed each time."""
    if request is None or not getattr(page, "pk", None) or getattr(request, "is_preview", False):
        return compute()
    site = site_for_request(request)
    return get_or_set(
        kind, (site.pk if site else None, translation.get_language(), page.pk), compute
    )


# --- Routing --------------------------------------------------------------------------


def _route_from_cache(request, site, path):
    """Wagtail's route for `path`, found by the page id this path led to last time: one
    query instead of two per level of the tree. The page must still be live and still
    at that place in the tree; if not, Wagtail routes as usual."""
    components = [component for component in path.split("/") if component]
    key = _key("route", (site.pk, translation.get_language(), path))
    entry = cache.get(key)
    if entry is not None:
        model = _page_model(entry["content_type_id"])
        page = None
        if model is not None:
            # With the page it is an alias of: its view restrictions are read from there.
            page = model.objects.select_related("alias_of").filter(pk=entry["pk"]).first()
        if page is not None and page.live and page.url_path == entry["url_path"]:
            request._wagtail_route_for_request = page.route(request, [])
            return
    result = Page.route_for_request(request, path)
    if result is None:
        return
    page = result[0]
    # Only a page reached by the whole path: a routable page that answered for a
    # deeper path (its own sub-route) is routed again each time.
    if page.depth == site.root_page.depth + len(components):
        cache.set(
            key,
            {
                "pk": page.pk,
                "content_type_id": page.content_type_id,
                "url_path": page.url_path,
            },
            TIMEOUT,
        )


def _page_model(content_type_id):
    from django.contrib.contenttypes.models import ContentType

    try:
        return ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return None


class SiteCacheMiddleware:
    """Keeps what one request has read from the cache, and finds the site and the page
    of a public page view from the cache before Wagtail's view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail import views as wagtail_views

        if view_func is not wagtail_views.serve or request.method not in ("GET", "HEAD"):
            return None
        if getattr(request, "is_preview", False):
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        site = site_for_request(request)
        if site is not None:
            _route_from_cache(request, site, path)
        return None


# --- Invalidation ---------------------------------------------------------------------


def _on_change(sender, instance=None, **kwargs):
    if isinstance(
        instance,
        Page
        | Site
        | Locale
        | PageViewRestriction
        | BaseSiteSetting
        | BaseGenericSetting
        # A partner's logo in the cached listings.
        | AbstractImage,
    ):
        invalidate()


def _on_page_event(sender, **kwargs):
    invalidate()


def connect_signals():
    post_save.connect(_on_change, dispatch_uid="opstap_site_cache_save")
    post_delete.connect(_on_change, dispatch_uid="opstap_site_cache_delete")
    page_published.connect(_on_page_event, dispatch_uid="opstap_site_cache_published")
    page_unpublished.connect(_on_page_event, dispatch_uid="opstap_site_cache_unpublished")
    post_page_move.connect(_on_page_event, dispatch_uid="opstap_site_cache_moved")
