"""The public "Can I take part?" form: it asks only what a programme's rules need.

Every question has a way out ("I don't know", "not registered yet", "no nationality"),
so nobody has to guess; an answer left unknown makes that rule "not sure yet" rather
than a refusal. The answers are turned into `programmes.eligibility.Facts` and never
stored.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cms.forms import DayMonthYearField, HoneypotMixin, LongListSelect, PublicFormMixin
from programmes.choices import CEFRLevel, EQFLevel, OriginRule, ProgrammeLanguage
from programmes.eligibility import Facts

YES, NO, NOT_YET, UNKNOWN = "yes", "no", "not_yet", "unknown"
STATELESS = "stateless"
NO_DIPLOMA = "none"


def _dont_know():
    return (UNKNOWN, _("Ik weet het niet"))


def _country_choices(empty_label, *extra):
    # `countries` is sorted by the name in the active language; called per form, so it
    # follows the language of the request.
    return [("", empty_label), *extra, *[(code, name) for code, name in countries]]


def eqf_level_from_answer(answer):
    """The EQF level an education answer means: 0 for no diploma, None when unknown."""
    if answer in (None, "", UNKNOWN):
        return None
    if answer == NO_DIPLOMA:
        return 0
    return int(answer)


def _language_name(code):
    return ProgrammeLanguage(code).label if code in ProgrammeLanguage.values else code


class RegistrationDateField(DayMonthYearField):
    """DayMonthYearField, safe when only part of the date is filled in.

    Django looks up the "incomplete" message on each part; DayMonthYearField replaces
    the parts' messages without it, which turns a half-filled date into a KeyError.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for part in self.fields:
            part.error_messages.setdefault("incomplete", self.error_messages["incomplete"])


class EligibilityCheckForm(PublicFormMixin, HoneypotMixin, forms.Form):
    """The questions for one programme's rules; `facts()` gives the answers to evaluate."""

    def __init__(self, programme, *args, today=None, **kwargs):
        self.programme = programme
        self.rules = programme.eligibility_rules()
        self.today = today or timezone.localdate()
        # The questions depend on the programme. Setting them as this form's base fields
        # before Django copies them lets PublicFormMixin style them like any other field.
        self.base_fields = self._questions()
        super().__init__(*args, **kwargs)

    @property
    def has_questions(self):
        return any(not getattr(field, "is_honeypot", False) for field in self.fields.values())

    def _questions(self):
        rules = self.rules
        questions = {}
        if rules.max_years_in_belgium is not None:
            questions["registered"] = forms.ChoiceField(
                label=_("Ben je ingeschreven in een Belgische gemeente?"),
                choices=[
                    (YES, _("Ja")),
                    (NOT_YET, _("Nee, nog niet")),
                    _dont_know(),
                ],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _(
                        "Kies of je ingeschreven bent in een Belgische gemeente. Weet je het "
                        "niet? Kies dan „Ik weet het niet”."
                    ),
                    "invalid_choice": _("Kies een van de antwoorden in de lijst."),
                },
            )
            questions["first_registration"] = RegistrationDateField(
                label=_("Wanneer schreef je je voor het eerst in België in?"),
                help_text=_("Alleen als je „Ja” koos. Bijvoorbeeld 27 3 2021."),
                required=False,
            )
        if rules.origin_rule != OriginRule.ANY:
            questions["nationality"] = forms.ChoiceField(
                label=_("Wat is je nationaliteit?"),
                widget=LongListSelect,
                choices=_country_choices(
                    _("Kies een land"), (STATELESS, _("Ik heb geen nationaliteit (staatloos)"))
                ),
                error_messages={
                    "required": _(
                        "Kies je nationaliteit. Heb je geen nationaliteit? Kies dan „Ik heb "
                        "geen nationaliteit (staatloos)”."
                    ),
                    "invalid_choice": _("Kies je nationaliteit uit de lijst."),
                },
            )
            questions["other_nationality"] = forms.ChoiceField(
                label=_("Heb je nog een andere nationaliteit?"),
                widget=LongListSelect,
                choices=_country_choices(_("Nee, geen andere nationaliteit")),
                required=False,
                error_messages={
                    "invalid_choice": _("Kies je andere nationaliteit uit de lijst."),
                },
            )
            questions["country_of_origin"] = forms.ChoiceField(
                label=_("Uit welk land kom je?"),
                help_text=_(
                    "Je land van herkomst. Vul het in als dat een ander land is dan je "
                    "nationaliteit."
                ),
                widget=LongListSelect,
                choices=_country_choices(_("Kies een land")),
                required=False,
                error_messages={
                    "invalid_choice": _("Kies je land van herkomst uit de lijst."),
                },
            )
        if rules.min_eqf_level is not None:
            questions["eqf_level"] = forms.ChoiceField(
                label=_("Wat is je hoogste diploma?"),
                help_text=_(
                    "Kies het niveau, ook als je diploma uit een ander land komt. Een "
                    "bachelor is niveau 6, een master niveau 7."
                ),
                choices=[
                    (NO_DIPLOMA, _("Ik heb geen diploma")),
                    *[(str(value), label) for value, label in EQFLevel.choices],
                    _dont_know(),
                ],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _(
                        "Kies het niveau van je hoogste diploma. Weet je het niet? Kies dan "
                        "„Ik weet het niet”."
                    ),
                    "invalid_choice": _("Kies een van de niveaus in de lijst."),
                },
            )
            if rules.diploma_recognition_required:
                questions["diploma_recognised"] = forms.ChoiceField(
                    label=_("Is je diploma erkend in België?"),
                    help_text=_("Een diploma uit het buitenland laat je erkennen door NARIC."),
                    choices=[(YES, _("Ja")), (NO, _("Nee")), _dont_know()],
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": _(
                            "Kies of je diploma erkend is in België. Weet je het niet? Kies "
                            "dan „Ik weet het niet”."
                        ),
                        "invalid_choice": _("Kies een van de antwoorden in de lijst."),
                    },
                )
        for language, _level in rules.min_language_levels:
            name = _language_name(language)
            questions[f"language_{language}"] = forms.ChoiceField(
                label=_("Hoe goed ken je %(language)s?") % {"language": name},
                help_text=_(
                    "A1 is een beginner, C2 is bijna zoals je moedertaal. Je taalcursus of "
                    "een taaltest vermeldt je niveau."
                ),
                choices=[*CEFRLevel.choices, _dont_know()],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _(
                        "Kies hoe goed je %(language)s kent. Weet je het niet? Kies dan „Ik "
                        "weet het niet”."
                    )
                    % {"language": name},
                    "invalid_choice": _("Kies een van de niveaus in de lijst."),
                },
            )
        return questions

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("registered") == YES and "first_registration" not in self.errors:
            registered_on = cleaned_data.get("first_registration")
            if registered_on is None:
                self.add_error(
                    "first_registration",
                    _(
                        "Vul de datum van je eerste inschrijving in als dag, maand en jaar, "
                        "bijvoorbeeld 27 3 2021. Weet je de datum niet? Kies dan „Ik weet "
                        "het niet”."
                    ),
                )
            elif registered_on > self.today:
                self.add_error(
                    "first_registration",
                    _(
                        "De datum van je eerste inschrijving ligt in de toekomst. Vul een "
                        "datum van vandaag of vroeger in, bijvoorbeeld 27 3 2021."
                    ),
                )
        return cleaned_data

    def facts(self):
        """The answers as `Facts`; "I don't know" and unasked questions stay unknown."""
        data = self.cleaned_data
        return Facts(
            first_registration_in_belgium=self._first_registration(data),
            nationalities=tuple(
                code
                for code in (data.get("nationality"), data.get("other_nationality"))
                if code and code != STATELESS
            ),
            country_of_origin=data.get("country_of_origin") or None,
            eqf_level=eqf_level_from_answer(data.get("eqf_level")),
            diploma_recognised={YES: True, NO: False}.get(data.get("diploma_recognised")),
            language_levels={
                language: data[f"language_{language}"]
                for language, _level in self.rules.min_language_levels
                if data.get(f"language_{language}") not in (None, "", UNKNOWN)
            },
        )

    @property
    def not_registered_yet(self):
        return self.is_bound and self.is_valid() and self.cleaned_data.get("registered") == NOT_YET

    def _first_registration(self, data):
        registered = data.get("registered")
        if registered == YES:
            return data.get("first_registration")
        if registered == NOT_YET:
            # Not registered yet: no time has passed since a first registration.
            return self.today
        return None
