"""The public form to book an appointment at the contact desk."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.forms import (
    EmailAddressField,
    HoneypotMixin,
    PersonNameField,
    PublicFormMixin,
    require_email_or_phone,
)
from programmes.models import Appointment
from programmes.models.appointments import language_name_local

PHONE_CHARACTERS = re.compile(r"^[0-9\s+()./-]+$")
PHONE_EXAMPLE = "+32 470 12 34 56"


class AppointmentForm(PublicFormMixin, HoneypotMixin, forms.Form):
    topic = forms.ChoiceField(
        label=_("Waarover wil je praten?"),
        choices=Appointment.Topic.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies waarover je wilt praten. Past niets? Kies dan „Iets anders”."),
            "invalid_choice": _("Kies een onderwerp uit de lijst."),
        },
    )
    language = forms.ChoiceField(
        label=_("In welke taal wil je praten?"),
        help_text=_("Je ziet alleen de talen die we op dit moment spreken."),
        error_messages={
            "required": _("Kies de taal waarin je met ons wilt praten."),
            "invalid_choice": _(
                "Op dit moment spreken we die taal niet. Kies een taal uit de lijst, of kies "
                "een ander moment."
            ),
        },
    )
    name = PersonNameField()
    email = EmailAddressField(
        label=_("Je e-mailadres"),
        required=False,
        help_text=_(
            "We sturen de bevestiging, een herinnering de dag ervoor en een link om te "
            "annuleren naar dit adres."
        ),
    )
    phone = forms.CharField(
        label=_("Je telefoonnummer"),
        required=False,
        max_length=30,
        help_text=_("Bijvoorbeeld +32 470 12 34 56. We bellen alleen als er iets verandert."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "dir": "ltr"}),
        error_messages={
            "max_length": _("Dit telefoonnummer is te lang: gebruik hoogstens 30 tekens."),
        },
    )
    question = forms.CharField(
        label=_("Wil je ons al iets vertellen over je vraag?"),
        help_text=_("Dan kunnen we ons voorbereiden."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Je antwoord is te lang: gebruik hoogstens 1000 tekens."),
        },
    )
    privacy_consent = forms.BooleanField(
        label=_(
            "Ik ga akkoord dat Opstap mijn naam en contactgegevens gebruikt voor deze afspraak."
        ),
        help_text=_("Alleen de medewerkers van het contactpunt zien je gegevens."),
        error_messages={
            "required": _(
                "Vink aan dat je akkoord gaat met het gebruik van je gegevens. Zonder dat "
                "akkoord kunnen we geen afspraak maken."
            ),
        },
    )

    def __init__(self, *args, languages=(), initial_language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, language_name_local(code)) for code in languages]
        if initial_language in languages:
            self.fields["language"].initial = initial_language
        elif len(languages) == 1:
            self.fields["language"].initial = languages[0]

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].replace("\x00", "").split())

    def clean_phone(self):
        value = " ".join(self.cleaned_data["phone"].split())
        if not value:
            return ""
        digits = sum(character.isdigit() for character in value)
        if not PHONE_CHARACTERS.match(value) or not 6 <= digits <= 20:
            raise forms.ValidationError(
                _(
                    "Vul een telefoonnummer in met 6 tot 20 cijfers, alleen cijfers, spaties en "
                    "eventueel + ( ) of -, bijvoorbeeld %(example)s."
                ),
                code="invalid",
                params={"example": PHONE_EXAMPLE},
            )
        return value

    def clean_question(self):
        return self.cleaned_data["question"].replace("\x00", "")

    def clean(self):
        cleaned_data = super().clean()
        require_email_or_phone(
            self,
            cleaned_data,
            _(
                "Vul je e-mailadres of je telefoonnummer in, zodat we je kunnen bereiken "
                "als er iets verandert."
            ),
        )
        return cleaned_data

    def booking_details(self):
        """The keyword arguments for `programmes.appointments.book`, but the moment."""
        data = self.cleaned_data
        return {
            "topic": data["topic"],
            "language": data["language"],
            "name": data["name"],
            "email": data.get("email", ""),
            "phone": data.get("phone", ""),
            "question": data.get("question", ""),
        }


class LanguageFilterForm(forms.Form):
    """The slots page's "only where we speak ..." choice (GET)."""

    taal = forms.ChoiceField(label=_("Alleen momenten waarop we deze taal spreken"), required=False)

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["taal"].choices = [("", _("Alle talen"))] + [
            (code, language_name_local(code)) for code in languages
        ]
        self.fields["taal"].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"

    @property
    def language(self):
        return self.cleaned_data.get("taal") if self.is_valid() else ""
