"""The admin screen that starts an application draft from a contact-desk appointment."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from cms.forms import RecordChoiceField
from forms.appointment_drafts import drafts_started_from, resume_url, start_draft
from forms.models import ApplicationDraft
from programmes.appointment_admin import VIEWSET_NAME, can_record_visits
from programmes.models import Appointment, ProgrammePage


class ProgrammeChoiceForm(forms.Form):
    programme = RecordChoiceField(
        label=_("Programma"),
        queryset=ProgrammePage.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Kies het programma waarvoor de persoon zich aanmeldt."),
            "invalid_choice": _("Kies een programma uit de lijst."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The programmes in the site's source language: drafts belong to those pages.
        self.fields["programme"].queryset = (
            ProgrammePage.objects.live().filter(locale=Locale.get_default()).order_by("title")
        )


class AppointmentDraftView(WagtailAdminTemplateMixin, TemplateView):
    """GET: choose the programme (or, after starting, see the draft's link). POST: start
    (or find) the draft, then back here with it."""

    template_name = "forms/admin/appointment_draft.html"
    page_title = _("Aanmelding starten")
    header_icon = "form"
    http_method_names = ["get", "post"]

    def dispatch(self, request, pk):
        # Starting a draft is part of handling the visit: the right to change appointments.
        if not can_record_visits(request.user):
            raise PermissionDenied
        self.appointment = get_object_or_404(Appointment, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.appointment.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{VIEWSET_NAME}:index"), "label": gettext("Afspraken")},
            {"url": "", "label": self.get_page_title()},
        ]

    def started_draft(self):
        """The draft named in the query string, if it was started from this appointment."""
        public_id = self.request.GET.get("draft", "")
        if public_id not in drafts_started_from(self.appointment).values():
            return None
        return (
            ApplicationDraft.objects.select_related("programme").filter(public_id=public_id).first()
        )

    def get_context_data(self, **kwargs):
        context = {
            **super().get_context_data(**kwargs),
            "appointment": self.appointment,
            "form": kwargs.get("form") or ProgrammeChoiceForm(),
        }
        draft = self.started_draft()
        if draft is not None:
            context.update({"draft": draft, "resume_url": resume_url(draft)})
        return context

    def post(self, request, pk):
        form = ProgrammeChoiceForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        draft, created = start_draft(
            self.appointment, form.cleaned_data["programme"], user=request.user
        )
        name, title = self.appointment.name, draft.programme.title
        if created:
            message = gettext("Er is een aanmelding voor %(title)s gestart voor %(name)s.")
            if draft.email:
                message += " " + gettext("De link om verder te gaan is gemaild naar %(email)s.")
        else:
            message = gettext(
                "%(name)s had al een aanmelding voor %(title)s vanuit deze afspraak; die staat "
                "nog open."
            )
        messages.success(request, message % {"name": name, "title": title, "email": draft.email})
        url = reverse("appointment_application_draft", args=[self.appointment.pk])
        return redirect(f"{url}?{urlencode({'draft': str(draft.public_id)})}")
