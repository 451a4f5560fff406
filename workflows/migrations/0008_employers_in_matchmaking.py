"""Brings an installed matchmaking workflow to what `default_workflows.MATCHMAKING` now
ships: employers record the open interview in their area, staff propose for a chosen
vacancy (and for another one after "not retained"), and the candidate's identity shows
to the employer from the workplace visit on.

Only the editable definition changes: running cases keep their frozen version, as for
every edit a programme manager makes. A transition someone renamed away is left alone.
"""

from django.db import migrations

EMPLOYERS = "Werkgevers"
REVEALING_STATES = ("workplace_visit", "hired", "aftercare", "completed")
EMPLOYER_GUARD = "is_proposed_to_employer"
CHANGES = {
    "propose_to_vacancy": {"form": "propose"},
    "invite_to_interview": {"form": "interview_planned", "employers": True},
    "interview_retained": {"from_states": "proposed, open_interview", "employers": True},
    "interview_not_retained": {"from_states": "proposed, open_interview", "employers": True},
    "visit_not_retained": {"form": "proposal_ended"},
}
NEW_TRANSITION = {
    "key": "propose_to_other_vacancy",
    "after": "interview_not_retained",
    "staff_name": "Voorstellen voor een andere vacature",
    "applicant_name": "We stellen je voor aan een andere werkgever",
    "from_states": "proposed",
    "to_state": "proposed",
    "form": "propose",
    "effects": "notify_applicant",
    "groups": ("Placement officers", "Programme managers"),
}


def _with_guard(guards):
    keys = [part.strip() for part in guards.split(",") if part.strip()]
    return ", ".join(keys if EMPLOYER_GUARD in keys else [*keys, EMPLOYER_GUARD])


def bring_employers_in(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("workflows", "Workflow")
    WorkflowState = apps.get_model("workflows", "WorkflowState")
    WorkflowTransition = apps.get_model("workflows", "WorkflowTransition")
    TransitionGroup = WorkflowTransition.groups.through

    employers, _created = Group.objects.get_or_create(name=EMPLOYERS)
    workflow = Workflow.objects.filter(slug="matchmaking").first()
    if workflow is None:
        return  # a new site: installing the defaults brings all of this
    WorkflowState.objects.filter(workflow=workflow, key__in=REVEALING_STATES).update(
        reveals_identity=True
    )
    for transition in WorkflowTransition.objects.filter(workflow=workflow, key__in=CHANGES):
        change = CHANGES[transition.key]
        transition.form = change.get("form", transition.form)
        transition.from_states = change.get("from_states", transition.from_states)
        if change.get("employers"):
            transition.guards = _with_guard(transition.guards)
            TransitionGroup.objects.get_or_create(
                workflowtransition_id=transition.pk, group_id=employers.pk
            )
        transition.save()

    if WorkflowTransition.objects.filter(workflow=workflow, key=NEW_TRANSITION["key"]).exists():
        return
    after = WorkflowTransition.objects.filter(
        workflow=workflow, key=NEW_TRANSITION["after"]
    ).first()
    position = (after.sort_order + 1) if after and after.sort_order is not None else None
    if position is not None:
        for later in WorkflowTransition.objects.filter(
            workflow=workflow, sort_order__gte=position
        ).order_by("-sort_order"):
            later.sort_order += 1
            later.save(update_fields=["sort_order"])
    new = WorkflowTransition.objects.create(
        workflow=workflow,
        sort_order=position,
        key=NEW_TRANSITION["key"],
        staff_name=NEW_TRANSITION["staff_name"],
        applicant_name=NEW_TRANSITION["applicant_name"],
        from_states=NEW_TRANSITION["from_states"],
        to_state=NEW_TRANSITION["to_state"],
        form=NEW_TRANSITION["form"],
        effects=NEW_TRANSITION["effects"],
        guards="",
    )
    for group in Group.objects.filter(name__in=NEW_TRANSITION["groups"]):
        TransitionGroup.objects.get_or_create(workflowtransition_id=new.pk, group_id=group.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("workflows", "0007_employer_proposals"),
    ]

    operations = [migrations.RunPython(bring_employers_in, migrations.RunPython.noop)]
