"""The two forms of a referral: the referrer's (who, for what, why) and the candidate's
confirmation (yes, and whether the referrer may follow their progress)."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.forms import (
    EmailAddressField,
    HoneypotMixin,
    PersonNameField,
    PublicFormMixin,
    require_email_or_phone,
)
from forms.steps import TOO_LONG, TelephoneInput, clean_phone_number
from programmes.models import ProgrammePage


def programmes_open_for_referral(today=None):
    """The live programmes (their source-language pages) that take applications now."""
    programmes = (
        ProgrammePage.objects.live().public().filter(locale=Locale.get_default()).order_by("title")
    )
    return [programme for programme in programmes if programme.applications_open(today)]


class CandidateReferralForm(PublicFormMixin, HoneypotMixin, forms.Form):
    programme = forms.TypedChoiceField(
        label=_("Voor welk programma verwijs je door?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies het programma waarvoor je de kandidaat doorverwijst."),
            "invalid_choice": _(
                "Dit programma neemt nu geen aanmeldingen aan. Kies een programma uit de lijst."
            ),
        },
    )
    candidate_name = PersonNameField(
        label=_("Naam van de kandidaat"),
        help_text=_("Voornaam en achternaam, zoals de kandidaat ze schrijft."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = EmailAddressField(
        label=_("E-mailadres van de kandidaat"),
        required=False,
        help_text=_("We sturen de kandidaat een bericht om de doorverwijzing te bevestigen."),
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=_("Telefoonnummer van de kandidaat"),
        required=False,
        max_length=30,
        help_text=_(
            "Bijvoorbeeld +32 470 12 34 56. Zonder e-mailadres krijg je na het versturen een "
            "link die je zelf aan de kandidaat bezorgt."
        ),
        widget=TelephoneInput(attrs={"autocomplete": "off", "dir": "ltr"}),
        error_messages={"max_length": TOO_LONG},
    )
    motivation = forms.CharField(
        label=_("Waarom past dit programma bij de kandidaat?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Een paar zinnen. De kandidaat en onze medewerkers lezen dit."),
        error_messages={
            "required": _("Schrijf in een paar zinnen waarom dit programma bij de kandidaat past."),
            "max_length": TOO_LONG,
        },
    )
    coach_notes = forms.CharField(
        label=_("Je notities voor onze medewerkers"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Wat onze medewerkers moeten weten, bijvoorbeeld over begeleiding of "
            "beschikbaarheid. De kandidaat ziet dit niet."
        ),
        error_messages={"max_length": TOO_LONG},
    )
    candidate_informed = forms.BooleanField(
        label=_(
            "De kandidaat weet dat ik hem of haar doorverwijs en dat we daarom een bericht sturen."
        ),
        error_messages={
            "required": _(
                "Vink aan dat de kandidaat weet van de doorverwijzing. Bespreek het eerst met "
                "de kandidaat en verwijs daarna door."
            )
        },
    )

    field_order = [
        "programme",
        "candidate_name",
        "email",
        "phone",
        "language",
        "motivation",
        "coach_notes",
        "candidate_informed",
    ]

    def __init__(self, *args, programmes=(), **kwargs):
        self.programmes = {programme.pk: programme for programme in programmes}
        # Each language in its own name, so the referrer finds the candidate's.
        self.base_fields = {
            **type(self).base_fields,
            "language": forms.ChoiceField(
                label=_("In welke taal schrijven we de kandidaat?"),
                choices=[("", _("Kies een taal"))]
                + [
                    (code, translation.get_language_info(code)["name_local"])
                    for code, _name in settings.LANGUAGES
                ],
                help_text=_(
                    "Het bericht en het aanmeldformulier zijn in deze taal. De kandidaat kan "
                    "later een andere kiezen."
                ),
                error_messages={
                    "required": _("Kies de taal waarin we de kandidaat schrijven."),
                    "invalid_choice": _("Kies een taal uit de lijst."),
                },
            ),
        }
        super().__init__(*args, **kwargs)
        self.fields["candidate_name"].error_messages.update(
            {
                "required": _("Vul de naam van de kandidaat in."),
                "max_length": _("Deze naam is te lang: gebruik hoogstens 150 tekens."),
            }
        )
        self.fields["email"].error_messages["required"] = _(
            "Vul het e-mailadres van de kandidaat in, bijvoorbeeld naam@voorbeeld.be."
        )
        self.fields["programme"].choices = [
            (pk, programme.localized.title) for pk, programme in self.programmes.items()
        ]

    def clean_candidate_name(self):
        return " ".join(self.cleaned_data["candidate_name"].replace("\x00", "").split())

    def clean_phone(self):
        return clean_phone_number(self.cleaned_data["phone"])

    def clean_motivation(self):
        return self.cleaned_data["motivation"].replace("\x00", "").strip()

    def clean_coach_notes(self):
        return self.cleaned_data["coach_notes"].replace("\x00", "").strip()

    def clean(self):
        cleaned_data = super().clean()
        require_email_or_phone(
            self,
            cleaned_data,
            _(
                "Vul het e-mailadres of het telefoonnummer van de kandidaat in, zodat de "
                "kandidaat de doorverwijzing kan bevestigen. Eén van de twee is genoeg."
            ),
        )
        return cleaned_data

    def referral_details(self):
        """The keyword arguments for `forms.referrals.refer`, but who refers."""
        data = self.cleaned_data
        return {
            "programme": self.programmes[data["programme"]],
            "candidate_name": data["candidate_name"],
            "email": data.get("email", ""),
            "phone": data.get("phone", ""),
            "language": data["language"],
            "motivation": data["motivation"],
            "coach_notes": data.get("coach_notes", ""),
        }


class ReferralConfirmForm(PublicFormMixin, forms.Form):
    shares_progress = forms.BooleanField(required=False)

    def __init__(self, *args, referrer_name, organisation_name, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["shares_progress"]
        field.label = _(
            "%(referrer)s van %(organisation)s mag zien hoe ver mijn aanmelding staat."
        ) % {
            "referrer": referrer_name,
            "organisation": organisation_name,
        }
        field.help_text = _(
            "Dan ziet je begeleider de stap waarin je aanmelding is en wat er daarna gebeurt. "
            "Je antwoorden en documenten ziet je begeleider nooit. Vink je dit niet aan, dan "
            "ziet je begeleider alleen dat je de doorverwijzing bevestigde."
        )
