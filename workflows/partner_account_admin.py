"""The admin screens for partner accounts: staff invite a referrer or an employer, change
their organisation or role, send the invitation again, or take the access away."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.models import Locale

from cms.models.users import language_choices
from programmes.models import PartnerPage
from workflows import partner_accounts
from workflows.models import PartnerAccount


class PartnerAccountForm(forms.ModelForm):
    partner = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=PartnerPage.objects.none(),
        error_messages={"required": _("Kies de organisatie van deze persoon.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The Dutch pages: an organisation's translations are the same organisation.
        self.fields["partner"].queryset = PartnerPage.objects.filter(
            locale=Locale.get_default()
        ).order_by("title")

    class Meta:
        model = PartnerAccount
        fields = ["partner", "role"]
        error_messages = {"role": {"required": _("Kies of deze persoon verwijst of aanwerft.")}}


class InvitationForm(PartnerAccountForm):
    email = forms.EmailField(
        label=_("E-mailadres"),
        error_messages={
            "required": _("Vul het e-mailadres in."),
            "invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.be."),
        },
    )
    first_name = forms.CharField(
        label=_("Voornaam"),
        max_length=150,
        error_messages={"required": _("Vul de voornaam in.")},
    )
    last_name = forms.CharField(label=_("Familienaam"), max_length=150, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Taal van de e-mails"), choices=language_choices, initial="nl"
    )

    class Meta(PartnerAccountForm.Meta):
        fields = ["email", "first_name", "last_name", "preferred_language", "partner", "role"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        refused = partner_accounts.refusal_for(email)
        if refused:
            raise forms.ValidationError(refused)
        return email


class InviteView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        account = partner_accounts.invite(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            partner=data["partner"],
            role=data["role"],
            language=data["preferred_language"],
            invited_by=self.request.user,
        )
        log(instance=account, action="wagtail.create", user=self.request.user)
        return account

    def get_success_message(self, instance):
        return gettext("%(name)s is uitgenodigd en krijgt een e-mail met een link.") % {
            "name": instance.user
        }


class InviteAgainView(View):
    """POST: a fresh invitation, for someone whose link expired."""

    http_method_names = ["post"]
    permission_policy = None

    def post(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        account = get_object_or_404(PartnerAccount.objects.select_related("user"), pk=pk)
        partner_accounts.send_again(account, by=request.user)
        messages.success(
            request,
            gettext("%(name)s krijgt een nieuwe uitnodiging met een nieuwe link.")
            % {"name": account.user},
        )
        return redirect("partner_accounts:inspect", pk)


class PartnerAccountInspectView(generic.InspectView):
    template_name = "workflows/admin/partner_account.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["may_invite_again"] = self.permission_policy.user_has_permission(
            self.request.user, "change"
        )
        return context


class PartnerAccountViewSet(ModelViewSet):
    model = PartnerAccount
    icon = "group"
    menu_label = _("Verwijzers en werkgevers")
    add_to_admin_menu = True
    menu_order = 285
    list_display = ["user", "partner", "role", "invited_at", "user__last_login"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "partner__title"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["user", "partner", "role", "invited_by", "invited_at"]
    inspect_view_class = PartnerAccountInspectView
    add_view_class = InviteView
    form_fields = ["partner", "role"]

    def get_form_class(self, for_update=False):
        return PartnerAccountForm if for_update else InvitationForm

    def get_queryset(self, request):
        return PartnerAccount.objects.select_related("user", "partner")

    @property
    def invite_again_view(self):
        return InviteAgainView.as_view(permission_policy=self.permission_policy)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/opnieuw-uitnodigen/", self.invite_again_view, name="invite_again"),
        ]


partner_account_viewset = PartnerAccountViewSet("partner_accounts")
