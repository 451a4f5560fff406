"""Staff sign-in is protected against guessing: after five wrong passwords for one
address from one place, that pair is locked for a while, with a page that says so."""

import pytest
from django.conf import settings
from django.urls import reverse


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "redacteur@example.org", "een-lang-wachtwoord", is_staff=True, is_superuser=True
    )


def sign_in(client, password, address="redacteur@example.org", ip="198.51.100.7"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": address, "password": password},
        REMOTE_ADDR=ip,
    )


def test_repeated_wrong_passwords_lock_the_address_from_that_place(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "fout").status_code == 200  # the form again, with an error

    locked = sign_in(client, "fout")

    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Aanmelden even geblokkeerd" in html
    assert "de komende 15 minuten" in html
    # Even the right password waits now.
    assert sign_in(client, "een-lang-wachtwoord").status_code == 429
    # Someone else, elsewhere, is not locked out by it.
    assert sign_in(client, "een-lang-wachtwoord", ip="203.0.113.9").status_code == 302


def test_a_right_password_before_the_limit_starts_counting_again(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "fout")
    assert sign_in(client, "een-lang-wachtwoord").status_code == 302
    client.logout()

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "fout").status_code == 200
