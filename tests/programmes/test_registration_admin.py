"""The admin's registrations screen: attendees per session, the waiting list, check-in
at the door with an audit trail, exports, and the link from a session's page."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from programmes.models import Registration
from tests.programmes.cafe_factories import (
    CafeSessionPageFactory,
    RegistrationFactory,
    translate,
)

User = get_user_model()
Status = Registration.Status
INDEX = "registrations:index"


def permissions(*codenames):
    return [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in (name.split(".") for name in codenames)
    ]


@pytest.fixture
def admin_user(db):
    return User.objects.get(email="admin@opstap.test")


@pytest.fixture
def editor(db):
    """The demo's editor: edits pages, has no rights on registrations."""
    return User.objects.get(email="editor@opstap.test")


@pytest.fixture
def door_staff(db):
    user = User.objects.create_user("deur@opstap.test", "a-long-passphrase-42", is_staff=True)
    user.user_permissions.add(
        *permissions(
            "wagtailadmin.access_admin",
            "programmes.view_registration",
            "programmes.change_registration",
        )
    )
    return user


@pytest.fixture
def viewer(db):
    user = User.objects.create_user("kijker@opstap.test", "a-long-passphrase-42", is_staff=True)
    user.user_permissions.add(
        *permissions("wagtailadmin.access_admin", "programmes.view_registration")
    )
    return user


@pytest.fixture
def session(db):
    return CafeSessionPageFactory(title="Netwerken in Leuven", capacity=2)


@pytest.fixture
def attendees(session):
    return [
        RegistrationFactory(session=session, name="Amina Haddad", email="amina@example.org"),
        RegistrationFactory(session=session, name="Olena Kovalenko", email="olena@example.org"),
        RegistrationFactory(
            session=session,
            name="Tesfaye Bekele",
            email="tesfaye@example.org",
            status=Status.WAITLISTED,
        ),
    ]


def check_in_url(registration):
    return reverse("registrations:check_in", args=[registration.pk])


def test_staff_see_the_attendees_of_one_session(client, door_staff, session, attendees):
    RegistrationFactory(name="Iemand Anders")
    client.force_login(door_staff)

    response = client.get(reverse(INDEX), {"session": session.pk})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Amina Haddad" in html and "Tesfaye Bekele" in html
    assert "Iemand Anders" not in html


def test_the_waiting_list_is_the_waitlisted_status(client, door_staff, attendees):
    client.force_login(door_staff)

    html = client.get(reverse(INDEX), {"status": "waitlisted"}).content.decode()

    assert "Tesfaye Bekele" in html
    assert "Amina Haddad" not in html


def test_staff_search_registrations_by_email(client, door_staff, attendees):
    client.force_login(door_staff)

    html = client.get(reverse(INDEX), {"q": "olena@"}).content.decode()

    assert "Olena Kovalenko" in html
    assert "Amina Haddad" not in html


def test_staff_check_someone_in_and_it_is_logged(client, door_staff, attendees):
    amina = attendees[0]
    client.force_login(door_staff)

    response = client.post(check_in_url(amina), {"next": reverse(INDEX)})

    amina.refresh_from_db()
    assert response.status_code == 302
    assert amina.checked_in_at is not None
    entry = ModelLogEntry.objects.get(
        action="programmes.registration.check_in", object_id=str(amina.pk)
    )
    assert entry.user == door_staff
    history = client.get(reverse("registrations:history", args=[amina.pk])).content.decode()
    assert "Aanwezig gemeld" in history


def test_checking_in_twice_keeps_the_first_time_and_logs_once(client, door_staff, attendees):
    amina = attendees[0]
    client.force_login(door_staff)
    client.post(check_in_url(amina))
    amina.refresh_from_db()
    first_time = amina.checked_in_at

    client.post(check_in_url(amina))

    amina.refresh_from_db()
    assert amina.checked_in_at == first_time
    assert (
        ModelLogEntry.objects.filter(
            action="programmes.registration.check_in", object_id=str(amina.pk)
        ).count()
        == 1
    )


def test_staff_undo_a_check_in_made_by_mistake(client, door_staff, attendees):
    amina = attendees[0]
    client.force_login(door_staff)
    client.post(check_in_url(amina))

    client.post(check_in_url(amina), {"undo": "1"})

    amina.refresh_from_db()
    assert amina.checked_in_at is None
    assert ModelLogEntry.objects.filter(
        action="programmes.registration.undo_check_in", object_id=str(amina.pk)
    ).exists()


def test_a_cancelled_registration_cannot_be_checked_in(client, door_staff, session):
    gone = RegistrationFactory(session=session, status=Status.CANCELLED)
    client.force_login(door_staff)

    client.post(check_in_url(gone))

    gone.refresh_from_db()
    assert gone.checked_in_at is None


def test_an_editor_without_permission_gets_403_when_checking_in(client, editor, attendees):
    client.force_login(editor)

    response = client.post(check_in_url(attendees[0]))

    assert response.status_code == 403
    assert "Je mag niemand aanwezig melden" in response.content.decode()
    attendees[0].refresh_from_db()
    assert attendees[0].checked_in_at is None


def test_someone_who_may_only_view_cannot_check_in(client, viewer, attendees):
    client.force_login(viewer)

    assert client.get(reverse(INDEX)).status_code == 200
    assert client.post(check_in_url(attendees[0])).status_code == 403


def test_check_in_needs_a_post(client, door_staff, attendees):
    client.force_login(door_staff)

    response = client.get(check_in_url(attendees[0]))

    assert response.status_code == 405
    attendees[0].refresh_from_db()
    assert attendees[0].checked_in_at is None


def test_the_list_offers_check_in_buttons_only_to_those_who_may(
    client, door_staff, viewer, attendees
):
    client.force_login(door_staff)
    staff_html = client.get(reverse(INDEX)).content.decode()
    client.force_login(viewer)
    viewer_html = client.get(reverse(INDEX)).content.decode()

    assert check_in_url(attendees[0]) in staff_html
    assert check_in_url(attendees[0]) not in viewer_html


def test_the_csv_export_contains_the_attendees(client, door_staff, session, attendees):
    attendees[0].access_needs = "Rolstoel"
    attendees[0].save()
    client.force_login(door_staff)

    response = client.get(reverse(INDEX), {"session": session.pk, "export": "csv"})

    assert response.status_code == 200
    assert 'filename="inschrijvingen.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["E-mailadres"] for row in rows] == [
        "amina@example.org",
        "olena@example.org",
        "tesfaye@example.org",
    ]
    assert rows[0]["Status"] == "bevestigd"
    assert rows[2]["Status"] == "op de wachtlijst"
    assert rows[0]["Toegankelijkheid"] == "Rolstoel"
    assert rows[0]["Sessie"].startswith("Netwerken in Leuven")


def test_the_xlsx_export_is_a_spreadsheet_of_the_attendees(client, door_staff, attendees):
    client.force_login(door_staff)

    response = client.get(reverse(INDEX), {"export": "xlsx"})

    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell for row in workbook.active.iter_rows(values_only=True) for cell in row]
    assert "Naam" in values
    assert "Amina Haddad" in values


def test_a_session_page_in_the_admin_links_to_its_registrations(client, admin_user, session):
    english = translate(session, "en")
    client.force_login(admin_user)
    expected = f"{reverse(INDEX)}?session={session.pk}"

    for page in (session, english):
        html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert expected in html


def test_the_session_link_is_hidden_from_editors_without_access(client, editor, session):
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[session.pk])).content.decode()

    assert f"{reverse(INDEX)}?session=" not in html


def test_registrations_are_not_added_in_the_admin(client, admin_user):
    client.force_login(admin_user)

    index = client.get(reverse(INDEX)).content.decode()
    response = client.get(reverse("registrations:add"))

    assert reverse("registrations:add") not in index
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response.url == reverse("wagtailadmin_home")


def test_deleting_a_confirmed_registration_gives_its_place_to_the_waiting_list(
    client, admin_user, attendees
):
    client.force_login(admin_user)

    client.post(reverse("registrations:delete", args=[attendees[0].pk]))

    attendees[2].refresh_from_db()
    assert not Registration.objects.filter(pk=attendees[0].pk).exists()
    assert attendees[2].status == Status.CONFIRMED


def test_the_inspect_view_shows_the_access_needs(client, door_staff, session):
    registration = RegistrationFactory(session=session, access_needs="Een tolk Arabisch")
    client.force_login(door_staff)

    html = client.get(reverse("registrations:inspect", args=[registration.pk])).content.decode()

    assert "Een tolk Arabisch" in html
