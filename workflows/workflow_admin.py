"""The programme managers' admin: workflows (edit, with the graph checked on saving; JSON
export and import) and which programmes each staff member works on."""

import json

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property, lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic.edit import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.log_actions import log
from wagtail.models import Locale

from programmes.models import ProgrammePage
from workflows import definitions
from workflows.effects import EFFECTS
from workflows.guards import GUARDS
from workflows.installation import import_workflow
from workflows.models import ProgrammeScope, Workflow, WorkflowState, WorkflowTransition
from workflows.transition_forms import FORMS

WORKFLOWS = "workflows_admin"
SCOPES = "programme_scopes"
MAX_IMPORT_BYTES = 1024 * 1024
# The fields an imported state or transition may have, and what each holds; a list of
# keys may also come as one comma-separated string.
TEXT, KEYS, FLAG = "text", "keys", "flag"
FIELD_TYPES = {
    "kind": TEXT,
    "staff_name": TEXT,
    "applicant_name": TEXT,
    "applicant_description": TEXT,
    "to_state": TEXT,
    "form": TEXT,
    "from_states": KEYS,
    "groups": KEYS,
    "effects": KEYS,
    "guards": KEYS,
    "exit": FLAG,
    "enrolled": FLAG,
    "reveals_identity": FLAG,
}


def _has_type(item, name):
    if name not in item or item[name] is None:
        return True
    value = item[name]
    if FIELD_TYPES[name] == FLAG:
        return isinstance(value, bool)
    if FIELD_TYPES[name] == KEYS and isinstance(value, list):
        return all(isinstance(element, str) for element in value)
    return isinstance(value, str)


def problems(data):
    """What makes definition `data` unusable, checked against this site's registries."""
    return definitions.problems(data, forms=FORMS, effects=EFFECTS, guards=GUARDS)


def _keys(value):
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _listed(value):
    """Keys from a JSON list or a comma-separated string."""
    if isinstance(value, str):
        return _keys(value)
    return [str(item) for item in value or []]


# --- Editing a workflow ------------------------------------------------------------------


class WorkflowAdminForm(WagtailAdminModelForm):
    """The workflow with its states and transitions; saving checks the whole graph."""

    def _kept_forms(self, relation):
        """The inline forms that stay, in their order; None when the inline forms have
        errors of their own (those are shown first)."""
        formset = self.formsets.get(relation)
        if formset is None or not formset.is_valid():
            return None
        deleted = formset.deleted_forms if formset.can_delete else []
        kept = [form for form in formset.forms if form.cleaned_data and form not in deleted]
        if formset.can_order:
            kept.sort(key=lambda form: form.cleaned_data.get("ORDER") or 0)
        return kept

    def definition_data(self):
        """The definition as the bound forms describe it (the shape of the JSON export).

        Validating a form puts its values on its instance, so each row is the model's own
        `as_data()`; only the groups, which are saved later, come from the form.
        """
        states, transitions = self._kept_forms("states"), self._kept_forms("transitions")
        if states is None or transitions is None:
            return None
        return {
            "name": self.cleaned_data.get("name", ""),
            "states": [form.instance.as_data() for form in states],
            "transitions": [
                {
                    **form.instance.as_data(),
                    "groups": sorted(group.name for group in form.cleaned_data.get("groups") or []),
                }
                for form in transitions
            ],
        }

    def clean(self):
        cleaned_data = super().clean()
        data = self.definition_data()
        if data is not None:
            for problem in problems(data):
                self.add_error(None, problem)
        return cleaned_data


class WorkflowIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .prefetch_related("programmes__programme")
            .annotate(
                open_cases=Count(
                    "versions__cases", filter=Q(versions__cases__closed_at__isnull=True)
                )
            )
        )

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.user_has_permission("add"):
            buttons.append(
                HeaderButton(
                    _("JSON importeren"), url=reverse(f"{WORKFLOWS}:import"), icon_name="upload"
                )
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            Button(
                _("JSON exporteren"),
                url=reverse(f"{WORKFLOWS}:export", args=[instance.pk]),
                icon_name="download",
                priority=30,
            )
        )
        return buttons


class WorkflowEditView(generic.EditView):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("JSON exporteren"),
                url=reverse(f"{WORKFLOWS}:export", args=[self.object.pk]),
                icon_name="download",
                priority=30,
            ),
        ]


class WorkflowDeleteView(generic.DeleteView):
    """A workflow that ever started a case stays: its versions hold those cases' history."""

    def dispatch(self, request, *args, **kwargs):
        # Who may delete at all comes first: the answer must not depend on the workflow.
        if not self.permission_policy.user_has_permission(request.user, "delete"):
            raise PermissionDenied
        if self.object.versions.exists():
            messages.error(
                request,
                gettext(
                    "De workflow „%(name)s” heeft dossiers en kan dus niet weg. Haal hem bij "
                    "de programma's weg, dan krijgen nieuwe aanmeldingen hem niet meer."
                )
                % {"name": self.object.name},
            )
            return redirect(reverse(f"{WORKFLOWS}:edit", args=[self.object.pk]))
        return super().dispatch(request, *args, **kwargs)


def workflow_document(workflow):
    """The JSON export: what `import_workflow` reads back."""
    definition = workflow.as_definition()
    return {
        "slug": workflow.slug,
        "name": definition["name"],
        "description": workflow.description,
        "states": definition["states"],
        "transitions": definition["transitions"],
    }


class WorkflowExportView(PermissionCheckedMixin, View):
    model = Workflow
    any_permission_required = ["add", "change", "view"]
    http_method_names = ["get"]

    def get(self, request, pk):
        workflow = get_object_or_404(Workflow, pk=pk)
        content = json.dumps(workflow_document(workflow), indent=2, ensure_ascii=False)
        response = HttpResponse(f"{content}\n", content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="workflow-{workflow.slug}.json"'
        return response


class WorkflowImportForm(forms.Form):
    file = forms.FileField(
        label=_("JSON-bestand"),
        help_text=_("Een bestand zoals „JSON exporteren” het maakt."),
        error_messages={"required": _("Kies het JSON-bestand van de workflow.")},
    )
    slug = forms.SlugField(
        label=_("Sleutel"),
        required=False,
        help_text=_("Leeg: de sleutel uit het bestand. Een sleutel komt maar één keer voor."),
    )

    def _read(self, upload):
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("Dit bestand is te groot voor een workflow (meer dan 1 MB)."))
        try:
            data = json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise ValidationError(
                _("Dit bestand is geen geldige JSON. Exporteer de workflow opnieuw.")
            ) from error
        if not (
            isinstance(data, dict)
            and isinstance(data.get("name"), str)
            and data["name"].strip()
            and isinstance(data.get("states"), list)
            and isinstance(data.get("transitions"), list)
            and all(isinstance(item, dict) for item in data["states"] + data["transitions"])
        ):
            raise ValidationError(
                _(
                    "Dit bestand beschrijft geen workflow: het heeft een naam, een lijst "
                    "„states” en een lijst „transitions” nodig."
                )
            )
        for kind, items in (("states", data["states"]), ("transitions", data["transitions"])):
            for position, item in enumerate(items, start=1):
                wrong = [name for name in FIELD_TYPES if not _has_type(item, name)]
                if not (isinstance(item.get("key"), str) and item["key"]):
                    wrong.insert(0, "key")
                if wrong:
                    raise ValidationError(
                        gettext(
                            "In „%(kind)s” nummer %(number)s is „%(field)s” leeg of van de "
                            "verkeerde soort. Exporteer de workflow opnieuw of pas het "
                            "bestand aan."
                        )
                        % {"kind": kind, "number": position, "field": wrong[0]}
                    )
        return data

    def _field_errors(self, data):
        """What the database would refuse: keys too long, unknown kinds, missing names."""
        found = []
        known_groups = set(Group.objects.values_list("name", flat=True))
        for position, item in enumerate(data["states"], start=1):
            state = WorkflowState(
                key=item.get("key", ""),
                kind=item.get("kind", ""),
                staff_name=item.get("staff_name") or item.get("key", ""),
                applicant_name=item.get("applicant_name", ""),
                applicant_description=item.get("applicant_description", ""),
            )
            found += self._instance_errors(state, _("Toestand %(number)s"), position)
        for position, item in enumerate(data["transitions"], start=1):
            transition = WorkflowTransition(
                key=item.get("key", ""),
                staff_name=item.get("staff_name") or item.get("key", ""),
                applicant_name=item.get("applicant_name", ""),
                from_states=", ".join(_listed(item.get("from_states"))),
                to_state=item.get("to_state") or "",
                form=item.get("form") or "",
                effects=", ".join(_listed(item.get("effects"))),
                guards=", ".join(_listed(item.get("guards"))),
                is_exit=bool(item.get("exit", False)),
            )
            found += self._instance_errors(transition, _("Overgang %(number)s"), position)
            for group in _listed(item.get("groups")):
                if group not in known_groups:
                    found.append(
                        gettext(
                            "De overgang „%(key)s” noemt de groep „%(group)s”, die hier niet "
                            "bestaat. Maak de groep eerst aan of pas het bestand aan."
                        )
                        % {"key": item.get("key", ""), "group": group}
                    )
        return found

    @staticmethod
    def _instance_errors(instance, label, position):
        try:
            instance.clean_fields(exclude=["workflow", "sort_order"])
        except ValidationError as error:
            where = label % {"number": position}
            return [
                f"{where} ({instance.key or '?'}), {instance._meta.get_field(name).verbose_name}: "
                f"{message}"
                for name, messages_ in error.message_dict.items()
                for message in messages_
            ]
        return []

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        if upload is None:
            return cleaned_data
        try:
            data = self._read(upload)
        except ValidationError as error:
            self.add_error("file", error)
            return cleaned_data
        slug = cleaned_data.get("slug") or data.get("slug") or ""
        if not slug:
            self.add_error("slug", _("Het bestand heeft geen sleutel: vul er hier een in."))
        else:
            try:
                validate_slug(slug)
            except ValidationError:
                self.add_error(
                    "slug",
                    gettext("„%(slug)s” is geen geldige sleutel: gebruik letters, cijfers, - en _.")
                    % {"slug": slug},
                )
            else:
                if Workflow.objects.filter(slug=slug).exists():
                    self.add_error(
                        "slug",
                        gettext(
                            "Er bestaat al een workflow met de sleutel „%(slug)s”. Vul een "
                            "andere sleutel in, of pas de bestaande workflow aan."
                        )
                        % {"slug": slug},
                    )
        for problem in problems(data) + self._field_errors(data):
            self.add_error("file", problem)
        cleaned_data["slug"] = slug
        cleaned_data["definition"] = data
        return cleaned_data


class WorkflowImportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    model = Workflow
    permission_required = "add"
    form_class = WorkflowImportForm
    template_name = "workflows/admin/workflow_import.html"
    page_title = _("Workflow importeren")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{WORKFLOWS}:index"), "label": gettext("Workflows")},
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        slug = form.cleaned_data["slug"]
        try:
            with transaction.atomic():
                workflow = import_workflow(slug, form.cleaned_data["definition"])
                log(instance=workflow, action="wagtail.create", user=self.request.user)
        except IntegrityError:
            form.add_error(
                "slug",
                gettext("Er bestaat al een workflow met de sleutel „%(slug)s”.") % {"slug": slug},
            )
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext(
                "De workflow „%(name)s” is geïmporteerd. Koppel hem aan een programma om hem "
                "te gebruiken."
            )
            % {"name": workflow.name},
        )
        return redirect(reverse(f"{WORKFLOWS}:edit", args=[workflow.pk]))


def registry_help():
    """What a transition may name, so a manager need not guess the keys."""
    rows = [
        (gettext("Formulieren"), [key for key in FORMS if key]),
        (gettext("Gevolgen"), list(EFFECTS)),
        (gettext("Extra voorwaarden"), list(GUARDS)),
        (
            gettext("Naar toestand"),
            [gettext("leeg: de toestand blijft"), f"{definitions.PREVIOUS}: " + gettext("terug")],
        ),
    ]
    return format_html(
        "<p>{}</p><ul>{}</ul>",
        gettext("Een overgang kan deze sleutels gebruiken:"),
        format_html_join(
            "", "<li><strong>{}</strong>: {}</li>", ((n, ", ".join(k)) for n, k in rows)
        ),
    )


def programme_titles(workflow):
    return ", ".join(item.programme.title for item in workflow.programmes.all()) or "—"


class WorkflowViewSet(ModelViewSet):
    model = Workflow
    icon = "tasks"
    menu_label = _("Workflows")
    url_prefix = "dossier-workflows"  # Wagtail's page-moderation workflows live at workflows/
    add_to_reference_index = False
    index_view_class = WorkflowIndexView
    edit_view_class = WorkflowEditView
    delete_view_class = WorkflowDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "name",
        "slug",
        Column("programmes", label=_("Programma's"), accessor=programme_titles),
        Column("open_cases", label=_("Lopende dossiers"), sort_key="open_cases"),
    ]
    search_fields = ["name", "slug", "description"]
    ordering = ["name"]
    edit_handler = ObjectList(
        [
            *Workflow.panels[:3],
            HelpPanel(content=lazy(registry_help, str)(), heading=_("Sleutels voor overgangen")),
            *Workflow.panels[3:],
        ],
        base_form_class=WorkflowAdminForm,
    )

    @property
    def export_view(self):
        return WorkflowExportView.as_view()

    @property
    def import_view(self):
        return WorkflowImportView.as_view()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("export/<int:pk>/", self.export_view, name="export"),
            path("import/", self.import_view, name="import"),
        ]


# --- Which programmes a staff member works on --------------------------------------------


def source_programmes():
    return ProgrammePage.objects.filter(locale=Locale.get_default()).order_by("title")


def staff_members():
    return (
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .order_by("first_name", "last_name", "email")
    )


def staff_label(user):
    name = user.get_full_name()
    return f"{name} <{user.email}>" if name else user.email


class ProgrammeScopeForm(WagtailAdminModelForm):
    class Meta:
        model = ProgrammeScope
        fields = ["user", "programme"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = staff_members()
        self.fields["user"].label_from_instance = staff_label
        self.fields["user"].error_messages["required"] = gettext("Kies een medewerker.")
        self.fields["programme"].queryset = source_programmes()
        self.fields["programme"].label_from_instance = lambda page: page.title
        self.fields["programme"].error_messages["required"] = gettext("Kies een programma.")

    def validate_unique(self):
        user, programme = self.cleaned_data.get("user"), self.cleaned_data.get("programme")
        if (
            user
            and programme
            and ProgrammeScope.objects.filter(user=user, programme=programme)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error(
                "programme",
                gettext("%(user)s werkt al voor %(programme)s.")
                % {"user": staff_label(user), "programme": programme.title},
            )


class ProgrammeScopeFilterSet(WagtailFilterSet):
    programme = django_filters.ModelChoiceFilter(
        label=_("Programma"), queryset=lambda request: source_programmes()
    )

    class Meta:
        model = ProgrammeScope
        fields = []


class ProgrammeScopeIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "programme")


class ProgrammeScopeViewSet(ModelViewSet):
    model = ProgrammeScope
    icon = "group"
    menu_label = _("Programma's van medewerkers")
    url_prefix = "programmas-van-medewerkers"
    add_to_reference_index = False
    index_view_class = ProgrammeScopeIndexView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    list_display = [
        "user",
        Column("email", label=_("E-mailadres"), accessor="user.email", sort_key="user__email"),
        Column("programme", label=_("Programma"), accessor="programme.title"),
    ]
    filterset_class = ProgrammeScopeFilterSet
    search_fields = ["user__email", "user__first_name", "user__last_name", "programme__title"]
    ordering = ["user__first_name", "user__email", "programme__title"]

    def get_form_class(self, for_update=False):
        return ProgrammeScopeForm


class CaseAdministrationGroup(ViewSetGroup):
    """What programme managers set up for case handling."""

    menu_label = _("Dossierbeheer")
    menu_icon = "cogs"
    menu_order = 205
    items = (WorkflowViewSet(WORKFLOWS), ProgrammeScopeViewSet(SCOPES))
