"""Who may see which cases: reviewers see the programmes they are scoped to, nothing else;
an employer sees the proposals made to their own organisation's vacancies.

Plain functions, used by the admin views, the worklist, the dashboard, downloads and the
employer area.
"""

from workflows.default_workflows import EMPLOYERS
from workflows.models import Case, ProgrammeScope, Proposal

PROGRAMME_MANAGERS = "Programme managers"


def group_names(user):
    """The names of the user's groups, read once per request."""
    cached = getattr(user, "_workflow_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True)) if user.pk else frozenset()
        user._workflow_group_names = cached
    return cached


def employer_account(user):
    """The employer partner account of `user`, or None (staff, referrers, participants)."""
    from workflows.partner_accounts import Role, account_of

    account = account_of(user)
    return account if account is not None and account.role == Role.EMPLOYER else None


def acting_groups(user):
    """The groups whose transitions `user` may perform: an employer acts only as the
    employers' pseudo-group; staff never do, even when someone put them in it."""
    if employer_account(user) is not None:
        return frozenset({EMPLOYERS})
    if not user.is_staff:
        return frozenset()
    return group_names(user) - {EMPLOYERS}


def employer_vacancies(partner):
    """The vacancies (source pages) of an employer partner (its source page)."""
    from programmes.models import VacancyPage

    return VacancyPage.objects.child_of(partner)


def employer_proposals(partner):
    """Every proposal made to a vacancy of `partner`, open or not."""
    return Proposal.objects.filter(
        vacancy__path__startswith=partner.path, vacancy__depth=partner.depth + 1
    )


def is_proposed_to(case, partner):
    """Whether `case` has an open proposal to one of `partner`'s vacancies."""
    return employer_proposals(partner).filter(case=case, closed_at__isnull=True).exists()


def is_programme_manager(user):
    return user.is_superuser or PROGRAMME_MANAGERS in group_names(user)


def scoped_programme_ids(user):
    """The programmes whose cases `user` works on; None means every programme."""
    if user.is_superuser:
        return None
    cached = getattr(user, "_workflow_programme_ids", None)
    if cached is None:
        cached = frozenset(
            ProgrammeScope.objects.filter(user=user).values_list("programme_id", flat=True)
        )
        user._workflow_programme_ids = cached
    return cached


def case_programmes_for(user):
    """The programmes with a workflow or cases that `user` works on, by title."""
    from django.db.models import Q

    from programmes.models import ProgrammePage
    from workflows.models import ProgrammeWorkflow

    programmes = ProgrammePage.objects.filter(
        Q(pk__in=ProgrammeWorkflow.objects.values("programme"))
        | Q(pk__in=Case.objects.values("programme"))
    ).order_by("title")
    programme_ids = scoped_programme_ids(user)
    return programmes if programme_ids is None else programmes.filter(pk__in=programme_ids)


def cases_for(user):
    """The cases `user` may see."""
    cases = Case.objects.all()
    if not (user.is_active and user.is_staff):
        return cases.none()
    programme_ids = scoped_programme_ids(user)
    return cases if programme_ids is None else cases.filter(programme_id__in=programme_ids)


def can_view_case(user, case):
    if not (user.is_active and user.is_staff):
        return False
    programme_ids = scoped_programme_ids(user)
    return programme_ids is None or case.programme_id in programme_ids
