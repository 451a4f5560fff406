"""Security headers: a Content Security Policy without inline code on the public site,
and pages that keep to it (no inline script or style that the policy would block)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from programmes.models import CafeSessionPage


def public_paths(demo):
    session = CafeSessionPage.objects.live().filter(locale__language_code="nl").first()
    with translation.override("nl"):
        return [
            "/nl/",
            "/ar/",
            demo["level2work"]["nl"].url,
            session.url,
            reverse("forms:apply", kwargs={"programme_id": demo["level2work"]["nl"].pk}),
            reverse("portal:sign_in"),
            reverse("certificates:verify_start"),
            reverse("search") + "?q=werk",
        ]


def policy(response):
    header = response.headers.get("Content-Security-Policy", "")
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
def test_public_pages_carry_a_policy_without_inline_code(client, demo):
    for path in public_paths(demo):
        response = client.get(path)
        assert response.status_code == 200, path
        directives = policy(response)
        assert directives["script-src"] == ["'self'"], path
        assert directives["style-src"] == ["'self'"], path
        assert directives["frame-ancestors"] == ["'none'"], path
        assert directives["object-src"] == ["'none'"], path
        assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_public_pages_have_no_inline_script_or_style_the_policy_would_block(client, demo):
    for path in public_paths(demo):
        html = client.get(path).content.decode()
        inline_scripts = [tag for tag in re.findall(r"<script\b[^>]*>", html) if "src=" not in tag]
        assert inline_scripts == [], path
        assert "<style" not in html, path
        assert re.search(r"\sstyle=\"", html) is None, path
        assert re.search(r"\son[a-z]+=\"", html) is None, path  # onclick= and the like


@pytest.mark.django_db
def test_the_admin_keeps_wagtails_own_rules(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("a@example.org", "x"))

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"
