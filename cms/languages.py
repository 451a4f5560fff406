"""Which version of a page to offer in each language, and how to label a translation."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from cms import site_cache
from cms.settings.languages import SOURCE_LANGUAGE


def supported_language(code):
    """`code` when the site speaks it, else the source language: for emails and
    documents written in someone's language on record."""
    codes = [language for language, _name in settings.LANGUAGES]
    return code if code in codes else settings.LANGUAGE_CODE


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name_local: str
    url: str
    is_current: bool
    bidi: bool


def _language_home_url(code):
    return f"/{code}/"


def page_url_in_each_language(page, request):
    """For every supported language, the URL of `page` in it.

    A page not translated into a language links to its nearest ancestor that is, and at
    worst to that language's home page: the switcher never leads to a 404.
    """
    wanted = [code for code, _name in settings.LANGUAGES]
    urls = {}
    # The page and its ancestors, nearest first; one query for all their translations.
    lineage = [page, *reversed(page.get_ancestors().filter(depth__gt=1))]
    translation_keys = [item.translation_key for item in lineage]
    translations = (
        Page.objects.live()
        .filter(translation_key__in=translation_keys, locale__language_code__in=wanted)
        .select_related("locale")
    )
    by_key_and_language = {
        (item.translation_key, item.locale.language_code): item for item in translations
    }
    for code in wanted:
        for item in lineage:
            found = by_key_and_language.get((item.translation_key, code))
            if found is not None:
                urls[code] = found.get_url(request)
                break
        else:
            urls[code] = _language_home_url(code)
    return urls


def language_links(request, page=None, *, not_found=False):
    """The language switcher's entries for this request, current language marked.

    On a "not found" page the other languages' home pages are offered: the missing
    address would be missing in them too.
    """
    current = translation.get_language()
    if not_found:
        urls = {code: _language_home_url(code) for code, _name in settings.LANGUAGES}
    elif page is not None and getattr(page, "pk", None):
        urls = page_url_in_each_language(page, request)
    else:
        path = request.get_full_path()
        urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    return [
        LanguageLink(
            code=code,
            name_local=translation.get_language_info(code)["name_local"],
            url=urls[code],
            is_current=code == current,
            bidi=code in settings.LANGUAGES_BIDI,
        )
        for code, _name in settings.LANGUAGES
    ]


@dataclass(frozen=True)
class TranslationNotice:
    kind: str  # "translation" or "untranslated"
    source_url: str | None
    language_name: str


def translation_notice(page, request):
    """What to tell the reader about the language of the page in front of them.

    Dutch is the administrative language: any other version is a translation of it, and
    a page not yet translated shows the Dutch text under a clear notice.
    """
    if page is None or not getattr(page, "pk", None):
        return None
    active = translation.get_language()
    language_name = translation.get_language_info(active)["name_translated"]
    page_language = site_cache.locale_code(page.locale_id)
    is_alias_of_other_language = (
        page.alias_of_id is not None and page.alias_of.locale_id != page.locale_id
    )
    if page_language != active or is_alias_of_other_language:
        return TranslationNotice("untranslated", None, language_name)
    if page_language != SOURCE_LANGUAGE:
        source = _source_language_version(page)
        return TranslationNotice(
            "translation", source.get_url(request) if source else None, language_name
        )
    return None


def _source_language_version(page):
    locale_id = next(
        (pk for pk, code in site_cache.locale_codes().items() if code == SOURCE_LANGUAGE), None
    )
    if locale_id is None:
        return None
    return page.get_translations().live().filter(locale_id=locale_id).first()


def content_language(page):
    """The language the page's text is written in.

    An alias of a page in another language (a page not yet translated) carries that
    page's text, so it is marked with that language for browsers and screen readers.
    Listings that hold many pages set it for all of them at once with
    `annotate_content_languages`.
    """
    known = getattr(page, "_content_language", None)
    if known:
        return known
    if page.alias_of_id and page.alias_of.locale_id != page.locale_id:
        return site_cache.locale_code(page.alias_of.locale_id)
    return site_cache.locale_code(page.locale_id)


def annotate_content_languages(pages):
    """Set each page's content language in one query, whatever the number of pages."""
    pages = list(pages)
    codes = site_cache.locale_codes()
    alias_targets = dict(
        Page.objects.filter(
            pk__in={page.alias_of_id for page in pages if page.alias_of_id}
        ).values_list("pk", "locale_id")
    )
    for page in pages:
        locale_id = alias_targets.get(page.alias_of_id, page.locale_id)
        page._content_language = codes.get(locale_id)
    return pages


def localized_versions(objects):
    """{obj.pk: obj.localized} for translatable objects of one model, in one query: the
    live version in the active language where there is one, else the object itself."""
    from wagtail.models import DraftStateMixin

    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return {}
    locale_id = site_cache.active_locale_id()
    if locale_id is None:
        return {obj.pk: obj for obj in objects}
    wanted = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    model = type(objects[0])
    translations = model.objects.filter(translation_key__in=wanted, locale_id=locale_id)
    if issubclass(model, DraftStateMixin):
        translations = translations.filter(live=True)
    by_key = {item.translation_key: item for item in translations} if wanted else {}
    return {
        obj.pk: obj if obj.locale_id == locale_id else by_key.get(obj.translation_key, obj)
        for obj in objects
    }
