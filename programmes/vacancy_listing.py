"""The public vacancy list: its GET filter, and each vacancy's employer in one query."""

from dataclasses import dataclass

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.forms import PublicFormMixin
from programmes.choices import EQFLevel, ProgrammeLanguage
from programmes.models.partners import (
    CONTENT_LANGUAGE_FIELDS,
    LangAttributes,
    PartnerPage,
    page_urls,
    set_content_languages,
)
from programmes.models.vacancies import VacancyLanguage, VacancyPage, WorkingTime


def _with_any(label, choices):
    return [("", label), *[(str(value), name) for value, name in choices]]


class VacancyFilterForm(PublicFormMixin, forms.Form):
    """Narrows the list; every field may stay empty, an empty form shows all vacancies."""

    level = forms.TypedChoiceField(
        label=_("Niveau van de job"),
        help_text=_("Toont jobs op dit niveau of hoger. Een bachelor is niveau 6."),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Kies een niveau uit de lijst.")},
    )
    language = forms.ChoiceField(
        label=_("Taal op het werk"),
        help_text=_("Toont jobs die deze taal vragen."),
        required=False,
        error_messages={"invalid_choice": _("Kies een taal uit de lijst.")},
    )
    working_time = forms.ChoiceField(
        label=_("Werkregime"),
        required=False,
        error_messages={"invalid_choice": _("Kies voltijds of deeltijds.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per form, so that the labels follow the language of the request.
        self.fields["level"].choices = _with_any(_("Alle niveaus"), EQFLevel.choices)
        self.fields["language"].choices = _with_any(_("Alle talen"), ProgrammeLanguage.choices)
        self.fields["working_time"].choices = _with_any(
            _("Voltijds en deeltijds"), WorkingTime.choices
        )

    @property
    def is_filtering(self):
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())

    def filter(self, queryset):
        """`queryset` narrowed to the chosen level, language and working time."""
        data = self.cleaned_data
        if data.get("level"):
            queryset = queryset.filter(eqf_level__gte=data["level"])
        if data.get("language"):
            # EXISTS rather than a join: a vacancy asking a language twice stays one row.
            queryset = queryset.filter(
                Exists(
                    VacancyLanguage.objects.filter(
                        vacancy=OuterRef("pk"), language=data["language"]
                    )
                )
            )
        if data.get("working_time"):
            queryset = queryset.filter(working_time=data["working_time"])
        return queryset


def employers_of(vacancies):
    """{vacancy.pk: employer PartnerPage} for the given vacancies, in one query.

    A vacancy's employer is its parent page, whose tree path is the vacancy's path
    without its last step.
    """
    vacancies = list(vacancies)
    parent_paths = {vacancy.path[: -Page.steplen] for vacancy in vacancies}
    if not parent_paths:
        return {}
    employers = {
        employer.path: employer
        for employer in PartnerPage.objects.filter(path__in=parent_paths)
        .only("title", "path", "url_path", *CONTENT_LANGUAGE_FIELDS)
        .select_related("alias_of")
    }
    return {
        vacancy.pk: employers[vacancy.path[: -Page.steplen]]
        for vacancy in vacancies
        if vacancy.path[: -Page.steplen] in employers
    }


@dataclass
class VacancyCard:
    """What a vacancy's card shows that would otherwise be worked out per card in the
    template: its URL, its `lang_attributes`, its employer and the employer's URL."""

    vacancy: VacancyPage
    url: str
    lang_attributes: str
    employer: PartnerPage | None
    employer_url: str | None


def vacancy_cards(request, vacancies, employers):
    """The cards of `vacancies` (fetched with `CONTENT_LANGUAGE_FIELDS`), `employers`
    from `employers_of`; no query."""
    employer_list = list(employers.values())
    set_content_languages([*vacancies, *employer_list])
    urls = page_urls(request, [*vacancies, *employer_list])
    lang_attributes_of = LangAttributes()
    cards = []
    for vacancy in vacancies:
        employer = employers.get(vacancy.pk)
        cards.append(
            VacancyCard(
                vacancy=vacancy,
                url=urls[vacancy.pk],
                lang_attributes=lang_attributes_of[vacancy._content_language],
                employer=employer,
                employer_url=urls[employer.pk] if employer else None,
            )
        )
    return cards
