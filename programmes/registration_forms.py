"""The public form to register for a café session."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.forms import EmailAddressField, HoneypotMixin, PersonNameField, PublicFormMixin
from programmes.registration import normalise_email

ALREADY_REGISTERED_MESSAGE = _(
    "Je bent al ingeschreven voor deze sessie met dit e-mailadres. De bevestiging staat in "
    "je mailbox; kijk ook bij je spam. Wil je iemand anders inschrijven? Gebruik dan het "
    "e-mailadres van die persoon."
)


class RegistrationForm(PublicFormMixin, HoneypotMixin, forms.Form):
    name = PersonNameField()
    email = EmailAddressField(
        label=_("Je e-mailadres"),
        help_text=_("We sturen de bevestiging en een link om te annuleren naar dit adres."),
    )
    language = forms.ChoiceField(
        label=_("In welke taal wil je onze e-mails krijgen?"),
        error_messages={
            "required": _("Kies de taal waarin je onze e-mails wilt krijgen."),
            "invalid_choice": _("Kies een taal uit de lijst."),
        },
    )
    access_needs = forms.CharField(
        label=_("Heb je iets nodig om goed te kunnen deelnemen?"),
        help_text=_(
            "Bijvoorbeeld een toegankelijke zaal, een tolk of ondertitels. We nemen contact "
            "met je op als we vragen hebben."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Je antwoord is te lang: gebruik hoogstens 2000 tekens."),
        },
    )
    privacy_consent = forms.BooleanField(
        label=_(
            "Ik ga akkoord dat Opstap mijn naam en e-mailadres gebruikt voor deze inschrijving."
        ),
        help_text=_(
            "Alleen de organisatoren van de sessie zien je gegevens. We wissen ze na de reeks."
        ),
        error_messages={
            "required": _(
                "Vink aan dat je akkoord gaat met het gebruik van je gegevens. Zonder dat "
                "akkoord kunnen we je niet inschrijven."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The site's languages, each in its own name; read per form so it stays a setting.
        self.fields["language"].choices = list(settings.LANGUAGES)
        codes = [code for code, _name in settings.LANGUAGES]
        current = get_language()
        self.fields["language"].initial = current if current in codes else codes[0]

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def registration_details(self):
        """The keyword arguments for `programmes.registration.register`."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "language": data["language"],
            "access_needs": data.get("access_needs", ""),
        }

    def add_already_registered_error(self):
        self.add_error("email", ALREADY_REGISTERED_MESSAGE)
