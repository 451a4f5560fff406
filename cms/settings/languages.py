"""The supported languages, and the language facts Django lacks for some of them.

The list of languages is a setting (``OPSTAP_LANGUAGES``); Dutch comes first because it
is the administrative language and the source of every translation. Languages of the
target group that Django does not know (Dari, Pashto, Tigrinya, Kurmanji) are described
here and added to Django's ``LANG_INFO``, so that Wagtail's ``Locale.language_name`` and
Django's ``get_language_info`` work for them.
"""

from django.conf import global_settings
from django.conf.locale import LANG_INFO

SOURCE_LANGUAGE = "nl"

# Languages Django 5.2 does not describe. "bidi" also feeds LANGUAGES_BIDI.
EXTRA_LANG_INFO = {
    "prs": {"bidi": True, "code": "prs", "name": "Dari", "name_local": "دری"},
    "ps": {"bidi": True, "code": "ps", "name": "Pashto", "name_local": "پښتو"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
    "kmr": {"bidi": False, "code": "kmr", "name": "Kurmanji", "name_local": "Kurmancî"},
}

DEFAULT_LANGUAGES = "nl,en,fr,ar,uk"


def extend_lang_info(extra=EXTRA_LANG_INFO):
    """Teach Django the languages it does not know; existing entries are left alone."""
    for code, info in extra.items():
        LANG_INFO.setdefault(code, info)


def languages_bidi(extra=EXTRA_LANG_INFO):
    """Django's right-to-left list plus the right-to-left languages added here."""
    added = [code for code, info in extra.items() if info["bidi"]]
    return list(dict.fromkeys([*global_settings.LANGUAGES_BIDI, *added]))


def parse_languages(value):
    """Turn "nl,en,fr" into Django's LANGUAGES list, with each language's own name.

    The source language is always first, whether or not the value names it.
    """
    codes = [code.strip().lower() for code in value.split(",") if code.strip()]
    codes = list(dict.fromkeys([SOURCE_LANGUAGE, *codes]))
    unknown = [code for code in codes if code not in LANG_INFO]
    if unknown:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"OPSTAP_LANGUAGES names {', '.join(unknown)}, which Django does not know. "
            "Describe it in EXTRA_LANG_INFO in cms/settings/languages.py."
        )
    return [(code, LANG_INFO[code]["name_local"]) for code in codes]
