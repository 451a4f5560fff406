"""Who gets what, for every URL of the project and every role.

The URL list comes from the URL configuration itself: a URL that is in neither the
matrix below nor one of the named groups of other software's admin screens fails the
test, so nothing new goes out without someone deciding who may open it.

Answers: "ok" (the page or file), "login" (sent to sign in), "denied" (Wagtail's "no
permission", or 403), "missing" (404: not even whether it exists), "method" (405, for
views that only take a POST), "redirect" (elsewhere, by design).
"""

import re
import uuid

import pytest
from django.contrib.auth.models import Group
from django.urls import URLResolver, get_resolver
from django.utils import timezone
from django.utils.translation import override

from cms.models import UndeliveredMail
from tests.forms.referral_factories import make_referral
from tests.programmes.cafe_factories import RegistrationFactory
from tests.workflows.case_factories import make_case, make_reviewer
from tests.workflows.certificate_helpers import attendee, past_session
from tests.workflows.partner_factories import make_employer, make_referrer
from tests.workflows.portal_factories import make_document, make_draft, make_staff, make_user
from workflows import certificates
from workflows.certificate_documents import store_pdf
from workflows.default_workflows import (
    COACHES,
    PLACEMENT_OFFICERS,
    PROGRAMME_MANAGERS,
    SCREENERS,
)
from workflows.models import CertificateRun, DataErasureRequest

ROLES = [
    "anonymous",
    "applicant_a",
    "applicant_b",
    "editor",
    "moderator",
    "screener_x",
    "screener_y",
    "coach",
    "placement_officer",
    "manager",
    "superuser",
    "referrer",
    "employer",
]
PARTICIPANTS = {"applicant_a", "applicant_b"}
# People of partner organisations: outside staff, like a participant without records,
# except that the portal sends them on to their own area.
PARTNERS = {"referrer", "employer"}
REVIEWERS_X = {"screener_x", "coach", "placement_officer", "manager"}
WEB_EDITORS = {"editor", "moderator"}


def answers(default, **by_role):
    outsider = by_role.get("applicant_b", default)
    return {role: by_role.get(role, outsider if role in PARTNERS else default) for role in ROLES}


TO_THEIR_AREA = dict.fromkeys(PARTNERS, "redirect")


# --- Shapes of answer that recur -----------------------------------------------------------

EVERYONE = answers("ok")
# A record of applicant A, in the portal: theirs only.
OWN_RECORD = answers("missing", anonymous="login", applicant_a="ok", **TO_THEIR_AREA)
PORTAL_PAGE = answers("ok", anonymous="login", **TO_THEIR_AREA)
# An admin screen about case X (programme X): its reviewers and the superuser; to other
# staff it does not exist.
CASE_X = answers(
    "missing", anonymous="login", applicant_a="login", applicant_b="login",
    **dict.fromkeys(REVIEWERS_X, "ok"), superuser="ok",
)  # fmt: skip
# A case's files: staff without the right to see cases are refused before the case is
# looked up.
CASE_X_FILES = {**CASE_X, "editor": "denied", "moderator": "denied"}
CASE_LIST = answers(
    "ok", anonymous="login", applicant_a="login", applicant_b="login",
    editor="denied", moderator="denied",
)  # fmt: skip
SUPERUSER_ONLY = answers(
    "denied", anonymous="login", applicant_a="login", applicant_b="login", superuser="ok"
)
MANAGERS = answers(
    "denied", anonymous="login", applicant_a="login", applicant_b="login",
    manager="ok", superuser="ok",
)  # fmt: skip
# Every member of staff, about their own account.
STAFF = answers("ok", anonymous="login", applicant_a="login", applicant_b="login")
NOBODY = answers(
    "denied", anonymous="login", applicant_a="login", applicant_b="login"
)  # views switched off for everyone, the superuser included


DESK_STAFF = {**SUPERUSER_ONLY, "moderator": "ok"}

# A café session's certificate run: for those who may issue café certificates; to other
# staff it does not exist.
SESSION_RUN = answers(
    "missing", anonymous="login", applicant_a="login", applicant_b="login", superuser="ok"
)


def post_only(shape):
    """A POST-only view asked with GET: 405 for whoever gets past the door."""
    return {role: ("method" if answer == "ok" else answer) for role, answer in shape.items()}


EMPLOYER_AREA = answers("missing", anonymous="login", employer="ok")


def zorgnet_proposal(world):
    """A matchmaking candidate proposed to Zorgnet Dijle's home care job; made once, when
    the first URL of the employer area asks for it."""
    if "zorgnet_proposal" not in world:
        from programmes.models import ProgrammePage, VacancyPage
        from tests.workflows.proposal_factories import proposed_case

        world["zorgnet_proposal"] = proposed_case(
            ProgrammePage.objects.get(slug="jobroad-matchmaking", locale__language_code="nl"),
            VacancyPage.objects.get(slug="zorgkundige-thuiszorg", locale__language_code="nl"),
        )
    return world["zorgnet_proposal"]


# --- The matrix: URL name → (arguments from the world, answers) ---------------------------

MATRIX = {
    # Public site
    "health": (None, EVERYONE),
    "search": (None, EVERYONE),
    "eligibility:check": (lambda w: {"page_id": w["programme_x"].pk}, EVERYONE),
    "programmes:series_calendar": (lambda w: {"series_id": w["series"].pk}, EVERYONE),
    "programmes:registration_done": (None, EVERYONE),
    "programmes:cancel_registration": (lambda w: {"token": w["cancel_token"]}, EVERYONE),
    "appointments:slots": (None, EVERYONE),
    "appointments:booked": (None, EVERYONE),
    # A moment long past: back to the free moments, whoever asks.
    "appointments:book": (lambda w: {"slot_key": "20260105T0900"}, answers("redirect")),
    "appointments:cancel": (lambda w: {"token": w["appointment_cancel_token"]}, EVERYONE),
    "certificates:verify_start": (None, EVERYONE),
    "certificates:verify": (lambda w: {"code": w["certificate"].code}, EVERYONE),
    # Applicant A has a draft for programme X: the start page sends them on to it.
    "forms:apply": (
        lambda w: {"programme_id": w["programme_x"].pk},
        answers("ok", applicant_a="redirect"),
    ),
    "forms:wizard": (
        lambda w: {"programme_id": w["programme_x"].pk},
        answers("redirect", applicant_a="ok"),  # others: to the start page first
    ),
    # Without a draft of theirs in this browser, there is nothing to show.
    "forms:saved": (
        lambda w: {"programme_id": w["programme_x"].pk},
        answers("missing", applicant_a="ok"),
    ),
    "forms:submitted": (
        lambda w: {"programme_id": w["programme_x"].pk},
        answers("missing", applicant_a="redirect"),  # not sent yet: back to the form
    ),
    "forms:resume": (lambda w: {"token": "not-a-token"}, answers("missing")),
    "forms:continue_draft": (
        lambda w: {"public_id": w["draft_a"].public_id},
        answers("missing", anonymous="login", applicant_a="redirect"),
    ),
    # The participant portal
    "portal:overview": (None, PORTAL_PAGE),
    "portal:sign_in": (None, answers("redirect", anonymous="ok")),  # signed in: to /my/
    "portal:sign_in_sent": (None, EVERYONE),
    "portal:sign_in_link": (lambda w: {"token": "not-a-token"}, answers("invalid")),
    "portal:sign_out": (None, answers("method")),
    "portal:application": (lambda w: {"reference": w["case_x"].application.reference}, OWN_RECORD),
    "portal:draft_delete": (lambda w: {"public_id": w["draft_a"].public_id}, OWN_RECORD),
    "portal:document": (lambda w: {"pk": w["document_x"].pk}, OWN_RECORD),
    "portal:certificate": (lambda w: {"pk": w["certificate"].pk}, OWN_RECORD),
    # The applicant lets their referrer follow their progress, or stops it (a POST).
    "portal:referral_sharing": (
        lambda w: {"reference": w["case_x"].application.reference},
        post_only(PORTAL_PAGE),
    ),
    "portal:data_export": (None, PORTAL_PAGE),
    "portal:erasure_request": (None, PORTAL_PAGE),
    "portal:erasure_requested": (
        None,
        # B asked; others did not
        answers("redirect", anonymous="login", applicant_b="ok", **TO_THEIR_AREA),
    ),
    # The areas of referrers and employers: each their own; to everyone else they do not
    # exist.
    "partner_area:referrer": (None, answers("missing", anonymous="login", referrer="ok")),
    "partner_area:refer": (None, answers("missing", anonymous="login", referrer="ok")),
    # The referrer's own referral; another referrer's would be "missing" to them too.
    "partner_area:referral": (
        lambda w: {"public_id": w["referral"].public_id},
        answers("missing", anonymous="login", referrer="ok"),
    ),
    "partner_area:withdraw_referral": (
        lambda w: {"public_id": w["referral"].public_id},
        post_only(answers("missing", anonymous="login", referrer="ok")),
    ),
    # The referred candidate's link; without a valid one there is nothing to show.
    "forms:referral_confirm": (lambda w: {"token": "not-a-token"}, answers("missing")),
    "partner_area:employer": (None, answers("missing", anonymous="login", employer="ok")),
    # A candidate proposed to Zorgnet Dijle, the employer role's organisation: its people
    # only; to everyone else (another employer too) it does not exist.
    "partner_area:employer_export": (None, EMPLOYER_AREA),
    "partner_area:employer_vacancy": (
        lambda w: {"pk": zorgnet_proposal(w).vacancy_id},
        EMPLOYER_AREA,
    ),
    "partner_area:employer_proposal": (lambda w: {"pk": zorgnet_proposal(w).pk}, EMPLOYER_AREA),
    "partner_area:employer_proposal_pdf": (
        lambda w: {"pk": zorgnet_proposal(w).pk},
        EMPLOYER_AREA,
    ),
    "partner_area:employer_plan_interview": (
        lambda w: {"pk": zorgnet_proposal(w).pk},
        post_only(EMPLOYER_AREA),
    ),
    "partner_area:employer_record_outcome": (
        lambda w: {"pk": zorgnet_proposal(w).pk},
        post_only(EMPLOYER_AREA),
    ),
    # Inviting referrers and employers: programme managers.
    "partner_accounts:index": (None, MANAGERS),
    "partner_accounts:index_results": (None, MANAGERS),
    "partner_accounts:add": (None, MANAGERS),
    "partner_accounts:edit": (lambda w: {"pk": w["referrer_account"].pk}, MANAGERS),
    "partner_accounts:delete": (lambda w: {"pk": w["referrer_account"].pk}, MANAGERS),
    "partner_accounts:inspect": (lambda w: {"pk": w["referrer_account"].pk}, MANAGERS),
    "partner_accounts:history": (lambda w: {"pk": w["referrer_account"].pk}, MANAGERS),
    "partner_accounts:history_results": (
        lambda w: {"pk": w["referrer_account"].pk},
        MANAGERS,
    ),
    "partner_accounts:usage": (lambda w: {"pk": w["referrer_account"].pk}, MANAGERS),
    "partner_accounts:invite_again": (
        lambda w: {"pk": w["referrer_account"].pk},
        post_only(STAFF),
    ),
    # Two-factor sign-in: the code step needs a right password first; the account screens
    # are each staff member's own.
    "two_factor_sign_in": (None, answers("login")),
    "two_factor": (None, STAFF),
    "two_factor_on": (None, STAFF),
    # Emails that did not go out (superusers in the demo); retrying takes a POST.
    "undelivered_mail:index": (None, SUPERUSER_ONLY),
    "undelivered_mail:index_results": (None, SUPERUSER_ONLY),
    "undelivered_mail:inspect": (lambda w: {"pk": w["undelivered_mail"].pk}, SUPERUSER_ONLY),
    "undelivered_mail:retry_all": (None, post_only(STAFF)),
    "undelivered_mail:retry": (lambda w: {"pk": w["undelivered_mail"].pk}, post_only(STAFF)),
    # Case handling
    "cases:index": (None, CASE_LIST),
    "cases:index_results": (None, CASE_LIST),
    "cases:inspect": (lambda w: {"pk": w["case_x"].pk}, CASE_X),
    "cases:transition": (lambda w: {"pk": w["case_x"].pk}, post_only(CASE_X)),
    "cases:erase": (lambda w: {"pk": w["case_x"].pk}, post_only(CASE_X)),
    "cases:coaching": (lambda w: {"pk": w["case_x"].pk}, post_only(CASE_X)),
    "cases:document": (
        lambda w: {"pk": w["case_x"].pk, "document_pk": w["document_x"].pk},
        CASE_X_FILES,
    ),
    "cases:blind_profile": (lambda w: {"pk": w["case_x"].pk}, CASE_X_FILES),
    "cases:blind_profile_pdf": (lambda w: {"pk": w["case_x"].pk}, CASE_X_FILES),
    "workflows_admin:index": (None, MANAGERS),
    "workflows_admin:index_results": (None, MANAGERS),
    "workflows_admin:edit": (lambda w: {"pk": w["workflow"].pk}, MANAGERS),
    "workflows_admin:add": (None, MANAGERS),
    "workflows_admin:history": (lambda w: {"pk": w["workflow"].pk}, MANAGERS),
    "workflows_admin:history_results": (lambda w: {"pk": w["workflow"].pk}, MANAGERS),
    "workflows_admin:usage": (lambda w: {"pk": w["workflow"].pk}, MANAGERS),
    # A workflow with cases stays: managers are sent back to it, with the reason.
    "workflows_admin:delete": (
        lambda w: {"pk": w["workflow"].pk},
        {**MANAGERS, "manager": "denied", "superuser": "redirect"},  # managers do not delete
    ),
    "workflows_admin:export": (lambda w: {"pk": w["workflow"].pk}, MANAGERS),
    "workflows_admin:import": (None, MANAGERS),
    "programme_scopes:index": (None, MANAGERS),
    "programme_scopes:index_results": (None, MANAGERS),
    "programme_scopes:add": (None, MANAGERS),
    "programme_scopes:edit": (lambda w: {"pk": w["scope"].pk}, MANAGERS),
    "programme_scopes:delete": (lambda w: {"pk": w["scope"].pk}, MANAGERS),
    "programme_scopes:history": (lambda w: {"pk": w["scope"].pk}, MANAGERS),
    "programme_scopes:history_results": (lambda w: {"pk": w["scope"].pk}, MANAGERS),
    "programme_scopes:usage": (lambda w: {"pk": w["scope"].pk}, MANAGERS),
    "outcome_report": (None, MANAGERS),
    # Certificates
    "issued_certificates:index": (None, CASE_LIST),
    "issued_certificates:index_results": (None, CASE_LIST),
    "issued_certificates:inspect": (lambda w: {"pk": w["programme_certificate"].pk}, CASE_X),
    "issued_certificates:download": (lambda w: {"pk": w["programme_certificate"].pk}, CASE_X),
    "issued_certificates:revoke": (
        lambda w: {"pk": w["programme_certificate"].pk},
        post_only(CASE_X),
    ),
    "issued_certificates:reissue": (
        lambda w: {"pk": w["programme_certificate"].pk},
        post_only(CASE_X),
    ),
    "issued_certificates:session": (lambda w: {"page_id": w["session"].pk}, SUPERUSER_ONLY),
    "issued_certificates:cohort": (None, MANAGERS),
    "issued_certificates:runs": (None, CASE_LIST),
    "issued_certificates:run": (lambda w: {"pk": w["session_run"].pk}, SESSION_RUN),
    "issued_certificates:run_status": (lambda w: {"pk": w["session_run"].pk}, SESSION_RUN),
    "issued_certificates:run_restart": (
        lambda w: {"pk": w["session_run"].pk},
        post_only(SESSION_RUN),
    ),
    # Café registrations (check-in staff: the superuser in the demo)
    "registrations:index": (None, SUPERUSER_ONLY),
    "registrations:index_results": (None, SUPERUSER_ONLY),
    "registrations:delete": (lambda w: {"pk": w["registration"].pk}, SUPERUSER_ONLY),
    "registrations:add": (None, NOBODY),
    "registrations:edit": (lambda w: {"pk": w["registration"].pk}, SUPERUSER_ONLY),
    "registrations:inspect": (lambda w: {"pk": w["registration"].pk}, SUPERUSER_ONLY),
    "registrations:history": (lambda w: {"pk": w["registration"].pk}, SUPERUSER_ONLY),
    "registrations:history_results": (lambda w: {"pk": w["registration"].pk}, SUPERUSER_ONLY),
    "registrations:usage": (lambda w: {"pk": w["registration"].pk}, SUPERUSER_ONLY),
    "registrations:check_in": (
        lambda w: {"pk": w["registration"].pk},
        answers(
            "denied",
            anonymous="login",
            applicant_a="login",
            applicant_b="login",
            superuser="method",
        ),  # fmt: skip
    ),
    # Contact-desk appointments: the desk's staff (the demo's moderators) see and mark
    # them; nobody adds one in the admin (bookings go through the public form).
    "desk_appointments:index": (None, DESK_STAFF),
    "desk_appointments:index_results": (None, DESK_STAFF),
    "desk_appointments:add": (None, NOBODY),
    "desk_appointments:edit": (lambda w: {"pk": w["appointment"].pk}, DESK_STAFF),
    "desk_appointments:delete": (lambda w: {"pk": w["appointment"].pk}, SUPERUSER_ONLY),
    "desk_appointments:inspect": (lambda w: {"pk": w["appointment"].pk}, DESK_STAFF),
    "desk_appointments:history": (lambda w: {"pk": w["appointment"].pk}, DESK_STAFF),
    "desk_appointments:history_results": (lambda w: {"pk": w["appointment"].pk}, DESK_STAFF),
    "desk_appointments:usage": (lambda w: {"pk": w["appointment"].pk}, DESK_STAFF),
    "desk_appointments:record_visit": (
        lambda w: {"pk": w["appointment"].pk},
        post_only(DESK_STAFF),
    ),
    "desk_appointments:cancel": (lambda w: {"pk": w["appointment"].pk}, DESK_STAFF),
    "appointment_application_draft": (lambda w: {"pk": w["appointment"].pk}, DESK_STAFF),
    # Applications (not scoped per programme: superusers only) and erasure requests
    "applications:index": (None, SUPERUSER_ONLY),
    "applications:index_results": (None, SUPERUSER_ONLY),
    "applications:add": (None, NOBODY),
    # Correcting contact details (the right to rectification); answers stay as given.
    "applications:edit": (lambda w: {"pk": w["case_x"].application.pk}, SUPERUSER_ONLY),
    "applications:delete": (lambda w: {"pk": w["case_x"].application.pk}, NOBODY),
    "applications:history": (lambda w: {"pk": w["case_x"].application.pk}, SUPERUSER_ONLY),
    "applications:history_results": (
        lambda w: {"pk": w["case_x"].application.pk},
        SUPERUSER_ONLY,
    ),
    "applications:usage": (lambda w: {"pk": w["case_x"].application.pk}, SUPERUSER_ONLY),
    "applications:inspect": (lambda w: {"pk": w["case_x"].application.pk}, SUPERUSER_ONLY),
    "data_erasure_requests:index": (None, SUPERUSER_ONLY),
    "data_erasure_requests:index_results": (None, SUPERUSER_ONLY),
    "data_erasure_requests:add": (None, NOBODY),
    "data_erasure_requests:edit": (lambda w: {"pk": w["erasure"].pk}, SUPERUSER_ONLY),
    "data_erasure_requests:delete": (lambda w: {"pk": w["erasure"].pk}, NOBODY),
    "data_erasure_requests:history": (lambda w: {"pk": w["erasure"].pk}, SUPERUSER_ONLY),
    "data_erasure_requests:history_results": (
        lambda w: {"pk": w["erasure"].pk},
        SUPERUSER_ONLY,
    ),
    "data_erasure_requests:usage": (lambda w: {"pk": w["erasure"].pk}, SUPERUSER_ONLY),
    "data_erasure_requests:inspect": (lambda w: {"pk": w["erasure"].pk}, SUPERUSER_ONLY),
    "data_erasure_requests:carry_out": (lambda w: {"pk": w["erasure"].pk}, post_only(STAFF)),
}

# Other software's screens, checked from outside: nobody without admin access gets in.
# Wagtail decides who of the staff sees them (its pages, images, documents, snippets,
# settings, users and groups, and wagtail-localize's translation screens).
OTHERS_ADMIN = re.compile(
    r"^(wagtail\w*|wagtail_localize\w*|wagtailsnippets_\w+|wagtailsnippetchoosers_\w+"
    r"|wagtailsettings|wagtailusers_\w+|wagtailimages\w*|wagtaildocs\w*|wagtailadmin\w*"
    r"|wagtailsearch\w*|wagtailredirects|wagtailforms)(:|$)"
)
# The public page tree and Wagtail's document serving: public by design.
PUBLIC_UNNAMED = {"wagtail_serve", "wagtaildocs_serve", "wagtaildocs_authenticate_with_password"}
# Wagtail's own screens for signing in: open to everyone by design.
PUBLIC_ADMIN = {
    "wagtailadmin_login",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
}


def url_patterns(patterns=None, prefix="", namespace=None):
    """(route, name) of every URL the project answers, from its URL configuration."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield prefix + str(pattern.pattern), name


def test_every_url_of_the_project_is_in_the_matrix():
    unknown = sorted(
        f"{name or '(no name)'}  {route}"
        for route, name in url_patterns()
        if name not in MATRIX
        and name not in PUBLIC_UNNAMED
        and not (name and OTHERS_ADMIN.match(name))
        and not route.startswith(("admin/", "^admin/"))  # caught below, from outside
    )
    assert unknown == [], "URLs nobody decided on; add them to MATRIX:\n" + "\n".join(unknown)


def test_our_admin_screens_are_all_in_the_matrix():
    ours = sorted(
        name
        for route, name in url_patterns()
        if route.startswith("admin/")
        and name
        and not OTHERS_ADMIN.match(name)
        and name not in MATRIX
    )
    assert ours == [], "Admin URLs of ours nobody decided on; add them to MATRIX:\n" + "\n".join(
        ours
    )


# --- The world the matrix is checked in ----------------------------------------------------


@pytest.fixture
def world(demo):
    programme_x = demo["level2work"]["nl"]
    programme_y = demo["jobroad-matchmaking"]["nl"]
    applicant_a = make_user("amina@example.org")
    applicant_b = make_user("bohdan@example.org", first_name="Bohdan")
    case_x = make_case(programme_x)
    application = case_x.application
    application.applicant = applicant_a
    application.email = applicant_a.email
    application.save()
    make_case(programme_y)
    certificate_case, _created = certificates.issue(
        kind="programme",
        recipient=applicant_a,
        recipient_name="Amina Haddad",
        subject_key=f"case:{case_x.pk}",
        language="nl",
        details={"subject_title": programme_x.title},
        programme=programme_x,
        case=case_x,
    )
    store_pdf(certificate_case)
    session = past_session()
    registration = attendee(session, email=applicant_a.email, name="Amina Haddad")
    (certificate,) = certificates.issue_attendance_certificates(registration)
    certificate.recipient = applicant_a
    store_pdf(certificate)
    from programmes.registration import cancel_token

    upcoming = RegistrationFactory(email=applicant_a.email)
    from programmes import appointments
    from tests.programmes.appointment_factories import make_appointment

    appointment = make_appointment(email=applicant_a.email)
    referrer_account = make_referrer(demo["ocmw-leuven"]["nl"], "verwijzer@example.org")
    users = {
        "anonymous": None,
        "applicant_a": applicant_a,
        "applicant_b": applicant_b,
        "editor": make_staff("redacteur@example.org"),
        "moderator": make_staff("moderator@example.org"),
        "screener_x": make_reviewer(SCREENERS, programme_x, email="screener-x@example.org"),
        "screener_y": make_reviewer(SCREENERS, programme_y, email="screener-y@example.org"),
        "coach": make_reviewer(COACHES, programme_x, email="coach-x@example.org"),
        "placement_officer": make_reviewer(
            PLACEMENT_OFFICERS, programme_x, email="placement-x@example.org"
        ),
        "manager": make_reviewer(PROGRAMME_MANAGERS, programme_x, email="manager-x@example.org"),
        "superuser": make_user("beheer@example.org", is_staff=True, is_superuser=True),
        "referrer": referrer_account.user,
        "employer": make_employer(demo["zorgnet-dijle"]["nl"], "werkgever@example.org").user,
    }
    users["editor"].groups.add(Group.objects.get(name="Editors"))
    users["moderator"].groups.add(Group.objects.get(name="Moderators"))
    from workflows.models import ProgrammeScope, ProgrammeWorkflow

    return {
        "users": users,
        "referrer_account": referrer_account,
        "referral": make_referral(referrer_account, demo["jobroad-matchmaking"]["nl"]),
        "programme_x": programme_x,
        "series": session.get_parent(),
        "session": session,
        "case_x": case_x,
        "document_x": make_document(application),
        "draft_a": make_draft(applicant_a, programme=programme_x, email=applicant_a.email),
        "certificate": certificate,
        "programme_certificate": certificate_case,
        "registration": registration,
        "cancel_token": cancel_token(upcoming),
        "appointment": appointment,
        "appointment_cancel_token": appointments.cancel_token(appointment),
        "workflow": ProgrammeWorkflow.objects.get(programme=programme_x).workflow,
        "scope": ProgrammeScope.objects.filter(user=users["manager"]).first(),
        "session_run": CertificateRun.objects.create(
            kind=CertificateRun.Kind.SESSION, title="t", session=session
        ),
        "erasure": DataErasureRequest.objects.create(user=applicant_b, requested_at=timezone.now()),
        "undelivered_mail": UndeliveredMail.objects.create(
            task_path="workflows.tasks.send_erasure_receipt",
            arguments=[1],
            key="workflows.tasks.send_erasure_receipt:[1]",
            first_failed_at=timezone.now(),
            last_failed_at=timezone.now(),
        ),
    }


def outcome(response):
    status = response.status_code
    if status == 404:
        return "missing"
    if status == 403:
        return "denied"
    if status == 405:
        return "method"
    if status == 400:
        return "invalid"
    if status in (301, 302):
        location = response["Location"]
        if "/admin/login/" in location or "/my/inloggen/" in location:
            return "login"
        if location in ("/admin/", "http://testserver/admin/"):
            return "denied"  # Wagtail: back to the dashboard, "you do not have permission"
        if re.match(r"^/[a-z]{2}/admin/", location):
            return "missing"  # an admin 404 after the language middleware's detour
        return "redirect"
    if 200 <= status < 300:
        return "ok"
    return f"status {status}"


def path_of(name, builder, world):
    from django.urls import reverse

    with override("nl"):
        return reverse(name, kwargs=builder(world) if builder else None)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_what_the_matrix_says(client, world, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    wrong = []
    for name, (builder, expected) in MATRIX.items():
        path = path_of(name, builder, world)
        got = outcome(client.get(path))
        if got != expected[role]:
            wrong.append(f"{name} {path}: expected {expected[role]}, got {got}")
    assert wrong == [], f"{role}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("role", ["anonymous", "applicant_a"])
def test_nobody_without_admin_access_gets_into_any_admin_screen(client, world, role):
    """Every admin URL, Wagtail's own included, asked with made-up ids."""
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    wrong = []
    for route, name in url_patterns():
        if not route.startswith("admin/") or name in (None, *PUBLIC_ADMIN):
            continue
        if "(?P" in route:
            continue  # a regular expression, not a path we can fill in
        path = "/" + re.sub(
            r"<(?:(\w+):)?\w+>",
            lambda match: str(uuid.uuid4()) if match[1] == "uuid" else "1",
            route,
        )
        got = outcome(client.get(path))
        if got not in ("login", "missing", "method"):
            wrong.append(f"{name} {path}: {got}")
    assert wrong == [], "\n".join(wrong)
