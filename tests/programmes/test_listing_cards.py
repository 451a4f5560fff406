"""The partner and vacancy lists' cards, worked out in Python once per listing, say what
Wagtail's and Django's own per-card answers would: the same URLs, labels and markup."""

import pytest
from django import forms
from django.db import models
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from cms import site_cache
from cms.forms import PublicFormMixin
from programmes.choices import CEFRLevel, EQFLevel, OrganisationType, ProgrammeLanguage
from programmes.models import PartnerPage, VacancyLanguage, VacancyPage, WorkingTime
from programmes.models.partners import choice_label, page_urls
from programmes.vacancy_listing import FilterSelect, VacancyFilterForm
from tests.programmes.programme_factories import PartnerPageFactory, offer_site


def _request(path):
    request = RequestFactory().get(path)
    site_cache.site_for_request(request)
    return request


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_page_urls_are_the_urls_wagtail_gives_each_page(db, language):
    site = offer_site()
    PartnerPageFactory(parent=site["partner_index"], title="Café Één", slug="café-één")
    pages = list(Page.objects.filter(depth__gt=2).specific())
    with translation.override(language):
        request = _request(f"/{language}/")
        urls = page_urls(request, pages)

        assert urls == {page.pk: page.get_url(_request(f"/{language}/")) for page in pages}
    assert any("%C3%A9" in url for url in urls.values())


@pytest.mark.parametrize("language", ["nl", "ar", "uk"])
def test_choice_labels_are_djangos_display_values(db, language):
    fields = [
        (PartnerPage, "organisation_type", OrganisationType),
        (VacancyPage, "eqf_level", EQFLevel),
        (VacancyPage, "working_time", WorkingTime),
        (VacancyLanguage, "language", ProgrammeLanguage),
        (VacancyLanguage, "min_level", CEFRLevel),
    ]
    with translation.override(language):
        for model, name, choices in fields:
            field = model._meta.get_field(name)
            for value in [*choices.values, None, "unknown"]:
                instance = model(**{name: value})
                expected = models.Model._get_FIELD_display(instance, field)
                assert choice_label(choices, value) == expected
                assert getattr(instance, f"get_{name}_display")() == expected


class _TemplateSelectForm(PublicFormMixin, forms.Form):
    level = forms.TypedChoiceField(
        label="Niveau", help_text="Hulp", required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [("", "Alle <niveaus>"), *EQFLevel.choices]


class _PythonSelectForm(_TemplateSelectForm):
    level = forms.TypedChoiceField(
        label="Niveau",
        help_text="Hulp",
        required=False,
        coerce=int,
        empty_value=None,
        widget=FilterSelect,
    )


@pytest.mark.parametrize("data", [None, {"level": "6"}, {"level": "99"}, {"level": ""}])
@pytest.mark.parametrize("language", ["nl", "ar"])
def test_filter_select_writes_what_djangos_select_template_writes(data, language):
    with translation.override(language):
        by_template = _TemplateSelectForm(data)
        in_python = _PythonSelectForm(data)
        by_template.is_valid(), in_python.is_valid()

        assert str(in_python["level"]) == str(by_template["level"])


def test_vacancy_filter_form_uses_the_select_written_in_python():
    form = VacancyFilterForm()

    assert all(isinstance(field.widget, FilterSelect) for field in form.fields.values())
