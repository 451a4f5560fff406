"""Referrers and employers for tests: partner accounts made as staff would invite them."""

from workflows import partner_accounts
from workflows.models import PartnerAccount

_numbers = iter(range(1, 10_000))


def make_partner_account(partner, role, email=None, **fields):
    """A partner account of `partner` (a Dutch PartnerPage) in `role`, invitation skipped."""
    from tests.workflows.portal_factories import make_user

    user = make_user(email or f"partner{next(_numbers)}@example.org", **fields)
    return PartnerAccount.objects.create(user=user, partner=partner, role=role)


def make_referrer(partner, email=None, **fields):
    return make_partner_account(partner, partner_accounts.Role.REFERRER, email, **fields)


def make_employer(partner, email=None, **fields):
    return make_partner_account(partner, partner_accounts.Role.EMPLOYER, email, **fields)
