"""Factories for the Jumpstart Café: series and sessions under the demo's Dutch home page,
partners as hosts, translations, and registrations."""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page

from programmes.models import (
    CafeSeriesPage,
    CafeSessionPage,
    PartnerIndexPage,
    PartnerPage,
    Registration,
    SessionHost,
)


def dutch_home():
    return Page.objects.get(depth=2, locale__language_code="nl").specific


class _ChildPageFactory(DjangoModelFactory):
    """Adds the page under `parent` and publishes a revision, as an editor would;
    `publish=False` leaves it live without a revision (faster for long lists)."""

    class Meta:
        abstract = True

    publish = True

    @classmethod
    def _create(cls, model_class, *args, parent, publish=True, hosts=(), **kwargs):
        page = model_class(**kwargs)
        if hosts:
            page.hosts = list(hosts)
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
            page = model_class.objects.get(pk=page.pk)
        return page


class CafeSeriesPageFactory(_ChildPageFactory):
    class Meta:
        model = CafeSeriesPage

    parent = factory.LazyFunction(dutch_home)
    title = factory.Sequence(lambda n: f"Testcafé {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    intro = "Ontmoet andere internationals."


def in_days(days, hour=18, minute=30):
    """A moment `days` from today at hour:minute, Brussels time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class CafeSessionPageFactory(_ChildPageFactory):
    class Meta:
        model = CafeSessionPage

    class Params:
        online = factory.Trait(
            format="online",
            venue_name="",
            venue_address="",
            online_link="https://meet.example.org/jumpstart-geheim",
        )

    parent = factory.SubFactory(CafeSeriesPageFactory)
    title = factory.Sequence(lambda n: f"Sessie {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    topic = "Je netwerk in Leuven"
    intro = "Hoe leg je contacten als je hier nog weinig mensen kent?"
    starts_at = factory.LazyFunction(lambda: in_days(14))
    ends_at = factory.LazyAttribute(lambda page: page.starts_at + datetime.timedelta(hours=2))
    format = "in_person"
    venue_name = "International House Leuven"
    venue_address = "Voorbeeldstraat 1, 3000 Leuven"
    online_link = ""
    capacity = 20
    session_language = "en"


def partner_index():
    index = PartnerIndexPage.objects.filter(locale__language_code="nl").first()
    if index is None:
        index = dutch_home().add_child(instance=PartnerIndexPage(title="Partners", slug="partners"))
    return index


class PartnerPageFactory(_ChildPageFactory):
    class Meta:
        model = PartnerPage

    parent = factory.LazyFunction(partner_index)
    title = factory.Sequence(lambda n: f"Testpartner {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    organisation_type = "coaching"


def host(partner, role=SessionHost.Role.HOST):
    return SessionHost(partner=partner, role=role)


def translate(page, language_code, **changes):
    """Publish a translation of `page` (its parents become aliases if needed)."""
    locale = Locale.objects.get(language_code=language_code)
    translated = page.copy_for_translation(locale, copy_parents=True)
    for field, value in changes.items():
        setattr(translated, field, value)
    translated.save_revision().publish()
    return type(translated).objects.get(pk=translated.pk)


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    session = factory.SubFactory(CafeSessionPageFactory)
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    email = factory.Sequence(lambda n: f"deelnemer{n}@example.org")
    language = "nl"
    consented_at = factory.LazyFunction(timezone.now)
    status = Registration.Status.CONFIRMED
