"""Every interface string is translated into every supported language."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from cms.settings.languages import SOURCE_LANGUAGE

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TRANSLATED_LANGUAGES = [code for code, _ in settings.LANGUAGES if code != SOURCE_LANGUAGE]


def load_catalogue(code):
    with open(LOCALE_DIR / code / "LC_MESSAGES" / "django.po", "rb") as po_file:
        return read_po(po_file, locale=code)


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_catalogue_translates_every_message(code):
    catalogue = load_catalogue(code)

    untranslated = [
        message.id
        for message in catalogue
        if message.id
        and (
            not message.string
            or (isinstance(message.string, tuple) and not all(message.string))
            or message.fuzzy
        )
    ]
    assert untranslated == [], f"Translate these in locale/{code}/LC_MESSAGES/django.po"


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_catalogue_has_the_same_messages_as_the_dutch_source(code):
    source_ids = {message.id for message in load_catalogue(SOURCE_LANGUAGE) if message.id}
    ids = {message.id for message in load_catalogue(code) if message.id}
    assert ids == source_ids


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_placeholders_survive_translation(code):
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]")
    for message in load_catalogue(code):
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[-1]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            # Arabic writes the small counts of a plural out in words, without the number.
            extra = set(placeholder.findall(string)) - set(placeholder.findall(source))
            assert not extra, f"{code}: {message.id!r} gained {extra}"
