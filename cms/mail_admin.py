"""Emails that did not go out, in the admin: a warning on the dashboard, the list
(Settings → Niet verstuurde e-mails), and "Opnieuw proberen" once the mail server is
back. For those with the view permission on undelivered mail (superusers in the demo)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from cms import mail_delivery
from cms.models import UndeliveredMail

VIEWSET_NAME = "undelivered_mail"
policy = ModelPermissionPolicy(UndeliveredMail)


def status_of(row):
    if row.delivered_at is not None:
        return gettext("toch verstuurd")
    if row.next_attempt_at is None:
        return gettext("wacht op een medewerker")
    moment = date_format(timezone.localtime(row.next_attempt_at), "SHORT_DATETIME_FORMAT")
    return gettext("nieuwe poging om %(moment)s") % {"moment": moment}


class RetryView(View):
    """POST: queue one email (or, without a pk, every one not sent) again now."""

    http_method_names = ["post"]

    def post(self, request, pk=None):
        if not policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        rows = UndeliveredMail.objects.filter(delivered_at=None)
        if pk is not None:
            rows = [get_object_or_404(rows, pk=pk)]
        count = 0
        for row in rows:
            mail_delivery.retry(row)
            count += 1
        still = UndeliveredMail.objects.filter(delivered_at=None).count()
        messages.info(
            request,
            ngettext(
                "%(count)s e-mail opnieuw geprobeerd.",
                "%(count)s e-mails opnieuw geprobeerd.",
                count,
            )
            % {"count": count}
            + " "
            + (
                ngettext(
                    "%(still)s is nog niet verstuurd: kijk de fout na.",
                    "%(still)s zijn nog niet verstuurd: kijk de fout na.",
                    still,
                )
                % {"still": still}
                if still
                else gettext("Alles is verstuurd of wacht in de wachtrij.")
            ),
        )
        return redirect(f"{VIEWSET_NAME}:index")


class UndeliveredMailViewSet(ModelViewSet):
    model = UndeliveredMail
    icon = "mail"
    menu_label = _("Niet verstuurde e-mails")
    add_to_settings_menu = True
    url_prefix = "niet-verstuurde-emails"
    add_to_reference_index = False
    inspect_view_enabled = True
    copy_view_enabled = False
    ordering = ["-last_failed_at", "-pk"]
    list_display = [
        Column("what", label=_("Wat"), accessor=mail_delivery.label_of),
        Column("arguments", label=_("Over (id)"), accessor="arguments"),
        Column("attempts", label=_("Pogingen"), accessor="attempts"),
        Column("status", label=_("Toestand"), accessor=status_of),
        Column("last_error", label=_("Laatste fout"), accessor="last_error"),
        DateColumn("last_failed_at", label=_("Laatst mislukt op")),
    ]
    list_filter = ["delivered_at"]
    inspect_view_fields = [
        "task_path",
        "arguments",
        "attempts",
        "last_error",
        "first_failed_at",
        "last_failed_at",
        "next_attempt_at",
        "delivered_at",
    ]

    @property
    def retry_view(self):
        return RetryView.as_view()

    def get_urlpatterns(self):
        # Read and retry only: these rows are written by the mail tasks.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("opnieuw/", self.retry_view, name="retry_all"),
            path("<int:pk>/opnieuw/", self.retry_view, name="retry"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        unused = ("add", "edit", "delete", "history", "usage")
        return super().get_common_view_kwargs(
            **{f"{name}_url_name": None for name in unused}, **kwargs
        )

    def register_admin_url_finder(self):
        pass


undelivered_mail_viewset = UndeliveredMailViewSet(VIEWSET_NAME)


class UndeliveredMailPanel(Component):
    """A dashboard warning while emails wait to be sent again, loudest when some gave up."""

    name = "undelivered_mail"
    template_name = "cms/undelivered_mail_panel.html"
    order = 40

    def __init__(self, waiting, given_up):
        self.waiting, self.given_up = waiting, given_up

    def get_context_data(self, parent_context=None):
        return {
            "waiting": self.waiting,
            "given_up": self.given_up,
            "list_url": reverse(f"{VIEWSET_NAME}:index"),
            "retry_url": reverse(f"{VIEWSET_NAME}:retry_all"),
        }


def undelivered_mail_panel(request):
    if not policy.user_has_permission(request.user, "view"):
        return None
    waiting = UndeliveredMail.objects.filter(delivered_at=None).count()
    if not waiting:
        return None
    return UndeliveredMailPanel(waiting, mail_delivery.given_up().count())
