"""System checks that catch a language set up only halfway."""

from django.conf import settings
from django.core import checks
from django.utils.translation import trans_real


@checks.register(checks.Tags.translation)
def check_language_catalogues(app_configs, **kwargs):
    """Django routes /xx/ only for a language it has a catalogue for."""
    messages = []
    for code, _name in settings.LANGUAGES:
        if not trans_real.check_for_language(code):
            messages.append(
                checks.Warning(
                    f"The language '{code}' is in LANGUAGES but has no compiled catalogue, "
                    "so its pages answer with a redirect to Dutch.",
                    hint=f"Run: make messages LANGS={code} && make compilemessages",
                    id="opstap.W001",
                )
            )
    return messages
