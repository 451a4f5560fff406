"""Certificates in the admin: the listing, a certificate's page (download, revoke, issue a
corrected one), and bulk runs (a café session's attendees, a cohort of cases) with a
progress bar.

Every certificate is found through `workflows.certificates.certificates_for`: staff see
those of their programmes (and the café's when they may see its registrations), and any
other answers "not found". Nothing is edited or deleted here: a certificate is revoked,
and a corrected one issued in its place.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.forms import RecordChoiceField
from programmes.models import CafeSessionPage, ProgrammePage
from programmes.registration import canonical_session
from programmes.registration_admin import can_check_in
from workflows import certificate_runs, certificates
from workflows.certificate_documents import deliver_later, verify_url
from workflows.models import Certificate, CertificateRun
from workflows.permissions import case_programmes_for, cases_for, scoped_programme_ids
from workflows.views.certificates import certificate_file_response

VIEWSET_NAME = "issued_certificates"


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates are issued by the workflow and by runs, never typed in; they are not
    edited or deleted. "change" is the right to revoke and correct; "add" to start runs."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


def may_revoke(user):
    return user.has_perm("workflows.change_certificate")


def may_start_session_run(user):
    return user.has_perm("workflows.add_certificate") and can_check_in(user)


def may_start_cohort_run(user):
    return user.has_perm("workflows.add_certificate")


def certificate_url(certificate):
    return reverse(f"{VIEWSET_NAME}:inspect", args=[certificate.pk])


def run_url(run):
    return reverse(f"{VIEWSET_NAME}:run", args=[run.pk])


def visible_certificate(user, pk):
    certificate = certificates.certificates_for(user).filter(pk=pk).first()
    if certificate is None:
        raise Http404
    return certificate


# --- The listing -------------------------------------------------------------------------


def visible_programmes(request):
    if request is None:
        return ProgrammePage.objects.none()
    programme_ids = scoped_programme_ids(request.user)
    programmes = ProgrammePage.objects.filter(
        pk__in=certificates.certificates_for(request.user).values("programme")
    )
    if programme_ids is not None:
        programmes = programmes.filter(pk__in=programme_ids)
    return programmes.order_by("title")


class CertificateFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Soort"), choices=Certificate.Kind.choices)
    programme = django_filters.ModelChoiceFilter(label=_("Programma"), queryset=visible_programmes)
    revoked = django_filters.ChoiceFilter(
        label=_("Ingetrokken"),
        choices=[("true", _("ja")), ("false", _("nee"))],
        empty_label=_("alle"),
        widget=forms.RadioSelect,
        method="filter_revoked",
    )

    class Meta:
        model = Certificate
        fields = []

    def filter_revoked(self, queryset, name, value):
        if value not in ("true", "false"):
            return queryset
        return queryset.filter(revoked_at__isnull=value == "false")


class CertificateIndexView(generic.IndexView):
    search_fields = ["number", "recipient_name", "code"]
    search_backend_name = None

    def get_base_queryset(self):
        return certificates.certificates_for(self.request.user).select_related("programme")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        for word in self.search_query.split():
            code = certificates.normalise_code(word)
            matches = Q(number__icontains=word) | Q(recipient_name__icontains=word)
            if code:
                matches |= Q(code=code)
            queryset = queryset.filter(matches)
        return queryset

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if may_start_cohort_run(self.request.user):
            buttons.append(
                HeaderButton(
                    gettext("Uitreiken aan een groep dossiers"),
                    url=reverse(f"{VIEWSET_NAME}:cohort"),
                    icon_name="doc-full-inverse",
                )
            )
        buttons.append(
            HeaderButton(
                gettext("Reeksen"),
                url=reverse(f"{VIEWSET_NAME}:runs"),
                icon_name="list-ul",
            )
        )
        return buttons


class CertificateTitleColumn(TitleColumn):
    def get_link_url(self, instance, parent_context):
        return certificate_url(instance)


def status_label(certificate):
    if certificate.is_revoked:
        return gettext("ingetrokken")
    return gettext("geldig") if certificate.is_ready else gettext("wordt gemaakt")


# --- A certificate's page ----------------------------------------------------------------


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Staat in de geschiedenis, niet op de openbare controlepagina."),
        error_messages={"required": _("Schrijf waarom je dit certificaat intrekt.")},
    )


class ReissueForm(RevokeForm):
    recipient_name = forms.CharField(
        label=_("Naam op het nieuwe certificaat"),
        max_length=200,
        error_messages={"required": _("Vul de naam in zoals die op het certificaat moet staan.")},
    )


class CertificateInspectView(generic.InspectView):
    template_name = "workflows/admin/certificate.html"
    page_title = _("Certificaat")

    def setup(self, request, *args, **kwargs):
        self.bound_forms = {}
        super().setup(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return visible_certificate(self.request.user, self.pk)

    def get_page_subtitle(self):
        return f"{self.object.number} – {self.object.recipient_name}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.object
        user = self.request.user
        can_change = may_revoke(user) and not certificate.is_revoked
        context.update(
            {
                "certificate": certificate,
                "status": status_label(certificate),
                "verify_url": verify_url(certificate),
                "download_url": reverse(f"{VIEWSET_NAME}:download", args=[certificate.pk])
                if certificate.is_ready
                else "",
                "revoke_form": self.bound_forms.get("revoke", RevokeForm()) if can_change else None,
                "reissue_form": self.bound_forms.get(
                    "reissue", ReissueForm(initial={"recipient_name": certificate.recipient_name})
                )
                if can_change
                else None,
                "revoke_url": reverse(f"{VIEWSET_NAME}:revoke", args=[certificate.pk]),
                "reissue_url": reverse(f"{VIEWSET_NAME}:reissue", args=[certificate.pk]),
                "replaced_by": getattr(certificate, "replaced_by", None),
                "case_url": reverse("cases:inspect", args=[certificate.case_id])
                if certificate.case_id and cases_for(user).filter(pk=certificate.case_id).exists()
                else "",
            }
        )
        return context


class CertificateChangeView(CertificateInspectView):
    """POST revoke or reissue; a form with errors shows the certificate page again."""

    http_method_names = ["post"]
    action = "revoke"

    def post(self, request, *args, **kwargs):
        if not may_revoke(request.user):
            raise PermissionDenied
        certificate = self.object
        form_class = ReissueForm if self.action == "reissue" else RevokeForm
        form = form_class(request.POST)
        if not form.is_valid():
            self.bound_forms = {self.action: form}
            return self.render_to_response(self.get_context_data())
        reason = form.cleaned_data["reason"]
        if self.action == "revoke":
            if certificates.revoke(certificate, by=request.user, reason=reason):
                messages.success(request, gettext("Het certificaat is ingetrokken."))
            else:
                messages.warning(request, gettext("Dit certificaat was al ingetrokken."))
            return redirect(certificate_url(certificate))
        try:
            corrected = certificates.reissue(
                certificate,
                by=request.user,
                reason=reason,
                recipient_name=form.cleaned_data["recipient_name"],
            )
        except certificates.NotIssued as refusal:
            messages.error(request, str(refusal.reason))
            return redirect(certificate_url(certificate))
        deliver_later([corrected])
        messages.success(
            request,
            gettext("Het oude certificaat is ingetrokken; %(number)s komt in de plaats.")
            % {"number": corrected.number},
        )
        return redirect(certificate_url(corrected))


class CertificateDownloadView(View):
    http_method_names = ["get"]

    def get(self, request, pk):
        certificate = visible_certificate(request.user, pk)
        if not certificate.is_ready:
            raise Http404
        log(certificate, "workflows.certificate.download", user=request.user)
        return certificate_file_response(certificate)


# --- Bulk runs ---------------------------------------------------------------------------


def runs_for(user):
    """The runs `user` may follow: café runs for those who may issue café certificates,
    cohort runs of their programmes for those who may issue for cases."""
    visible = Q(pk__in=[])
    if may_start_session_run(user):
        visible |= Q(kind=CertificateRun.Kind.SESSION)
    if may_start_cohort_run(user):
        programme_ids = scoped_programme_ids(user)
        cohorts = Q(kind=CertificateRun.Kind.COHORT)
        if programme_ids is not None:
            cohorts &= Q(programme_id__in=programme_ids)
        visible |= cohorts
    return CertificateRun.objects.filter(visible)


def visible_run(user, pk):
    return get_object_or_404(runs_for(user).select_related("session", "programme"), pk=pk)


def run_summary(run):
    return gettext(
        "%(status)s: %(processed)s van %(total)s verwerkt, %(issued)s nieuwe certificaten."
    ) % {
        "status": run.get_status_display(),
        "processed": run.processed,
        "total": run.total,
        "issued": run.issued,
    }


class CertificateAdminPage(WagtailAdminTemplateMixin, TemplateView):
    """A page of the certificates admin, under "Certificaten" in the breadcrumbs."""

    header_icon = "doc-full-inverse"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{VIEWSET_NAME}:index"), "label": gettext("Certificaten")},
            {"url": "", "label": self.get_page_title()},
        ]


class SessionRunView(CertificateAdminPage):
    """Confirm, then queue certificates for everyone checked in at a café session."""

    template_name = "workflows/admin/certificate_session_run.html"
    page_title = _("Certificaten voor een cafésessie")

    def dispatch(self, request, *args, **kwargs):
        if not may_start_session_run(request.user):
            raise PermissionDenied
        page = get_object_or_404(CafeSessionPage, pk=kwargs["page_id"])
        self.session = canonical_session(page)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.session.title

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "session": self.session,
            "attendees": list(certificate_runs.checked_in_registrations(self.session)),
            "series": self.session.get_parent().specific,
        }

    def post(self, request, *args, **kwargs):
        run = certificate_runs.start_session_run(self.session, by=request.user)
        return redirect(run_url(run))


class CohortForm(forms.Form):
    programme = RecordChoiceField(label=_("Programma"), queryset=ProgrammePage.objects.none())
    closed_from = forms.DateField(
        label=_("Afgerond vanaf"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    closed_until = forms.DateField(
        label=_("Afgerond tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["programme"].queryset = case_programmes_for(user)
        self.fields["programme"].label_from_instance = lambda programme: programme.title

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("closed_from"), cleaned.get("closed_until")
        if start and end and start > end:
            self.add_error("closed_until", _("Kies een einddatum op of na de begindatum."))
        return cleaned

    def cases(self):
        """The cohort: the programme's cases closed in a success state in the period."""
        cases = cases_for(self.user).filter(
            programme=self.cleaned_data["programme"], closed_at__isnull=False
        )
        if self.cleaned_data.get("closed_from"):
            cases = cases.filter(closed_at__date__gte=self.cleaned_data["closed_from"])
        if self.cleaned_data.get("closed_until"):
            cases = cases.filter(closed_at__date__lte=self.cleaned_data["closed_until"])
        succeeded = [
            case.pk
            for case in cases.select_related("workflow_version")
            if case.current_state is not None and case.current_state.kind == "success"
        ]
        return cases.filter(pk__in=succeeded).select_related("application")

    def title(self):
        programme = self.cleaned_data["programme"].title
        start, end = self.cleaned_data.get("closed_from"), self.cleaned_data.get("closed_until")
        if start or end:
            return f"{programme} ({start or '…'} – {end or '…'})"
        return programme


class CohortRunView(CertificateAdminPage):
    """Choose a programme and period, see which cases, and queue their certificates."""

    template_name = "workflows/admin/certificate_cohort_run.html"
    page_title = _("Certificaten voor een groep dossiers")

    def dispatch(self, request, *args, **kwargs):
        if not may_start_cohort_run(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = CohortForm(request.GET or None, user=request.user)
        cases = form.cases() if request.GET and form.is_valid() else None
        return self.render_to_response(self.get_context_data(form=form, cases=cases))

    def post(self, request, *args, **kwargs):
        form = CohortForm(request.POST, user=request.user)
        cases = form.cases() if form.is_valid() else None
        if cases is not None and not cases.exists():
            form.add_error(
                None,
                gettext(
                    "Geen afgeronde dossiers in deze keuze. Kies een ander programma of een "
                    "langere periode."
                ),
            )
        if not form.is_valid():
            context = self.get_context_data(form=form, cases=cases)
            return self.render_to_response(context, status=400)
        run = certificate_runs.start_cohort_run(
            form.cleaned_data["programme"], cases, by=request.user, title=form.title()
        )
        return redirect(run_url(run))

    def get_context_data(self, *, form, cases, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "cases": list(cases[:200]) if cases is not None else None,
            "case_count": cases.count() if cases is not None else 0,
        }


class RunView(CertificateAdminPage):
    """A run's progress bar, then its result: who got a certificate, who did not and why."""

    template_name = "workflows/admin/certificate_run.html"
    page_title = _("Reeks certificaten")

    def dispatch(self, request, *args, **kwargs):
        self.run = visible_run(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.run.title

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        items.insert(-1, {"url": reverse(f"{VIEWSET_NAME}:runs"), "label": gettext("Reeksen")})
        return items

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "run": self.run,
            "summary": run_summary(self.run),
            "status_url": reverse(f"{VIEWSET_NAME}:run_status", args=[self.run.pk]),
            "restart_url": reverse(f"{VIEWSET_NAME}:run_restart", args=[self.run.pk]),
            "certificates": self.run.certificates.order_by("number")[:500],
        }

    def post(self, request, *args, **kwargs):
        """Run it again: only what is still missing is issued."""
        if self.run.status == CertificateRun.Status.RUNNING:
            messages.warning(request, gettext("Deze reeks loopt nog."))
        else:
            certificate_runs.restart(self.run)
            messages.success(
                request,
                gettext(
                    "De reeks loopt opnieuw. Wie al een certificaat heeft, krijgt geen tweede."
                ),
            )
        return redirect(run_url(self.run))


class RunRestartView(RunView):
    """Run it again (POST only): what is still missing is issued."""

    http_method_names = ["post"]


class RunStatusView(View):
    """The run's progress for the progress bar, polled by the run page."""

    def get(self, request, pk):
        run = visible_run(request.user, pk)
        return JsonResponse(
            {
                "status": run.status,
                "status_label": run.get_status_display(),
                "total": run.total,
                "processed": run.processed,
                "issued": run.issued,
                "percent": run.percent,
                "problems": len(run.problems),
                "finished": run.is_finished,
                "summary": run_summary(run),
            }
        )


class RunListView(CertificateAdminPage):
    template_name = "workflows/admin/certificate_runs.html"
    page_title = _("Reeksen certificaten")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("workflows.view_certificate"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        runs = runs_for(self.request.user).select_related("requested_by", "session")[:100]
        return {**super().get_context_data(**kwargs), "runs": runs}


# --- The viewset -------------------------------------------------------------------------


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full-inverse"
    menu_label = _("Certificaten")
    add_to_admin_menu = True
    menu_order = 201
    url_prefix = "certificaten"
    add_to_reference_index = False
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    ordering = ["-issued_at", "-pk"]
    list_display = [
        CertificateTitleColumn("number", label=_("Nummer"), sort_key="number"),
        Column("recipient_name", label=_("Houder"), sort_key="recipient_name"),
        Column("kind", label=_("Soort"), accessor="get_kind_display"),
        Column("subject", label=_("Voor"), accessor="subject_title"),
        DateColumn("issued_at", label=_("Uitgereikt op"), sort_key="issued_at"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor=status_label,
            primary=lambda certificate: not certificate.is_revoked,
        ),
    ]
    filterset_class = CertificateFilterSet

    def get_common_view_kwargs(self, **kwargs):
        unused = ("add", "edit", "delete", "history", "usage")
        return super().get_common_view_kwargs(
            **{f"{name}_url_name": None for name in unused}, **kwargs
        )

    def register_admin_url_finder(self):
        pass

    def get_urlpatterns(self):
        inspect_kwargs = self.get_inspect_view_kwargs()
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path(
                "<int:pk>/intrekken/",
                self.construct_view(CertificateChangeView, action="revoke", **inspect_kwargs),
                name="revoke",
            ),
            path(
                "<int:pk>/verbeteren/",
                self.construct_view(CertificateChangeView, action="reissue", **inspect_kwargs),
                name="reissue",
            ),
            path("<int:pk>/pdf/", CertificateDownloadView.as_view(), name="download"),
            path("sessie/<int:page_id>/", SessionRunView.as_view(), name="session"),
            path("dossiers/", CohortRunView.as_view(), name="cohort"),
            path("reeksen/", RunListView.as_view(), name="runs"),
            path("reeksen/<int:pk>/", RunView.as_view(), name="run"),
            path("reeksen/<int:pk>/status/", RunStatusView.as_view(), name="run_status"),
            path("reeksen/<int:pk>/opnieuw/", RunRestartView.as_view(), name="run_restart"),
        ]


certificate_viewset = CertificateViewSet(VIEWSET_NAME)
