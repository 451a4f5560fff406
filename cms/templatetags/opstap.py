"""Template tags for the public site: language switcher, translation notice, assets."""

from functools import cache

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Page

from cms import languages

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
    return languages.language_links(
        request, context.get("page"), not_found=context.get("not_found", False)
    )


@register.simple_tag(takes_context=True)
def translation_notice(context):
    request = context.get("request")
    if request is None:
        return None
    return languages.translation_notice(context.get("page"), request)


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
    """` lang="nl" dir="ltr"` for a page whose text is not in the reader's language."""
    if not isinstance(page, Page):
        return ""
    code = languages.content_language(page)
    if code == translation.get_language():
        return ""
    direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.simple_tag
def menu_pages(home):
    """The home page's children that editors put in the menu, in one query."""
    return home.get_children().live().in_menu().select_related("locale", "alias_of__locale")
