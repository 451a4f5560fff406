"""The portal's public forms: asking for a sign-in link."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.forms import HoneypotMixin, PublicFormMixin
from programmes.registration import normalise_email


class SignInForm(PublicFormMixin, HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_(
            "Gebruik het adres waarmee je je aanmeldde of inschreef. We sturen je een link "
            "om je aan te melden."
        ),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Vul je e-mailadres in, bijvoorbeeld naam@voorbeeld.be."),
            "invalid": _(
                "Vul een e-mailadres in met een @ en een domein, bijvoorbeeld naam@voorbeeld.be."
            ),
            "max_length": _("Dit e-mailadres is te lang: gebruik hoogstens 254 tekens."),
        },
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])
