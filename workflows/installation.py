"""Installing the default workflows and reviewer groups; idempotent, for new sites
(`manage.py install_workflows`) and the demo (`seed_demo`)."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from workflows.default_workflows import (
    DEFAULT_WORKFLOWS,
    EMPLOYERS,
    PROGRAMME_MANAGERS,
    REVIEWER_GROUPS,
)
from workflows.models import Workflow, WorkflowState, WorkflowTransition

# What every reviewer needs to work in the admin; programme managers also edit workflows.
# No "view application": the applications list is not scoped to programmes, and reviewers
# read an application on its case page.
REVIEWER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("workflows", "view_case"),
    ("workflows", "view_certificate"),
]
MANAGER_PERMISSIONS = [
    ("workflows", "add_workflow"),
    ("workflows", "change_workflow"),
    ("workflows", "view_workflow"),
    ("workflows", "view_programmescope"),
    ("workflows", "add_programmescope"),
    ("workflows", "change_programmescope"),
    ("workflows", "delete_programmescope"),
    # Start bulk certificate runs; revoke and correct certificates.
    ("workflows", "add_certificate"),
    ("workflows", "change_certificate"),
    # Invite referrers and employers, and take their access away.
    ("workflows", "view_partneraccount"),
    ("workflows", "add_partneraccount"),
    ("workflows", "change_partneraccount"),
    ("workflows", "delete_partneraccount"),
]


def _permissions(pairs):
    return [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in pairs
    ]


def install_groups():
    groups = {}
    for name in REVIEWER_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(REVIEWER_PERMISSIONS))
        if name == PROGRAMME_MANAGERS:
            group.permissions.add(*_permissions(MANAGER_PERMISSIONS))
        groups[name] = group
    # Without permissions: nobody is a member; employers act through their partner account.
    groups[EMPLOYERS], _created = Group.objects.get_or_create(name=EMPLOYERS)
    return groups


def import_workflow(slug, data):
    """Create the workflow `slug` from definition data (as exported to JSON)."""
    groups = {group.name: group for group in Group.objects.all()}
    workflow = Workflow.objects.create(
        slug=slug, name=data["name"], description=data.get("description", "")
    )
    for position, state in enumerate(data["states"]):
        WorkflowState.objects.create(
            workflow=workflow,
            sort_order=position,
            key=state["key"],
            kind=state["kind"],
            staff_name=state.get("staff_name", state["key"]),
            applicant_name=state.get("applicant_name", ""),
            applicant_description=state.get("applicant_description", ""),
            enrolled=bool(state.get("enrolled", False)),
            reveals_identity=bool(state.get("reveals_identity", False)),
        )
    for position, item in enumerate(data["transitions"]):
        transition = WorkflowTransition.objects.create(
            workflow=workflow,
            sort_order=position,
            key=item["key"],
            staff_name=item.get("staff_name", item["key"]),
            applicant_name=item.get("applicant_name", ""),
            from_states=", ".join(item.get("from_states", [])),
            to_state=item.get("to_state", ""),
            form=item.get("form", ""),
            effects=", ".join(item.get("effects", [])),
            guards=", ".join(item.get("guards", [])),
            is_exit=bool(item.get("exit", False)),
        )
        transition.groups.set([groups[name] for name in item.get("groups", []) if name in groups])
        transition.save()
    return workflow


@transaction.atomic
def install_default_workflows():
    """The reviewer groups and the default workflows that are not there yet."""
    install_groups()
    workflows = {}
    for slug, data in DEFAULT_WORKFLOWS.items():
        workflow = Workflow.objects.filter(slug=slug).first()
        if workflow is None:
            workflow = import_workflow(slug, data)
        workflows[slug] = workflow
    return workflows
