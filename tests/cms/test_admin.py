"""The Wagtail admin as staff use it: users, the contact desk setting, translation."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Site

User = get_user_model()


@pytest.fixture
def admin_user(db):
    return User.objects.get(email="admin@opstap.test")


@pytest.fixture
def moderator(db):
    return User.objects.get(email="moderator@opstap.test")


@pytest.fixture
def editor(db):
    return User.objects.get(email="editor@opstap.test")


def test_staff_sign_in_with_their_email_address(client, db):
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "editor@opstap.test", "password": "opstap-demo"},
    )
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_administrator_creates_a_user_with_a_preferred_language(client, admin_user):
    client.force_login(admin_user)
    form = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="preferred_language"' in form

    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "olena@example.org",
            "first_name": "Olena",
            "last_name": "Kovalenko",
            "preferred_language": "uk",
            "password1": "a-long-passphrase-42",
            "password2": "a-long-passphrase-42",
        },
    )

    assert response.status_code == 302
    assert User.objects.get(email="olena@example.org").preferred_language == "uk"


def test_moderator_edits_the_contact_desk_setting(client, moderator):
    site = Site.objects.get(is_default_site=True)
    client.force_login(moderator)

    response = client.get(
        reverse("wagtailsettings:edit", args=["cms", "contactdesksettings", site.pk])
    )

    assert response.status_code == 200
    assert "Professor Van Overstraetenplein 1" in response.content.decode()


def test_editor_may_not_edit_the_contact_desk_setting(client, editor):
    site = Site.objects.get(is_default_site=True)
    client.force_login(editor)

    response = client.get(
        reverse("wagtailsettings:edit", args=["cms", "contactdesksettings", site.pk])
    )

    assert response.status_code in (302, 403)


def test_editor_opens_the_translation_editor_of_a_translated_page(client, editor, demo):
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[demo["een-loket"]["fr"].pk]))

    assert response.status_code == 200
    assert "Guichet unique" in response.content.decode()


def test_search_uses_postgresql_full_text_search_on_postgresql(db):
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    backend = type(get_search_backend()).__name__
    if connection.vendor == "postgresql":
        assert backend == "PostgresSearchBackend"
    else:
        assert backend in {"SQLiteSearchBackend", "FallbackSearchBackend"}
