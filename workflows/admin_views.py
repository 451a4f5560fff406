"""The reviewers' admin: the cases listing ("Dossiers"), the case page with what can be
done now, the transition and document views behind it, and the dashboard's "Wacht op
jou" panel.

Every case is found through `workflows.permissions.cases_for`, so a reviewer never sees
a case of a programme they do not work on (not even that it exists: such a case is "not
found"). Cases change only through `workflows.engine`: this admin adds, edits and
deletes nothing itself.
"""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.forms.utils import flatatt
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import capfirst
from django.template.defaultfilters import date as date_filter
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from forms.documents import document_response
from forms.models import ApplicationDocument
from programmes.eligibility import MET, MISSED
from programmes.models import ProgrammePage
from workflows import coaching, definitions, employer_area, engine, retention
from workflows.answers import answer_groups, legal_basis_label, question_label
from workflows.blind_profile import blind_profile, profile_html, profile_pdf
from workflows.coaching_forms import CoachingSessionForm
from workflows.default_workflows import REVIEWER_GROUPS
from workflows.models import Case, CoachingParticipant, ProgrammeWorkflow, WorkflowVersion
from workflows.permissions import (
    can_view_case,
    cases_for,
    group_names,
    is_programme_manager,
    scoped_programme_ids,
)
from workflows.report_exports import safe_text
from workflows.transition_forms import FORMS

VIEWSET_NAME = "cases"


# --- Names and small facts, as staff read them -------------------------------------------


def state_name(definition, key):
    """A state's staff name in the reader's language; the key if the state is unknown."""
    state = definition.states_by_key.get(key)
    return gettext(state.staff_name) if state else key


def transition_name(definition, key):
    transition = definition.transitions_by_key.get(key)
    return gettext(transition.staff_name) if transition else key


def person_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.email


def language_name(code):
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def days_in_state(case, today=None):
    today = today or timezone.localdate()
    return (today - timezone.localdate(case.state_entered_at)).days


def case_url(case):
    return reverse(f"{VIEWSET_NAME}:inspect", args=[case.pk])


def eligibility_label(eligible):
    if eligible is None:
        return gettext("nog niet zeker")
    return gettext("ja") if eligible else gettext("nee")


# --- Who may do what ---------------------------------------------------------------------


class CasePermissionPolicy(ModelPermissionPolicy):
    """Cases open when an application comes in and move only through the workflow engine:
    nobody adds, edits or deletes them in the admin. Seeing them takes `view_case`, and
    which ones is decided by `workflows.permissions`."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Case, CasePermissionPolicy(Case))


def sees_worklist(user):
    """Reviewers (any reviewer group) and superusers get the "Wacht op jou" panel."""
    return user.is_active and (user.is_superuser or bool(group_names(user) & set(REVIEWER_GROUPS)))


# --- The listing -------------------------------------------------------------------------


def visible_programmes(request):
    """The programmes a reviewer may filter on: theirs (every programme with cases or a
    workflow, for superusers)."""
    if request is None:
        return ProgrammePage.objects.none()
    programme_ids = scoped_programme_ids(request.user)
    if programme_ids is None:
        # Exists() asks the programme index once per programme, instead of reading
        # every case to collect their programmes.
        with_cases = ProgrammePage.objects.filter(
            Exists(Case.objects.filter(programme=OuterRef("pk")))
        ).values_list("pk", flat=True)
        ids = {*ProgrammeWorkflow.objects.values_list("programme", flat=True), *with_cases}
        programmes = ProgrammePage.objects.filter(pk__in=ids)
    else:
        programmes = ProgrammePage.objects.filter(pk__in=programme_ids)
    # The filter shows titles: not every programme's page content.
    return programmes.only("title").order_by("title")


def visible_assignees(request):
    """Staff who are the mentor or coach of a case the user sees (assignees are always
    staff: participants are never asked about)."""
    if request is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(is_staff=True)
        .filter(Exists(cases_for(request.user).filter(assignee=OuterRef("pk"))))
        .order_by("first_name", "last_name", "email")
    )


def state_choices():
    """Every state key of every workflow version, with its staff name(s)."""
    names = {}
    for version in WorkflowVersion.objects.only("definition"):
        for state in version.parsed().states:
            names.setdefault(state.key, [])
            name = gettext(state.staff_name)
            if name not in names[state.key]:
                names[state.key].append(name)
    return sorted(
        ((key, " / ".join(labels)) for key, labels in names.items()),
        key=lambda choice: choice[1].lower(),
    )


class ProgrammeChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class StaffChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_name(obj)


class ProgrammeFilter(django_filters.ModelChoiceFilter):
    field_class = ProgrammeChoiceField


class AssigneeFilter(django_filters.ModelChoiceFilter):
    field_class = StaffChoiceField


YES_NO = [("true", _("ja")), ("false", _("nee"))]


class CaseFilterSet(WagtailFilterSet):
    waiting = django_filters.ChoiceFilter(
        label=_("Wacht op mij"),
        choices=YES_NO,
        empty_label=_("alle"),
        widget=forms.RadioSelect,
        method="filter_waiting",
        help_text=_("Dossiers waarin jij nu een stap kunt zetten."),
    )
    programme = ProgrammeFilter(label=_("Programma"), queryset=visible_programmes)
    state = django_filters.MultipleChoiceFilter(
        label=_("Toestand"), choices=state_choices, widget=forms.CheckboxSelectMultiple
    )
    assignee = AssigneeFilter(
        label=_("Begeleider"), queryset=visible_assignees, null_label=_("Nog niemand")
    )
    submitted = django_filters.DateFromToRangeFilter(
        label=_("Ingediend tussen"),
        field_name="application__submitted_at",
        widget=DateRangePickerWidget,
    )
    eligible = django_filters.ChoiceFilter(
        label=_("Komt in aanmerking"),
        choices=[("yes", _("ja")), ("no", _("nee")), ("unknown", _("nog niet zeker"))],
        method="filter_eligible",
    )
    closed = django_filters.ChoiceFilter(
        label=_("Afgesloten"),
        choices=YES_NO,
        empty_label=_("alle"),
        widget=forms.RadioSelect,
        method="filter_closed",
    )

    class Meta:
        model = Case
        fields = []

    def filter_waiting(self, queryset, name, value):
        if value not in ("true", "false") or self.request is None:
            return queryset
        waiting = engine.worklist(self.request.user)
        if value == "true":
            # The worklist's conditions on the same table, rather than "pk in (worklist)":
            # at 50,000 cases the database then walks one index in waiting order.
            return queryset & waiting.order_by()
        return queryset.exclude(pk__in=waiting.values("pk"))

    def filter_closed(self, queryset, name, value):
        if value not in ("true", "false"):
            return queryset
        return queryset.filter(closed_at__isnull=value == "false")

    def filter_eligible(self, queryset, name, value):
        lookup = {"yes": True, "no": False, "unknown": None}
        if value not in lookup:
            return queryset
        return queryset.filter(application__eligible=lookup[value])


def state_label(case):
    return state_name(case.definition, case.state)


def with_related(cases):
    """`cases` with what a row shows: the application, programme and mentor in the same
    query; the workflow versions in one more, each read (and parsed) once per page rather
    than once per row."""
    return cases.select_related("application", "programme", "assignee").prefetch_related(
        "workflow_version"
    )


def cases_between(cases, start, stop):
    """The cases from `start` to `stop` in `cases`' order, with their related rows.

    The cases are chosen in the cases table alone, then read with their related rows by
    id: asked in one query, the database may join every matching case before sorting them
    (PostgreSQL does when it cannot tell how many match, e.g. before its first ANALYZE),
    which at 50,000 cases takes a page of the worklist from 1 ms to 150.
    """
    ids = list(cases.values_list("pk", flat=True)[start:stop])
    # By id alone: these ids come from `cases`, which holds who may see them; repeating
    # its conditions only gives the database more to plan.
    found = with_related(Case.objects.all()).in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


class CasePaginator(WagtailPaginator):
    """Wagtail's paginator, reading a page's cases with `cases_between`."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(cases_between(self.object_list, bottom, top), number, self)


class CaseIndexView(generic.IndexView):
    # Case is not in the search index: the ORM searches these, every word somewhere.
    search_fields = [
        "application__reference",
        "application__first_name",
        "application__last_name",
        "application__email",
    ]
    search_backend_name = None
    paginator_class = CasePaginator

    def get_base_queryset(self):
        # The related rows are read per page (`CasePaginator`) or, for an export, here.
        return with_related(cases_for(self.request.user))

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        for word in self.search_query.split():
            matches = Q()
            for field in self.search_fields:
                matches |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(matches)
        return queryset

    def to_row_dict(self, item):
        application = item.application
        return {
            "reference": application.reference,
            "name": (
                safe_text(application.full_name)
                if self.request.GET.get("export") == self.FORMAT_CSV
                else application.full_name  # XLSX cells are text already
            ),
            "programme": item.programme.title,
            "state": state_label(item),
            "assignee": person_name(item.assignee),
            "submitted": timezone.localdate(application.submitted_at),
            "eligible": eligibility_label(application.eligible),
        }


# The listing's cells are written here, as Wagtail's cell templates write them: rendering
# a template per cell (25 rows of 7) was most of the time a page took.


def cell(column, content):
    if column.classname:
        return format_html('<td class="{}">{}</td>', column.classname, content)
    return format_html("<td>{}</td>", content)


class CaseTitleColumn(TitleColumn):
    """The listing's link to a case: the case page (the viewset's inspect view)."""

    def get_link_url(self, instance, parent_context):
        return case_url(instance)

    def render_cell_html(self, instance, parent_context):
        context = self.get_cell_context_data(instance, parent_context)
        if context.get("buttons") or context.get("title_id") or not context.get("link_url"):
            return super().render_cell_html(instance, parent_context)  # Wagtail's template
        classname = f"{self.classname} title" if self.classname else "title"
        return format_html(
            '<td class="{}"><div class="title-wrapper"><a{}>{}</a></div></td>',
            classname,
            flatatt(context["link_attrs"]),
            context["value"],
        )


class TextColumn(Column):
    """Wagtail's `Column` (the text of its value), without its cell template."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_cell_context_data(instance, parent_context)["value"]
        return cell(self, "" if value is None else value)


class DaysInStateColumn(TextColumn):
    def get_value(self, instance):
        return days_in_state(instance)


class StateColumn(StatusTagColumn):
    """Wagtail's `StatusTagColumn`, without its cell template."""

    def render_cell_html(self, instance, parent_context):
        label = self.get_value(instance)
        classname = "w-status w-status--primary" if self.get_primary(instance) else "w-status"
        return cell(self, format_html('<span class="{}">{}</span>', classname, label or ""))


class SubmittedColumn(DateColumn):
    """Wagtail's `DateColumn` (its `human_readable_date`, with the date as a tooltip),
    without its cell template."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if not value:
            return cell(self, "")
        local = timezone.template_localtime(value)
        tooltip_format = get_format("DATETIME_FORMAT") or "N j, Y, P"
        return cell(
            self,
            format_html(
                '<button type="button" class="w-human-readable-date" '
                'data-controller="w-tooltip" data-w-tooltip-content-value="{}" '
                'data-w-tooltip-placement-value="top">'
                '<time class="w-human-readable-date__date" datetime="{}">{}</time></button>',
                date_filter(local, tooltip_format),
                date_filter(local, "c"),
                capfirst(timesince_simple(value)),
            ),
        )


# --- The case page -----------------------------------------------------------------------


def _value_text(value):
    if isinstance(value, dict) and "label" in value:
        return str(value["label"])
    if isinstance(value, bool):
        return gettext("ja") if value else gettext("nee")
    if isinstance(value, list | tuple):
        return ", ".join(_value_text(item) for item in value)
    return str(value)


def event_details(transition, data):
    """An event's recorded data as (label, text) pairs, in the words of its form."""
    form_class = FORMS.get(transition.form) if transition else None
    fields = form_class.base_fields if form_class else {}
    rows = []
    for name, value in (data or {}).items():
        field = fields.get(name)
        text = _value_text(value)
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            text = str({str(key): label for key, label in field.choices}.get(str(value), text))
        label = str(field.label) if field is not None and field.label else name
        rows.append((label, text))
    return rows


def destination(case, transition):
    """Where `transition` takes the case: a state key, or "" when it stays."""
    if transition.to_state == definitions.STAY:
        return ""
    if transition.to_state == definitions.PREVIOUS:
        return case.previous_state or case.definition.start_state.key
    return transition.to_state


def is_detour(definition, state):
    """A state the case steps aside into and comes back from ("on hold"): every way out
    goes back to where it was, or ends the case."""
    leaving = [t for t in definition.transitions_from(state.key) if t.changes_state]

    def ends_or_returns(transition):
        if transition.to_state == definitions.PREVIOUS:
            return True
        target = definition.states_by_key.get(transition.to_state)
        return target is not None and target.kind == definitions.CLOSED

    return any(t.to_state == definitions.PREVIOUS for t in leaving) and all(
        ends_or_returns(t) for t in leaving
    )


def main_path(definition):
    """The states a case passes on its way: start, active and success states in the
    definition's order, without closed states and detours."""
    return [
        state
        for state in definition.states
        if state.kind != definitions.CLOSED and not is_detour(definition, state)
    ]


def workflow_steps(definition, position):
    """The main path with the state at `position` marked as current and the states before
    it as done."""
    states = main_path(definition)
    keys = [state.key for state in states]
    current_index = keys.index(position) if position in keys else None
    return [
        {
            "key": state.key,
            "name": gettext(state.staff_name),
            "current": index == current_index,
            "done": current_index is not None and index < current_index,
        }
        for index, state in enumerate(states)
    ]


class CaseInspectView(generic.InspectView):
    """The case page: who, where in the pathway, what can be done now, then the
    eligibility check, answers, documents, traineeships and placements, and the history."""

    template_name = "workflows/admin/case.html"
    page_title = _("Dossier")

    def setup(self, request, *args, **kwargs):
        self.bound_forms = {}
        self.coaching_form = None
        super().setup(request, *args, **kwargs)

    def get_object(self, queryset=None):
        case = (
            cases_for(self.request.user)
            .select_related(
                "application",
                "application__privacy_notice",
                "programme",
                "assignee",
                "workflow_version",
            )
            .filter(pk=self.pk)
            .first()
        )
        # Not found rather than forbidden: a case outside your programmes does not exist
        # as far as you can tell.
        if case is None or not can_view_case(self.request.user, case):
            raise Http404
        return case

    def get_page_subtitle(self):
        return f"{self.object.application.reference} – {self.object.application.full_name}"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # Who read a person's file, and when: for the data protection officer.
        log(self.object, "workflows.case.view", user=request.user)
        return response

    def get_actions(self):
        case, user = self.object, self.request.user
        actions = []
        for transition in engine.available_transitions(case, user):
            bound = self.bound_forms.get(transition.key)
            target = destination(case, transition)
            actions.append(
                {
                    "key": transition.key,
                    "name": gettext(transition.staff_name),
                    "to_state": state_name(case.definition, target) if target else "",
                    "form": bound or engine.transition_form(case, transition, user),
                    "open": bound is not None,
                }
            )
        return actions

    def get_events(self):
        definition = self.object.definition
        rows = []
        for event in self.object.events.select_related("actor").order_by("-at", "-pk"):
            transition = definition.transitions_by_key.get(event.transition)
            rows.append(
                {
                    "at": event.at,
                    "actor": person_name(event.actor),
                    "name": (
                        gettext(transition.staff_name)
                        if transition
                        else (event.transition or gettext("Dossier geopend"))
                    ),
                    "from_state": (
                        state_name(definition, event.from_state) if event.from_state else ""
                    ),
                    "to_state": state_name(definition, event.to_state),
                    "moved": event.from_state != event.to_state,
                    "comment": event.comment,
                    "details": event_details(transition, event.data),
                }
            )
        return rows

    def get_coaching(self):
        case, user = self.object, self.request.user
        rows = list(coaching.participations(case))
        may_record = coaching.may_record(user, case)
        form = self.coaching_form
        if form is None and may_record:
            form = CoachingSessionForm(case=case, user=user)
        return {
            "rows": rows,
            "may_record": may_record,
            "form": form,
            "open": self.coaching_form is not None,
            "url": reverse(f"{VIEWSET_NAME}:coaching", args=[case.pk]),
            "hours": sum(row.session.duration_minutes for row in rows if row.attended) / 60,
        }

    def coaching_events(self, rows):
        """The coaching sessions as rows of the case history (dated at noon: a session
        has a day, not a time)."""
        tz = timezone.get_current_timezone()
        events = []
        for row in rows:
            session = row.session
            details = [
                (gettext("Onderwerpen"), ", ".join(str(label) for label in session.topic_labels)),
                (
                    gettext("Duur"),
                    gettext("%(minutes)s minuten") % {"minutes": session.duration_minutes},
                ),
            ]
            if not row.attended:
                details.append((gettext("Aanwezig"), gettext("nee")))
            events.append(
                {
                    "at": datetime.datetime.combine(session.held_on, datetime.time(12), tzinfo=tz),
                    "date_only": True,
                    "actor": person_name(session.coach),
                    "name": gettext("Coachingsessie (%(kind)s)")
                    % {"kind": session.get_kind_display()},
                    "from_state": "",
                    "to_state": "",
                    "moved": False,
                    "comment": session.note,
                    "details": details,
                }
            )
        return events

    def get_eligibility(self):
        snapshot = self.object.application.eligibility or {}
        labels = {
            MET: (gettext("voldaan"), "w-status--primary"),
            MISSED: (gettext("niet voldaan"), ""),
        }
        outcomes = []
        for outcome in snapshot.get("outcomes", []):
            label, classname = labels.get(
                outcome.get("status"), (gettext("onzeker"), "w-status--label")
            )
            outcomes.append(
                {
                    "label": label,
                    "classname": classname,
                    "explanation": outcome.get("explanation_nl") or outcome.get("explanation", ""),
                }
            )
        try:
            checked_on = datetime.date.fromisoformat(snapshot.get("checked_on") or "")
        except (TypeError, ValueError):
            checked_on = None
        return {"checked_on": checked_on, "outcomes": outcomes}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        application = case.application
        definition = case.definition
        current = definition.states_by_key.get(case.state)
        detour = current is not None and is_detour(definition, current)
        # Stepped aside ("on hold"): the pathway shows where the case will come back to.
        position = (case.previous_state or definition.start_state.key) if detour else case.state
        coaching_context = self.get_coaching()
        context.update(
            {
                "case": case,
                "application": application,
                "state_name": state_name(definition, case.state),
                "state_is_final": bool(current and current.is_final),
                "state_is_closed": bool(current and current.kind == definitions.CLOSED),
                "days_in_state": days_in_state(case),
                "assignee_name": person_name(case.assignee),
                "language_name": language_name(application.language),
                "preferred_language_name": language_name(application.preferred_language),
                "eligible_label": eligibility_label(application.eligible),
                "steps": workflow_steps(definition, position),
                "detour_name": state_name(definition, case.state) if detour else "",
                "actions": self.get_actions(),
                "transition_url": reverse(f"{VIEWSET_NAME}:transition", args=[case.pk]),
                "eligibility": self.get_eligibility(),
                "answer_groups": answer_groups(application),
                "documents": list(application.documents.order_by("kind")),
                "traineeships": list(
                    case.traineeships.select_related("traineeship_type", "employer")
                ),
                "placements": list(case.placements.select_related("employer")),
                "proposals": [
                    (proposal, employer_area.stage_of(proposal).label)
                    for proposal in case.proposals.select_related("vacancy").order_by(
                        "proposed_at", "pk"
                    )
                ],
                "coaching": coaching_context,
                "events": sorted(
                    self.get_events() + self.coaching_events(coaching_context["rows"]),
                    key=lambda event: event["at"],
                    reverse=True,
                ),
                "legal_basis_label": legal_basis_label(application.legal_basis),
                "declined_labels": [
                    question_label(question) for question in application.declined_questions
                ],
                "erasure_request": retention.open_request_for(case),
                "may_erase": is_programme_manager(self.request.user),
                "erase_url": reverse(f"{VIEWSET_NAME}:erase", args=[case.pk]),
            }
        )
        return context


class CaseTransitionView(CaseInspectView):
    """POST: perform one transition through the engine, then back to the case page.

    A form that does not validate shows the case page again with the typed values and
    their errors; a case someone else moved meanwhile, or a step that is not (or no
    longer) allowed, comes back as a message on the case page.
    """

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        case = self.object
        key = request.POST.get("transition", "")
        expected_state = request.POST.get("expected_state") or None
        try:
            event = engine.perform(
                case, key, request.user, data=request.POST, expected_state=expected_state
            )
        except engine.CaseMovedOn as moved:
            messages.error(request, moved.message)
            return redirect(case_url(case))
        except engine.TransitionRefused as refused:
            messages.error(request, refused.message)
            if refused.form is None:
                return redirect(case_url(case))
            self.bound_forms = {key: refused.form}
            return self.render_to_response(self.get_context_data())
        definition = case.definition
        if event.from_state != event.to_state:
            message = gettext("„%(step)s” is gezet: het dossier staat nu in „%(state)s”.") % {
                "step": transition_name(definition, key),
                "state": state_name(definition, event.to_state),
            }
        else:
            message = gettext("„%(step)s” staat in het dossier.") % {
                "step": transition_name(definition, key)
            }
        messages.success(request, message)
        return redirect(case_url(case))


class CaseEraseView(CaseInspectView):
    """POST: carry out the applicant's request to erase their data on this case
    (`workflows.retention.erase_case`), for those who manage the programme."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        case = self.object
        if not is_programme_manager(request.user):
            raise PermissionDenied
        if case.application.anonymised_at is not None:
            messages.info(request, gettext("De gegevens van dit dossier waren al gewist."))
            return redirect(case_url(case))
        if retention.open_request_for(case) is None:
            messages.error(
                request,
                gettext(
                    "Deze deelnemer vroeg niet om hun gegevens te wissen. Persoonsgegevens "
                    "worden alleen gewist op verzoek of na de bewaartermijn."
                ),
            )
            return redirect(case_url(case))
        finished = retention.erase_case(case, by=request.user)
        if finished is not None:
            messages.success(
                request,
                gettext(
                    "De gegevens zijn gewist. Het was het laatste dossier van deze persoon: "
                    "ook hun account, inschrijvingen en certificaten zijn gewist, en het "
                    "verzoek is afgehandeld."
                ),
            )
        else:
            messages.success(
                request,
                gettext(
                    "De gegevens van dit dossier zijn gewist. Deze persoon heeft nog andere "
                    "dossiers: wis die ook, dan is het verzoek afgehandeld."
                ),
            )
        return redirect(case_url(case))


class CaseCoachingView(CaseInspectView):
    """POST: record a coaching session on this case (and, for a group, on the others
    chosen); or, with `participant`, change whether someone attended."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        case = self.object
        if not coaching.may_record(request.user, case):
            raise PermissionDenied
        participant_id = request.POST.get("participant")
        if participant_id:
            return self.change_attendance(participant_id)
        form = CoachingSessionForm(request.POST, case=case, user=request.user)
        if not form.is_valid():
            messages.error(request, gettext("Kijk de gegevens van de coachingsessie na."))
            self.coaching_form = form
            return self.render_to_response(self.get_context_data())
        session = form.save()
        messages.success(
            request,
            ngettext(
                "De coachingsessie staat in het dossier.",
                "De groepssessie staat in de %(count)s dossiers van de deelnemers.",
                session.participants.count(),
            )
            % {"count": session.participants.count()},
        )
        return redirect(case_url(case) + "#case-coaching")

    def change_attendance(self, participant_id):
        case = self.object
        participant = (
            CoachingParticipant.objects.filter(case=case, pk=participant_id)
            .select_related("session", "case")
            .first()
        )
        if participant is None:
            raise Http404
        coaching.set_attendance(
            participant, self.request.POST.get("attended") == "1", by=self.request.user
        )
        messages.success(self.request, gettext("De aanwezigheid is aangepast."))
        return redirect(case_url(case) + "#case-coaching")


class CaseDocumentView(PermissionCheckedMixin, View):
    """An applicant's uploaded document, for staff who may see the case."""

    model = Case
    any_permission_required = ["view"]
    http_method_names = ["get"]

    def get(self, request, pk, document_pk):
        case = cases_for(request.user).filter(pk=pk).first()
        if case is None or not can_view_case(request.user, case):
            raise Http404
        document = get_object_or_404(
            ApplicationDocument, pk=document_pk, application_id=case.application_id
        )
        log(case, "workflows.case.document", user=request.user, data={"document": document.kind})
        return document_response(document)


class CaseBlindProfileView(PermissionCheckedMixin, View):
    """The candidate's blind profile (`workflows.blind_profile`), for staff who may see the
    case: a printable page in the reader's admin language, or the same page as a PDF."""

    model = Case
    any_permission_required = ["view"]
    http_method_names = ["get"]
    as_pdf = False

    def get(self, request, pk):
        case = cases_for(request.user).select_related("application").filter(pk=pk).first()
        if case is None or not can_view_case(request.user, case):
            raise Http404
        profile = blind_profile(case.application)
        if self.as_pdf:
            html = profile_html(profile, for_pdf=True)
            response = HttpResponse(
                profile_pdf(html, base_url=request.build_absolute_uri("/")),
                content_type="application/pdf",
            )
            response["Content-Disposition"] = f'attachment; filename="{profile.filename}"'
        else:
            html = profile_html(
                profile,
                for_pdf=False,
                request=request,
                case_url=case_url(case),
                pdf_url=reverse(f"{VIEWSET_NAME}:blind_profile_pdf", args=[case.pk]),
            )
            response = HttpResponse(html)
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class CaseViewSet(ModelViewSet):
    model = Case
    icon = "folder-open-inverse"
    menu_label = _("Dossiers")
    add_to_admin_menu = True
    menu_order = 200
    url_prefix = "dossiers"
    add_to_reference_index = False
    index_view_class = CaseIndexView
    inspect_view_class = CaseInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 25  # a screen or two; rendering each row is most of the page's time
    ordering = ["state_entered_at", "pk"]  # the longest waiting first
    list_display = [
        CaseTitleColumn(
            "reference",
            label=_("Referentie"),
            accessor="application.reference",
            sort_key="application__reference",
        ),
        TextColumn(
            "name",
            label=_("Naam"),
            accessor="application.full_name",
            sort_key="application__last_name",
        ),
        TextColumn("programme", label=_("Programma"), accessor="programme.title"),
        StateColumn(
            "state",
            label=_("Toestand"),
            accessor=state_label,
            sort_key="state",
            primary=lambda case: case.closed_at is None,
        ),
        TextColumn(
            "assignee", label=_("Begeleider"), accessor=lambda case: person_name(case.assignee)
        ),
        DaysInStateColumn("days", label=_("Dagen in deze toestand"), sort_key="state_entered_at"),
        SubmittedColumn(
            "submitted",
            label=_("Ingediend op"),
            accessor="application.submitted_at",
            sort_key="application__submitted_at",
        ),
    ]
    filterset_class = CaseFilterSet
    search_fields = CaseIndexView.search_fields
    list_export = ["reference", "name", "programme", "state", "assignee", "submitted", "eligible"]
    export_headings = {
        "reference": _("Referentie"),
        "name": _("Naam"),
        "programme": _("Programma"),
        "state": _("Toestand"),
        "assignee": _("Begeleider"),
        "submitted": _("Ingediend op"),
        "eligible": _("Komt in aanmerking"),
    }
    export_filename = "dossiers"

    def get_permissions_to_register(self):
        # Only "view" means something for cases; the engine does the rest.
        return super().get_permissions_to_register().filter(codename="view_case")

    @property
    def transition_view(self):
        return self.construct_view(CaseTransitionView, **self.get_inspect_view_kwargs())

    @property
    def coaching_view(self):
        return self.construct_view(CaseCoachingView, **self.get_inspect_view_kwargs())

    @property
    def erase_view(self):
        return self.construct_view(CaseEraseView, **self.get_inspect_view_kwargs())

    @property
    def document_view(self):
        return CaseDocumentView.as_view()

    @property
    def blind_profile_view(self):
        return CaseBlindProfileView.as_view()

    @property
    def blind_profile_pdf_view(self):
        return CaseBlindProfileView.as_view(as_pdf=True)

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, delete, history or usage views: nothing links to them.
        unused = ("add", "edit", "delete", "history", "usage")
        return super().get_common_view_kwargs(
            **{f"{name}_url_name": None for name in unused}, **kwargs
        )

    def register_admin_url_finder(self):
        pass  # cases are not edited; the case page is their only address

    def get_urlpatterns(self):
        # Only the listing and the case page (the inspect view) of a ModelViewSet: every
        # other generic view finds its object without the reviewer's programme scope.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/stap/", self.transition_view, name="transition"),
            path("<int:pk>/wissen/", self.erase_view, name="erase"),
            path("<int:pk>/coaching/", self.coaching_view, name="coaching"),
            path(
                "<int:pk>/documenten/<int:document_pk>/",
                self.document_view,
                name="document",
            ),
            path("<int:pk>/blind-profiel/", self.blind_profile_view, name="blind_profile"),
            path(
                "<int:pk>/blind-profiel/pdf/",
                self.blind_profile_pdf_view,
                name="blind_profile_pdf",
            ),
        ]


case_viewset = CaseViewSet(VIEWSET_NAME)


# --- The dashboard -----------------------------------------------------------------------


class WaitingForYouPanel(Component):
    """ "Wacht op jou": how many cases wait for this reviewer, per state, and the ten that
    have waited longest. The counts and the list come from one worklist queryset; the
    total is the sum of the counts per state."""

    name = "waiting_for_you"
    template_name = "workflows/admin/waiting_for_you_panel.html"
    order = 50  # a reviewer's day starts here: above Wagtail's own panels
    shown = 10

    def __init__(self, user):
        self.user = user

    @cached_property
    def worklist(self):
        return engine.worklist(self.user)

    def per_state(self, cases):
        """(state name, its keys, count) for every state with waiting cases; states of
        different workflows with the same name count together."""
        rows = list(
            cases.order_by()
            .values("workflow_version", "state")
            .annotate(number=Count("pk"))
            .order_by("workflow_version", "state")
        )
        versions = {
            version.pk: version.parsed()
            for version in WorkflowVersion.objects.filter(
                pk__in={row["workflow_version"] for row in rows}
            ).only("definition")
        }
        totals = {}
        for row in rows:
            name = state_name(versions[row["workflow_version"]], row["state"])
            keys, number = totals.get(name, ([], 0))
            if row["state"] not in keys:
                keys.append(row["state"])
            totals[name] = (keys, number + row["number"])
        return [(name, keys, number) for name, (keys, number) in sorted(totals.items())]

    def get_context_data(self, parent_context):
        cases = self.worklist
        per_state = self.per_state(cases)
        count = sum(number for _name, _keys, number in per_state)  # no second count
        today = timezone.localdate()
        oldest = [
            {
                "case": case,
                "url": case_url(case),
                "state": state_label(case),
                "days": days_in_state(case, today),
            }
            for case in (cases_between(cases, 0, self.shown) if count else [])
        ]
        list_url = reverse(f"{VIEWSET_NAME}:index")
        return {
            "count": count,
            "cases": oldest,
            "per_state": [
                {
                    "label": f"{name}: {number}",
                    "url": f"{list_url}?{urlencode({'waiting': 'true', 'state': keys}, True)}",
                }
                for name, keys, number in per_state
            ],
            "list_url": f"{list_url}?waiting=true",
            "more": count > len(oldest),
        }


def waiting_for_you_panel(request):
    return WaitingForYouPanel(request.user) if sees_worklist(request.user) else None
