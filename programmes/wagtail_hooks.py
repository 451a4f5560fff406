"""Admin wiring of the offer: traineeship types as snippets, registrations per session."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from programmes.models import TraineeshipType


class TraineeshipTypeViewSet(SnippetViewSet):
    model = TraineeshipType
    icon = "calendar-alt"
    menu_label = _("Soorten stages")
    list_display = ["name", "abbreviation", "min_duration_days", "max_duration_days", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "abbreviation"]
    inspect_view_enabled = True


register_snippet(TraineeshipTypeViewSet)
