"""Public URLs of the café that are not pages: a series' calendar feed, the registration's
confirmation and cancel link. Included under "cafe/" inside the language prefix,
namespace "programmes"."""

from django.urls import path

from programmes.views import registration

app_name = "programmes"

urlpatterns = [
    # Served here rather than as a page route: Wagtail's page URLs allow no dot.
    path(
        "reeks/<int:series_id>/agenda.ics",
        registration.series_calendar,
        name="series_calendar",
    ),
    path(
        "inschrijving/bevestiging/",
        registration.registration_done,
        name="registration_done",
    ),
    path(
        "inschrijving/<str:token>/annuleren/",
        registration.cancel_registration,
        name="cancel_registration",
    ),
]
