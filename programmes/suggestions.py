"""Where to send someone a programme does not fit: cafés, other programmes, the desk.

Everything is looked up in the reader's language (the active locale), live and public.
"""

from wagtail.models import Locale

from cms.models import ContactDeskPage
from programmes.models import CafeSeriesPage, ProgrammePage


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def contact_desk_page(locale=None):
    """The contact desk page in the reader's language, or None if the site has none."""
    return (
        ContactDeskPage.objects.live()
        .public()
        .filter(locale=locale or _active_locale())
        .select_related("locale", "alias_of__locale")
        .order_by("path")
        .first()
    )


def cafe_series(locale=None):
    return (
        CafeSeriesPage.objects.live()
        .public()
        .filter(locale=locale or _active_locale())
        .select_related("locale", "alias_of__locale")
        .order_by("title")
    )


def other_programmes(programme):
    """The live programmes in the programme's language, without the programme itself."""
    return (
        ProgrammePage.objects.live()
        .public()
        .filter(locale_id=programme.locale_id)
        .exclude(pk=programme.pk)
        .select_related("locale", "alias_of__locale")
        .order_by("title")
    )
