"""Referrals for tests: made as a referrer's form makes them, at a chosen moment."""

import datetime

from django.utils import timezone

from forms import referrals
from forms.models import Referral


def make_referral(account, programme, *, days_ago=0, **details):
    """A referral by the person of `account` (a referrer), for `programme`, made
    `days_ago` days ago; the candidate's message is not sent."""
    values = {
        "candidate_name": "Amina Al Haddad",
        "email": "amina@example.org",
        "phone": "",
        "language": "ar",
        "motivation": "Wil snel aan het werk in de zorg.",
        "coach_notes": "Heeft kinderopvang tot 16 uur.",
        **details,
    }
    referral, _created = referrals.refer(
        referrer=account.user, organisation=account.partner, programme=programme, **values
    )
    if days_ago:
        Referral.objects.filter(pk=referral.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=days_ago)
        )
        referral.refresh_from_db()
    return referral
