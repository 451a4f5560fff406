"""People sign in with their email address and keep a preferred language."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

User = get_user_model()


def test_email_is_the_login_and_is_stored_in_lower_case(db, client):
    user = User.objects.create_user(
        "Amal.Haddad@Example.org", "a-long-passphrase", is_staff=True, is_superuser=True
    )

    assert user.email == "amal.haddad@example.org"
    # Through the sign-in form, as a person does (the lockout guard needs the request).
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "amal.haddad@example.org", "password": "a-long-passphrase"},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_an_email_address_is_required(db):
    with pytest.raises(ValueError, match="email address is required"):
        User.objects.create_user("", "a-long-passphrase")


def test_two_people_cannot_share_an_email_address(db):
    from django.db import IntegrityError

    User.objects.create_user("olena@example.org")
    with pytest.raises(IntegrityError):
        User.objects.create_user("olena@example.org")


def test_preferred_language_defaults_to_dutch_and_offers_the_site_languages(db, settings):
    user = User.objects.create_user("jan@example.org")
    field = User._meta.get_field("preferred_language")

    assert user.preferred_language == "nl"
    assert [code for code, _name in field.choices] == [code for code, _ in settings.LANGUAGES]
