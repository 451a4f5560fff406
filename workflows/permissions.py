"""Who may see which cases: reviewers see the programmes they are scoped to, nothing else.

Plain functions, used by the admin views, the worklist, the dashboard and downloads.
"""

from workflows.models import Case, ProgrammeScope

PROGRAMME_MANAGERS = "Programme managers"


def group_names(user):
    """The names of the user's groups, read once per request."""
    cached = getattr(user, "_workflow_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True)) if user.pk else frozenset()
        user._workflow_group_names = cached
    return cached


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
