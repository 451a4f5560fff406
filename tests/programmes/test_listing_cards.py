"""The partner and vacancy lists' cards, worked out in Python once per listing, say what
Wagtail's and Django's own per-card answers would: the same URLs, labels and markup."""

import pytest
from django.db import models
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from cms import site_cache
from programmes.choices import CEFRLevel, EQFLevel, OrganisationType, ProgrammeLanguage
from programmes.models import PartnerPage, VacancyLanguage, VacancyPage, WorkingTime
from programmes.models.partners import choice_label, page_urls
from programmes.vacancy_listing import VacancyFilterForm
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


@pytest.mark.parametrize(
    "data", [None, {"level": "6"}, {"level": "99", "language": "xx"}, {"level": ""}]
)
@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_vacancy_filter_is_written_as_djangos_templates_write_it(data, language):
    """Its selects are written in Python by the public forms' renderer (cms.forms)."""
    from tests.cms.test_form_markup import TEMPLATES

    with translation.override(language):
        written = VacancyFilterForm(data)
        templated = VacancyFilterForm(data, renderer=TEMPLATES)
        written.is_valid(), templated.is_valid()

        for name in written.fields:
            assert str(written[name]) == str(templated[name])
        assert "<select" in str(written["level"])
