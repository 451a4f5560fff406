"""Demo content of case handling: the default workflows, which programme follows which,
and one reviewer of each kind, working on the demo programmes."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.demo.seed import DEMO_PASSWORD
from programmes.models import PartnerPage, ProgrammePage
from workflows.default_workflows import (
    COACHES,
    PLACEMENT_OFFICERS,
    PROGRAMME_MANAGERS,
    SCREENERS,
)
from workflows.demo.candidates import seed_candidates
from workflows.installation import install_default_workflows
from workflows.models import PartnerAccount, ProgrammeScope, ProgrammeWorkflow

PROGRAMME_WORKFLOWS = {
    "level2work": "coaching",
    "level-at-work": "coaching",
    "jobroad-matchmaking": "matchmaking",
}
REVIEWERS = [
    # (email, first name, group)
    ("screener@opstap.test", "Sami", SCREENERS),
    ("coach@opstap.test", "Colette", COACHES),
    ("placement@opstap.test", "Pieter", PLACEMENT_OFFICERS),
    ("manager@opstap.test", "Mira", PROGRAMME_MANAGERS),
]
PARTNER_ACCOUNTS = [
    # (email, first name, partner slug, role): they sign in by emailed link, no password.
    ("referrer@opstap.test", "Rita", "ocmw-leuven", PartnerAccount.Role.REFERRER),
    ("employer@opstap.test", "Emre", "zorgnet-dijle", PartnerAccount.Role.EMPLOYER),
]


def seed(home, locales, create_logins=True):
    workflows = install_default_workflows()
    programmes = []
    for slug, workflow_slug in PROGRAMME_WORKFLOWS.items():
        programme = ProgrammePage.objects.filter(slug=slug, locale=home.locale).first()
        if programme is None:
            continue
        programmes.append(programme)
        ProgrammeWorkflow.objects.get_or_create(
            programme=programme, defaults={"workflow": workflows[workflow_slug]}
        )
    if not create_logins:
        return []
    users = []
    User = get_user_model()
    for email, first_name, group_name in REVIEWERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email, DEMO_PASSWORD, first_name=first_name, is_staff=True
            )
            user.groups.add(Group.objects.get(name=group_name))
            for programme in programmes:
                ProgrammeScope.objects.get_or_create(user=user, programme=programme)
        users.append((user, group_name))
    for email, first_name, slug, role in PARTNER_ACCOUNTS:
        partner = PartnerPage.objects.filter(slug=slug, locale=home.locale).first()
        if partner is None or User.objects.filter(email=email).exists():
            continue
        user = User.objects.create_user(email, first_name=first_name)
        PartnerAccount.objects.create(user=user, partner=partner, role=role)
        users.append((user, f"{role.label}, {partner.title}"))
    # Not in the test suite's demo: its tests count the programme's cases themselves.
    if getattr(settings, "OPSTAP_DEMO_CANDIDATES", True):
        seed_candidates(home)
    return users
