"""The coaching log: who may record a session, recording one (individual or for a
group), attendance, and what participants see of it (dates and topics, never notes)."""

from collections import Counter

from django.db import transaction
from django.db.models import Count, Sum
from wagtail.log_actions import log

from workflows.default_workflows import COACHES
from workflows.models import CoachingParticipant, CoachingSession, CoachingTopic
from workflows.permissions import can_view_case, cases_for, group_names, is_programme_manager


def may_record(user, case):
    """Coaches and programme managers of the case's programme, and superusers."""
    if not can_view_case(user, case) or case.application.anonymised_at is not None:
        return False
    return user.is_superuser or is_programme_manager(user) or COACHES in group_names(user)


def group_candidates(user, case):
    """The other open cases a coach may add to a group session held with this one."""
    return (
        cases_for(user)
        .filter(closed_at__isnull=True, application__anonymised_at__isnull=True)
        .exclude(pk=case.pk)
        .select_related("application")
        .order_by("application__last_name", "application__first_name", "pk")
    )


def record_session(*, coach, cases, held_on, duration_minutes, topics, note="", absent=()):
    """Record one session held with `cases` (one: individual; more: a group). Those in
    `absent` were expected and did not come. Written to each case's audit log."""
    cases = list(cases)
    with transaction.atomic():
        session = CoachingSession.objects.create(
            coach=coach,
            held_on=held_on,
            duration_minutes=duration_minutes,
            kind=CoachingSession.Kind.GROUP if len(cases) > 1 else CoachingSession.Kind.INDIVIDUAL,
            topics=[topic for topic in CoachingTopic.values if topic in set(topics)],
            note=note,
        )
        absent_ids = {case.pk for case in absent}
        CoachingParticipant.objects.bulk_create(
            CoachingParticipant(session=session, case=case, attended=case.pk not in absent_ids)
            for case in cases
        )
        for case in cases:
            log(case, "workflows.case.coaching", user=coach, data={"session": session.pk})
    return session


def set_attendance(participant, attended, *, by):
    participant.attended = attended
    participant.save(update_fields=["attended"])
    log(
        participant.case,
        "workflows.case.coaching",
        user=by,
        data={"session": participant.session_id, "attended": attended},
    )


def participations(case):
    """This case's sessions, newest first, with how many took part in each."""
    return (
        CoachingParticipant.objects.filter(case=case)
        .select_related("session__coach")
        .annotate(group_size=Count("session__participants"))
        .order_by("-session__held_on", "-session__pk")
    )


def for_participant(applications):
    """What a participant sees of their coaching: per application, the sessions they
    attended with date, kind and topics. No notes, no coach's name."""
    rows = (
        CoachingParticipant.objects.filter(case__application__in=applications, attended=True)
        .select_related("session", "case")
        .order_by("-session__held_on", "-session__pk")
    )
    by_application = {}
    for row in rows:
        session = row.session
        by_application.setdefault(row.case.application_id, []).append(
            {
                "held_on": session.held_on,
                "kind": session.get_kind_display(),
                "topics": [str(label) for label in session.topic_labels],
                "duration_minutes": session.duration_minutes,
            }
        )
    return by_application


def figures(cases):
    """Coaching in a set of cases: per participant (sessions attended, hours received)
    and per topic (sessions held, hours); a group session counts once per topic."""
    attended = CoachingParticipant.objects.filter(case__in=cases, attended=True)
    per_case = attended.values("case").annotate(
        sessions=Count("session"), minutes=Sum("session__duration_minutes")
    )
    participants = len(per_case)
    total_minutes = sum(row["minutes"] for row in per_case)
    sessions = CoachingSession.objects.filter(pk__in=attended.values("session")).values_list(
        "topics", "duration_minutes"
    )
    topic_sessions, topic_minutes = Counter(), Counter()
    held = held_minutes = 0
    for topics, minutes in sessions:
        held += 1
        held_minutes += minutes
        for topic in topics:
            topic_sessions[topic] += 1
            topic_minutes[topic] += minutes
    labels = dict(CoachingTopic.choices)
    return {
        "participants": participants,
        "sessions_attended": sum(row["sessions"] for row in per_case),
        "hours_received": total_minutes / 60,
        "hours_per_participant": (total_minutes / 60 / participants) if participants else None,
        "sessions_held": held,
        "hours_held": held_minutes / 60,
        "topics": [
            (str(labels[topic]), topic_sessions[topic], topic_minutes[topic] / 60)
            for topic in CoachingTopic.values
            if topic_sessions[topic]
        ],
    }


def per_case(cases):
    """{case id: (sessions attended, hours)} for the participant list."""
    return {
        row["case"]: (row["sessions"], row["minutes"] / 60)
        for row in CoachingParticipant.objects.filter(case__in=cases, attended=True)
        .values("case")
        .annotate(sessions=Count("session"), minutes=Sum("session__duration_minutes"))
    }
