"""The portal's public forms: asking for a sign-in link."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.forms import EmailAddressField, HoneypotMixin, PublicFormMixin
from programmes.registration import normalise_email


class SignInForm(PublicFormMixin, HoneypotMixin, forms.Form):
    email = EmailAddressField(
        label=_("Je e-mailadres"),
        help_text=_(
            "Gebruik het adres waarmee je je aanmeldde of inschreef. We sturen je een link "
            "om je aan te melden."
        ),
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])
