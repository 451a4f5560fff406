"""Named conditions a transition may add to its groups: a registry, never expressions
read from the database. Each takes the case and the user and answers yes or no."""

from django.utils.translation import gettext_lazy as _

from workflows.permissions import employer_account, is_programme_manager, is_proposed_to


def is_assignee(case, user):
    """Only the case's mentor or coach acts here (programme managers may stand in)."""
    return case.assignee_id == user.pk or is_programme_manager(user)


def has_assignee(case, user):
    """The case has a mentor or coach."""
    return case.assignee_id is not None


def is_proposed_to_employer(case, user):
    """An employer acts only on a case proposed to their own organisation's vacancy, while
    that proposal is open; staff are held by their programmes instead."""
    account = employer_account(user)
    return account is None or is_proposed_to(case, account.partner)


GUARDS = {
    "is_assignee": (is_assignee, _("Alleen de begeleider van dit dossier kan dit doen.")),
    "has_assignee": (has_assignee, _("Wijs eerst een begeleider toe.")),
    "is_proposed_to_employer": (
        is_proposed_to_employer,
        _("Deze kandidaat is nu niet voorgesteld voor een vacature van je organisatie."),
    ),
}
