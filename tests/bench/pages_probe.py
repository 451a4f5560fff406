"""Run inside the benchmark's production settings (`python -m tests.bench.pages_probe`):
picks the pages to measure, signs in an administrator, and counts each page's queries
with Django's test client, since gunicorn cannot report them. Prints JSON."""

import json
import os
import sys

import django

LATENCY_CONNECTIONS = 2  # one per gunicorn worker


def main():
    django.setup()

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from programmes.models import (
        CafeSeriesPage,
        CafeSessionPage,
        PartnerIndexPage,
        ProgrammePage,
        VacancyIndexPage,
    )
    from workflows.bench_data import PREFIX

    host = os.environ.get("OPSTAP_BENCH_HOST", "127.0.0.1")

    def path(page):
        return page.get_url_parts()[2]

    def dutch(model, **filters):
        return model.objects.live().filter(locale__language_code="nl", **filters).order_by("pk")

    session = dutch(CafeSessionPage, slug__startswith=f"{PREFIX}-").last()
    pages = [
        ("Home", "/nl/", False),
        (
            "Programme page",
            path(dutch(ProgrammePage, slug__startswith=f"{PREFIX}-").first()),
            False,
        ),
        ("Café sessions list", path(dutch(CafeSeriesPage).first()), False),
        ("Session page", path(session), False),
        ("Partner index", path(dutch(PartnerIndexPage).first()), False),
        ("Vacancy list", path(dutch(VacancyIndexPage).first()), False),
        ("Search", "/nl/search/?q=Benchsessie", False),
        # The page a code leads to is rate-limited per address (a load test would
        # measure the refusal), so the load goes to the page where a code is typed.
        ("Verify page", "/nl/certificaat/", False),
        ("Admin cases listing", "/admin/dossiers/", True),
        ("Worklist", "/admin/dossiers/?waiting=true", True),
    ]
    # The staff pages' targets are latencies (p50): measured with one connection per
    # gunicorn worker, so that p50 is the time to serve, not the time queued behind others.
    latency_rows = {"Admin cases listing", "Worklist"}

    User = get_user_model()
    admin = User.objects.filter(email="bench-admin@example.invalid").first()
    if admin is None:
        admin = User.objects.create_superuser("bench-admin@example.invalid", None)
    anonymous = Client(HTTP_HOST=host)
    signed_in = Client(HTTP_HOST=host)
    signed_in.force_login(admin)
    results = []
    for name, url, needs_login in pages:
        client = signed_in if needs_login else anonymous
        client.get(url)  # warm: the first request fills caches the others reuse
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        results.append(
            {
                "name": name,
                "url": url,
                "signed_in": needs_login,
                "status": response.status_code,
                "queries": len(queries.captured_queries),
                "connections": LATENCY_CONNECTIONS if name in latency_rows else None,
            }
        )
    results.append(wizard_step(host))
    cookie = (
        f"{settings.SESSION_COOKIE_NAME}={signed_in.cookies[settings.SESSION_COOKIE_NAME].value}"
    )
    json.dump({"pages": results, "cookie": cookie}, sys.stdout)


def wizard_step(host):
    """A draft opened as a browser opens one (CSRF enforced), and the body of the first
    step's POST, which wrk then repeats: each one validates and saves the step, and
    answers with the next step's form."""
    from urllib.parse import urlencode

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from forms.models import ApplicationDraft
    from programmes.models import ProgrammePage
    from workflows.bench_data import PREFIX

    programme = (
        ProgrammePage.objects.live()
        .filter(locale__language_code="nl", slug__startswith=f"{PREFIX}-")
        .order_by("pk")
        .first()
    )
    start_url = f"/nl/aanmelden/{programme.pk}/"
    url = f"{start_url}formulier/"
    client = Client(HTTP_HOST=host, enforce_csrf_checks=True)
    client.get(start_url)
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    client.post(start_url, {"csrfmiddlewaretoken": token})
    draft = ApplicationDraft.objects.filter(programme=programme).latest("created_at")
    answers = {
        "first_name": "Amina",
        "last_name": "Haddad",
        "email": "amina@example.org",
        "phone": "+32 470 12 34 56",
        "date_of_birth_0": "14",
        "date_of_birth_1": "7",
        "date_of_birth_2": "1990",
        "gender": "woman",
        "preferred_language": "nl",
    }
    data = {
        "csrfmiddlewaretoken": token,
        f"{draft.wizard_prefix}-current_step": "about",
        **{f"about-{name}": value for name, value in answers.items()},
    }
    body = urlencode(data)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, body, content_type="application/x-www-form-urlencoded")
    cookies = "; ".join(
        f"{name}={client.cookies[name].value}"
        for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
    )
    return {
        "name": "Wizard step POST",
        "url": url,
        "signed_in": False,
        "status": response.status_code,
        "queries": len(queries.captured_queries),
        "method": "POST",
        "connections": LATENCY_CONNECTIONS,
        "body": body,
        "cookie": cookies,
    }


if __name__ == "__main__":
    main()
