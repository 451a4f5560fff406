"""Small builders for the case admin's tests: applications with an open case in the demo
programmes' default workflows, and reviewers in a group, scoped to programmes."""

import datetime
import itertools

from django.contrib.auth.models import Group
from django.utils import timezone

from tests.workflows.portal_factories import make_application, make_staff, make_user
from workflows import engine
from workflows.models import Case, ProgrammeScope

_numbers = itertools.count(1)

# The demo's programmes (Dutch slugs) and the default workflow each follows.
COACHING_PROGRAMME = "level2work"  # coaching: submitted → screening → intake → ...
MATCHMAKING_PROGRAMME = "jobroad-matchmaking"


def make_case(programme, *, first_name="Amina", last_name="Haddad", **application_fields):
    """A submitted application in `programme` and its case, at the workflow's start."""
    applicant = make_user(
        f"aanvrager{next(_numbers)}@example.org",
        first_name=first_name,
        last_name=last_name,
        preferred_language=application_fields.pop("preferred_language", "nl"),
    )
    application = make_application(applicant, programme=programme, **application_fields)
    return engine.open_case(application)


def put_in(case, state, **fields):
    """Move a case straight to `state` (set-up only: real moves go through the engine)."""
    Case.objects.filter(pk=case.pk).update(state=state, **fields)
    case.refresh_from_db()
    return case


def make_reviewer(group_name, *programmes, email=None, **fields):
    """A staff member in the (installed) reviewer group, working on `programmes`."""
    fields.setdefault("first_name", "Sami")
    fields.setdefault("last_name", "Peeters")
    user = make_staff(email or f"medewerker{next(_numbers)}@example.org", **fields)
    user.groups.add(Group.objects.get(name=group_name))
    for programme in programmes:
        ProgrammeScope.objects.create(user=user, programme=programme)
    return user


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)
