"""A café series' page: its upcoming sessions (filtered, paginated) and the last ones.

The number of queries does not depend on the number of sessions: hosts come with one
prefetch, their partners' translations and the places left with one query each.
"""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cms.forms import PublicFormMixin
from cms.languages import localized_versions
from programmes.choices import SESSION_LANGUAGES, SessionFormat
from programmes.models import CafeSessionPage, Registration, SessionHost

PAST_SESSIONS_SHOWN = 3


def _brussels():
    return ZoneInfo(settings.TIME_ZONE)


def _month_value(moment):
    return moment.strftime("%Y-%m")


def _month_bounds(value):
    """ "2026-05" → the first moment of May 2026 and of June 2026, in Brussels."""
    year, month = (int(part) for part in value.split("-"))
    start = datetime.datetime(year, month, 1, tzinfo=_brussels())
    end = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=_brussels())
    return start, end


class SessionFilterForm(PublicFormMixin, forms.Form):
    """Narrows the upcoming sessions; an empty form shows them all."""

    format = forms.ChoiceField(
        label=_("Vorm"),
        required=False,
        error_messages={"invalid_choice": _("Kies ter plaatse, online of allebei uit de lijst.")},
    )
    language = forms.ChoiceField(
        label=_("Taal van de sessie"),
        required=False,
        error_messages={"invalid_choice": _("Kies een taal uit de lijst.")},
    )
    month = forms.ChoiceField(
        label=_("Maand"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "In die maand zijn er geen sessies meer. Kies een andere maand uit de lijst."
            )
        },
    )

    def __init__(self, *args, months=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Built per form, so that the labels follow the language of the request.
        self.fields["format"].choices = [("", _("Alle vormen")), *SessionFormat.choices]
        self.fields["language"].choices = [("", _("Alle talen")), *SESSION_LANGUAGES]
        self.fields["month"].choices = [
            ("", _("Alle maanden")),
            *[
                (_month_value(month), capfirst(date_format(month, "YEAR_MONTH_FORMAT")))
                for month in months
            ],
        ]

    def chosen(self):
        """The filters that are valid and set; a wrong value in one leaves the others."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, sessions):
        chosen = self.chosen()
        if "format" in chosen:
            sessions = sessions.filter(format=chosen["format"])
        if "language" in chosen:
            sessions = sessions.filter(session_language=chosen["language"])
        if "month" in chosen:
            start, end = _month_bounds(chosen["month"])
            sessions = sessions.filter(starts_at__gte=start, starts_at__lt=end)
        return sessions


def _hosts_prefetch():
    return Prefetch(
        "hosts",
        queryset=SessionHost.objects.select_related("partner").order_by("sort_order"),
    )


def localized_partners(partners):
    """{partner.pk: the partner page in the active language, or the partner itself};
    `partner.localized` for a whole list in at most one query."""
    return localized_versions(partners)


def places_left_by_session(sessions):
    """{session.pk: places left}, counted on each session's canonical page (the first
    page of its translation key), for a list of sessions in two queries."""
    sessions = list(sessions)
    if not sessions:
        return {}
    canonical = {}
    for row in (
        CafeSessionPage.objects.filter(
            translation_key__in={session.translation_key for session in sessions}
        )
        .order_by("pk")
        .values("pk", "translation_key", "capacity")
    ):
        canonical.setdefault(row["translation_key"], row)
    confirmed = dict(
        Registration.objects.filter(
            session_id__in=[row["pk"] for row in canonical.values()],
            status=Registration.Status.CONFIRMED,
        )
        .values("session_id")
        .annotate(count=Count("pk"))
        .values_list("session_id", "count")
    )
    places = {}
    for session in sessions:
        row = canonical.get(session.translation_key, {"pk": session.pk, "capacity": 0})
        places[session.pk] = max(row["capacity"] - confirmed.get(row["pk"], 0), 0)
    return places


def annotate_sessions(sessions):
    """Give each session `places_left` and `host_list` (role and localized partner)."""
    sessions = list(sessions)
    places = places_left_by_session(sessions)
    partners = localized_partners(
        [host.partner for session in sessions for host in session.hosts.all()]
    )
    for session in sessions:
        session.places_left = places[session.pk]
        session.host_list = [
            {"role": host.get_role_display(), "partner": partners[host.partner_id]}
            for host in session.hosts.all()
            if host.partner_id in partners
        ]
    return sessions


def session_listing(series, request, now=None):
    """The context of a series page: filter form, a page of upcoming sessions, the last
    sessions that ended (whose pages hold their documents and links)."""
    now = now or timezone.now()
    sessions = series.sessions()
    upcoming = sessions.filter(ends_at__gt=now).order_by("starts_at", "pk")
    months = upcoming.datetimes("starts_at", "month", tzinfo=_brussels())
    form = SessionFilterForm(request.GET or None, months=months)
    filtered = form.filter(upcoming) if form.is_bound else upcoming
    paginator = Paginator(filtered.prefetch_related(_hosts_prefetch()), series.sessions_per_page)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = annotate_sessions(page.object_list)
    past = list(
        sessions.filter(ends_at__lte=now).order_by("-starts_at", "-pk")[:PAST_SESSIONS_SHOWN]
    )
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "is_filtering": bool(form.is_bound and form.chosen()),
        "sessions": page,
        "filter_query": query.urlencode(),
        "past_sessions": past,
    }
