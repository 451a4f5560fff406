"""Template tags for the public site: menu, language switcher, breadcrumbs, translation
notice, footer, assets. The site-wide pieces come from `cms.site_cache`."""

from functools import cache

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Page

from cms import languages, site_cache

register = template.Library()

VENDOR_STYLESHEETS = [
    "vendor/voorbeeld-design-tokens/theme.css",
    "vendor/utrecht/component-library.css",
]


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    if context.get("not_found", False) or not isinstance(page, Page):
        return languages.language_links(request, page, not_found=context.get("not_found", False))
    return site_cache.for_page(
        request, "language-links", page, lambda: languages.language_links(request, page)
    )


@register.simple_tag(takes_context=True)
def translation_notice(context):
    request = context.get("request")
    if request is None:
        return None
    page = context.get("page")
    if not isinstance(page, Page):
        return languages.translation_notice(page, request)
    return site_cache.for_page(
        request, "translation-notice", page, lambda: languages.translation_notice(page, request)
    )


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """The page's ancestors under the root, as (title, url), from the home page down."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        return []

    def crumbs():
        return [
            (ancestor.title, ancestor.get_url(request))
            for ancestor in page.get_ancestors().filter(depth__gt=1)
        ]

    return site_cache.for_page(request, "breadcrumbs", page, crumbs)


@register.simple_tag(takes_context=True)
def site_menu(context):
    request = context.get("request")
    return site_cache.menu(request) if request is not None else None


@register.simple_tag(takes_context=True)
def current_site(context):
    """Wagtail's `wagtail_site`, without a query once the site is known."""
    request = context.get("request")
    return site_cache.site_for_request(request) if request is not None else None


@register.simple_tag(takes_context=True)
def contact_desk(context):
    """The contact desk settings of the request's site, for the footer."""
    from cms.models import ContactDeskSettings

    request = context.get("request")
    if request is None or site_cache.site_for_request(request) is None:
        return None
    return site_cache.site_setting(request, ContactDeskSettings)


@register.filter
def localized(page):
    """`page.localized` (its live version in the active language, else the page itself),
    without looking the active locale up in the database."""
    if not isinstance(page, Page):
        return page
    locale_id = site_cache.active_locale_id()
    if locale_id is None or page.locale_id == locale_id:
        return page
    translated = page.get_translations().live().filter(locale_id=locale_id).first()
    return translated or page


@cache
def _built_vendor_stylesheets():
    # The design system comes from npm (`make assets`); a machine without npm still
    # serves the site with the project's own stylesheet.
    return [path for path in VENDOR_STYLESHEETS if finders.find(path)]


@register.simple_tag
def vendor_stylesheets():
    return _built_vendor_stylesheets()


@register.filter
def lang_attributes(page):
    """` lang="nl" dir="ltr"` for a page whose text is not in the reader's language;
    also for a language code (a menu item's)."""
    if isinstance(page, str):
        code = page
    elif isinstance(page, Page):
        code = languages.content_language(page)
    else:
        return ""
    if code == translation.get_language():
        return ""
    direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)
