"""The participant portal under /my/: what a signed-in participant sees and may do, and
that nobody sees another person's records."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Locale, Page

from forms.models import ApplicationDraft
from forms.steps import FORM_VERSION
from programmes.models import Registration
from tests.programmes.cafe_factories import CafeSessionPageFactory, RegistrationFactory, in_days
from tests.programmes.cafe_links import cancel_links_in
from tests.workflows.portal_factories import (
    PDF_BYTES,
    dutch_programme,
    dutch_programmes,
    make_application,
    make_document,
    make_draft,
    make_user,
)
from workflows.models import DataErasureRequest
from workflows.portal import application_status
from workflows.tasks import deliver_erasure_receipt

User = get_user_model()
PORTAL = "/nl/my/"


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def amina(db):
    return make_user("amina@example.org", first_name="Amina", last_name="Haddad")


@pytest.fixture
def other(db):
    return make_user("olena@example.org", first_name="Olena", last_name="Kovalenko")


@pytest.fixture
def signed_in(client, amina):
    client.force_login(amina)
    return client


# --- Signing in first ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/nl/my/",
        "/nl/my/aanmeldingen/TST-2026-00001/",
        "/nl/my/documenten/1/",
        "/nl/my/gegevens.json",
        "/nl/my/gegevens/verwijderen/",
    ],
)
def test_anonymous_visitors_are_sent_to_the_portal_sign_in_not_the_admin(client, db, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response.url == f"/nl/my/inloggen/?next={path}"


def test_the_sign_in_page_is_in_the_language_of_the_page_asked_for(client, db):
    response = client.get("/ar/my/")

    assert response.url == "/ar/my/inloggen/?next=/ar/my/"


# --- Where an application stands -------------------------------------------------------


def test_a_submitted_application_is_submitted_with_one_event(amina):
    application = make_application(amina)

    status = application_status(application)

    assert str(status.label) == "Ingediend"
    assert str(status.next_step) == (
        "We bekijken je aanmelding. Je hoort binnen twee weken van ons."
    )
    assert [(event.when, str(event.text)) for event in status.timeline] == [
        (application.submitted_at, "Aanmelding ingediend")
    ]


# --- The overview ----------------------------------------------------------------------


def test_the_overview_lists_only_my_own_applications(signed_in, amina, other):
    mine = make_application(amina, reference="L2W-2026-00042")
    make_application(other, reference="L2W-2026-00043")

    page = signed_in.get(PORTAL).content.decode()

    assert "L2W-2026-00042" in page
    assert "L2W-2026-00043" not in page
    assert mine.programme.title in page
    assert "Ingediend" in page
    assert "We bekijken je aanmelding. Je hoort binnen twee weken van ons." in page
    assert "Aanmelding ingediend" in page
    submitted = timezone.localtime(mine.submitted_at)
    assert f'<time class="portal-timeline__when" datetime="{submitted.isoformat()}">' in page


def test_the_overview_shows_the_programme_in_my_language_when_translated(client, amina):
    application = make_application(amina)
    english = application.programme.get_translation(Locale.objects.get(language_code="en"))
    Page.objects.filter(pk=english.pk).update(title="Level Up (English)")
    client.force_login(amina)

    page = client.get("/en/my/").content.decode()

    assert "Level Up (English)" in page


def test_the_overview_falls_back_to_the_dutch_programme_title(client, amina):
    application = make_application(amina)
    client.force_login(amina)

    page = client.get("/ar/my/").content.decode()

    assert application.programme.title in page
    assert 'lang="nl" dir="ltr"' in page


def test_the_overview_lists_only_my_own_drafts(signed_in, amina, other):
    first, second = dutch_programmes()[:2]
    mine = make_draft(amina, programme=first)
    by_email = make_draft(programme=second, email="amina@example.org")
    theirs = make_draft(other, programme=second)

    page = signed_in.get(PORTAL).content.decode()

    assert reverse("portal:draft_delete", kwargs={"public_id": mine.public_id}) in page
    assert reverse("portal:draft_delete", kwargs={"public_id": by_email.public_id}) in page
    assert str(theirs.public_id) not in page
    assert "Laatst bewaard op" in page
    assert reverse("forms:continue_draft", kwargs={"public_id": mine.public_id}) in page


def test_a_submitted_draft_is_not_listed(signed_in, amina):
    draft = make_draft(amina)
    ApplicationDraft.objects.filter(pk=draft.pk).update(submitted_at=timezone.now())

    page = signed_in.get(PORTAL).content.decode()

    assert str(draft.public_id) not in page
    assert "Je hebt geen aanmeldingen in opmaak." in page


def test_the_overview_lists_my_cafe_registrations_upcoming_first(signed_in, amina):
    later = RegistrationFactory(
        email="amina@example.org", session=CafeSessionPageFactory(starts_at=in_days(20))
    )
    sooner = RegistrationFactory(
        email="amina@example.org", session=CafeSessionPageFactory(starts_at=in_days(3))
    )
    past = RegistrationFactory(
        email="amina@example.org", session=CafeSessionPageFactory(starts_at=in_days(-10))
    )
    someone_else = RegistrationFactory(email="olena@example.org")

    page = signed_in.get(PORTAL).content.decode()

    positions = [page.index(r.session.title) for r in (sooner, later, past)]
    assert positions == sorted(positions)
    assert someone_else.session.title not in page
    assert cancel_links_in(page) == {sooner.pk, later.pk}  # none for the past session
    assert "Voorbij" in page


def test_a_cancelled_registration_has_no_cancel_link(signed_in, amina):
    cancelled = RegistrationFactory(email="amina@example.org", status=Registration.Status.CANCELLED)

    page = signed_in.get(PORTAL).content.decode()

    assert cancelled.session.title in page
    assert "Geannuleerd" in page
    assert cancel_links_in(page) == set()


def test_the_overview_is_honest_that_there_are_no_certificates_yet(signed_in):
    page = signed_in.get(PORTAL).content.decode()

    assert "Mijn certificaten" in page
    assert "Je hebt nog geen certificaten." in page


def test_the_overview_says_so_when_there_is_nothing_yet(signed_in):
    page = signed_in.get(PORTAL).content.decode()

    assert "Je hebt nog geen aanmeldingen ingediend." in page
    assert "Je hebt geen aanmeldingen in opmaak." in page
    assert "Je bent niet ingeschreven voor een sessie van het café." in page


def test_the_overview_needs_the_same_queries_for_many_records(signed_in, amina):
    programmes = list(dutch_programmes()[:3])

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert signed_in.get(PORTAL).status_code == 200
        return len(queries)

    make_application(amina)
    make_draft(amina, programme=programmes[0])
    RegistrationFactory(email="amina@example.org")
    count_queries()  # the first request fills per-process caches (site root paths)
    few = count_queries()

    for programme in programmes[1:]:
        make_application(amina, programme=programme)
        make_draft(amina, programme=programme)
    RegistrationFactory(email="amina@example.org")
    RegistrationFactory(email="amina@example.org")
    count_queries()  # the café pages just published renew the site-wide cache (menu)
    many = count_queries()

    assert many == few


# --- One application -------------------------------------------------------------------


def test_my_application_shows_its_status_timeline_answers_and_documents(signed_in, amina):
    application = make_application(amina, reference="L2W-2026-00042")
    document = make_document(application)

    response = signed_in.get(reverse("portal:application", args=["L2W-2026-00042"]))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert "Aanmelding L2W-2026-00042" in page
    assert "Ingediend" in page
    assert "Aanmelding ingediend" in page
    assert "Amina Haddad" in page
    assert "Eqf level" in page  # answers of an older form version, by their keys
    assert "Nee" in page
    assert reverse("portal:document", kwargs={"pk": document.pk}) in page
    assert "diploma-amina.pdf" in page


def test_my_answers_read_as_the_questions_and_choices_of_the_form(signed_in, amina):
    make_application(
        amina,
        reference="L2W-2026-00044",
        form_version=FORM_VERSION,
        answers={
            "about": {
                "first_name": "Amina",
                "date_of_birth": "1990-07-14",
                "gender": "woman",
                "phone": "",
            },
            "documents": {"diploma": {"name": "diploma.pdf", "size": 2048}, "cv": None},
        },
    )

    page = signed_in.get(reverse("portal:application", args=["L2W-2026-00044"])).content
    page = page.decode()

    assert "Over jou" in page
    assert "Voornaam" in page
    assert "Geboortedatum" in page and "14 juli 1990" in page
    assert "Geslacht" in page and "Vrouw" in page
    assert "Telefoonnummer" not in page  # left blank
    assert "diploma.pdf (2,0" in page


def test_another_persons_application_is_not_found(signed_in, other):
    make_application(other, reference="L2W-2026-00043")

    response = signed_in.get(reverse("portal:application", args=["L2W-2026-00043"]))

    assert response.status_code == 404


# --- Documents -------------------------------------------------------------------------


def test_i_download_my_own_document_as_an_attachment(signed_in, amina):
    document = make_document(make_application(amina), name="Diploma Amina.pdf")

    response = signed_in.get(reverse("portal:document", kwargs={"pk": document.pk}))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="Diploma Amina.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_an_unexpected_content_type_is_served_as_plain_bytes(signed_in, amina):
    document = make_document(make_application(amina), name="cv.html")
    document.content_type = "text/html"
    document.save()

    response = signed_in.get(reverse("portal:document", kwargs={"pk": document.pk}))

    assert response["Content-Type"] == "application/octet-stream"


def test_another_persons_document_is_not_found(signed_in, other):
    document = make_document(make_application(other))

    response = signed_in.get(reverse("portal:document", kwargs={"pk": document.pk}))

    assert response.status_code == 404


def test_a_document_whose_file_is_gone_is_not_found(signed_in, amina):
    document = make_document(make_application(amina))
    document.file.storage.delete(document.file.name)

    response = signed_in.get(reverse("portal:document", kwargs={"pk": document.pk}))

    assert response.status_code == 404


# --- Drafts ----------------------------------------------------------------------------


def test_deleting_a_draft_asks_first_then_deletes_it(signed_in, amina, capture):
    draft = make_draft(amina)
    url = reverse("portal:draft_delete", kwargs={"public_id": draft.public_id})

    confirm = signed_in.get(url)
    assert confirm.status_code == 200
    assert "Ja, verwijder deze aanmelding" in confirm.content.decode()
    assert ApplicationDraft.objects.filter(pk=draft.pk).exists()

    with capture():
        response = signed_in.post(url, follow=True)

    assert response.redirect_chain == [(PORTAL, 302)]
    assert "Je aanmelding in opmaak is verwijderd." in response.content.decode()
    assert not ApplicationDraft.objects.filter(pk=draft.pk).exists()


def test_deleting_a_draft_twice_does_no_harm(signed_in, amina, capture):
    draft = make_draft(amina)
    url = reverse("portal:draft_delete", kwargs={"public_id": draft.public_id})
    with capture():
        signed_in.post(url)

    response = signed_in.post(url)

    assert response.status_code == 302
    assert response.url == PORTAL


def test_another_persons_draft_is_not_found(signed_in, other):
    draft = make_draft(other)
    url = reverse("portal:draft_delete", kwargs={"public_id": draft.public_id})

    assert signed_in.get(url).status_code == 404
    assert signed_in.post(url).status_code == 404
    assert ApplicationDraft.objects.filter(pk=draft.pk).exists()


# --- My data ---------------------------------------------------------------------------


def test_i_download_everything_held_about_me_as_json(signed_in, amina, other):
    application = make_application(amina, reference="L2W-2026-00042")
    make_document(application)
    make_draft(amina, programme=dutch_programmes()[1])
    registration = RegistrationFactory(email="amina@example.org", access_needs="Een rolstoel")
    make_application(other, reference="L2W-2026-00043")
    RegistrationFactory(email="olena@example.org")

    response = signed_in.get(reverse("portal:data_export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="opstap-mijn-gegevens-')
    data = json.loads(response.content)
    assert data["profile"]["email"] == "amina@example.org"
    assert data["profile"]["first_name"] == "Amina"
    [exported] = data["applications"]
    assert exported["reference"] == "L2W-2026-00042"
    assert exported["answers"] == application.answers
    assert exported["eligible"] is True
    assert exported["eligibility"] == application.eligibility
    assert exported["documents"] == [
        {
            "kind": "diploma",
            "file_name": "diploma-amina.pdf",
            "content_type": "application/pdf",
            "size": len(PDF_BYTES),
        }
    ]
    [draft] = data["drafts"]
    assert draft["answers"] == {"about": {"first_name": ["Amina"], "city": ["Leuven"]}}
    [cafe] = data["cafe_registrations"]
    assert cafe["session"] == registration.session.title
    assert cafe["access_needs"] == "Een rolstoel"
    assert "L2W-2026-00043" not in response.content.decode()
    assert "olena@example.org" not in response.content.decode()


def test_the_json_download_holds_my_case_its_traineeships_and_jobs(signed_in, amina, coaching):
    from forms.models import Application
    from programmes.models import PartnerPage, TraineeshipType
    from tests.workflows.case_factories import make_case
    from workflows.models import Placement, Traineeship

    case = make_case(coaching)
    Application.objects.filter(pk=case.application_id).update(applicant=amina)
    employer = PartnerPage.objects.filter(locale__language_code="nl").first()
    Traineeship.objects.create(
        case=case,
        traineeship_type=TraineeshipType.objects.first(),
        employer=employer,
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 4, 30),
        completed=True,
    )
    Placement.objects.create(
        case=case,
        employer=employer,
        job_title="Data-analist",
        contract_type="permanent",
        starts_on=datetime.date(2026, 5, 1),
        at_level=True,
    )

    [exported] = json.loads(signed_in.get(reverse("portal:data_export")).content)["applications"]

    assert exported["timeline"][0]["what"] == "Aanmelding ingediend"
    assert exported["traineeships"][0]["employer"] == employer.title
    assert exported["traineeships"][0]["completed"] is True
    assert exported["jobs"] == [
        {
            "employer": employer.title,
            "job_title": "Data-analist",
            "contract_type": "permanent",
            "starts_on": "2026-05-01",
            "ended_on": None,
            "at_their_level": True,
        }
    ]


def test_the_json_download_leaves_out_where_draft_files_are_stored(signed_in, amina):
    make_draft(
        amina,
        wizard_state={
            "step_data": {},
            "step_files": {
                "documents": {
                    "documents-cv": {
                        "name": "cv.pdf",
                        "tmp_name": "drafts/abc/geheim.pdf",
                        "size": 10,
                    }
                }
            },
        },
    )

    data = json.loads(signed_in.get(reverse("portal:data_export")).content)

    assert data["drafts"][0]["files"] == {
        "documents": {"documents-cv": {"name": "cv.pdf", "size": 10}}
    }


def test_asking_to_delete_my_data_explains_first(signed_in):
    response = signed_in.get(reverse("portal:erasure_request"))

    assert response.status_code == 200
    assert "Vraag om mijn gegevens te verwijderen" in response.content.decode()
    assert not DataErasureRequest.objects.exists()


def test_asking_to_delete_my_data_records_it_and_sends_a_receipt(signed_in, amina, capture):
    with capture():
        response = signed_in.post(reverse("portal:erasure_request"), follow=True)

    assert response.redirect_chain == [(reverse("portal:erasure_requested"), 302)]
    assert "We hebben je vraag ontvangen" in response.content.decode()
    request = DataErasureRequest.objects.get()
    assert request.user == amina
    assert request.handled_at is None
    assert request.confirmation_sent_at is not None
    [message] = mail.outbox
    assert message.to == ["amina@example.org"]
    assert "verwijderen" in message.subject
    requested_on = date_format(timezone.localtime(request.requested_at), "DATE_FORMAT")
    assert requested_on in message.body


def test_asking_twice_makes_one_request_and_one_email(signed_in, capture):
    with capture():
        signed_in.post(reverse("portal:erasure_request"))
        signed_in.post(reverse("portal:erasure_request"))

    assert DataErasureRequest.objects.count() == 1
    assert len(mail.outbox) == 1
    page = signed_in.get(PORTAL).content.decode()
    assert "om je gegevens te verwijderen. We zijn ermee bezig." in page


def test_the_erasure_receipt_is_sent_once(amina):
    request = DataErasureRequest.objects.create(user=amina)

    assert deliver_erasure_receipt(request.pk) == "sent"
    assert deliver_erasure_receipt(request.pk) == "already sent"
    assert len(mail.outbox) == 1


def test_the_erasure_receipt_is_in_my_language(amina):
    amina.preferred_language = "fr"
    amina.save()
    request = DataErasureRequest.objects.create(user=amina)

    deliver_erasure_receipt(request.pk)

    assert mail.outbox[0].extra_headers["Content-Language"] == "fr"


def test_staff_see_erasure_requests_in_the_admin(client, amina):
    DataErasureRequest.objects.create(user=amina)
    client.force_login(User.objects.get(email="admin@opstap.test"))

    response = client.get(reverse("data_erasure_requests:index"))

    assert response.status_code == 200
    assert "amina@example.org" in response.content.decode() or "Amina Haddad" in (
        response.content.decode()
    )
    assert client.get(reverse("data_erasure_requests:add")).status_code in (302, 403)


# --- Right to left ---------------------------------------------------------------------


def test_portal_pages_render_in_arabic_right_to_left(client, amina):
    application = make_application(amina, reference="L2W-2026-00042")
    draft = make_draft(amina, programme=dutch_programmes()[1])
    client.force_login(amina)

    paths = [
        "/ar/my/",
        f"/ar/my/aanmeldingen/{application.reference}/",
        f"/ar/my/aanmeldingen-in-opmaak/{draft.public_id}/verwijderen/",
        "/ar/my/gegevens/verwijderen/",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        assert '<html lang="ar" dir="rtl"' in page, path
        assert page.count("<h1") == 1, path
        assert "css/portal.css" in page


def test_portal_pages_are_not_indexed_or_cached(signed_in):
    response = signed_in.get(PORTAL)

    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_the_programme_of_a_draft_is_listed_for_it(signed_in, amina):
    make_draft(amina)

    page = signed_in.get(PORTAL).content.decode()

    assert dutch_programme().title in page
