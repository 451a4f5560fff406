"""Run inside the benchmark's production settings (`python -m tests.bench.pages_probe`):
picks the pages to measure, signs in an administrator, and counts each page's queries
with Django's test client, since gunicorn cannot report them. Prints JSON."""

import json
import os
import sys

import django


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
            }
        )
    cookie = (
        f"{settings.SESSION_COOKIE_NAME}={signed_in.cookies[settings.SESSION_COOKIE_NAME].value}"
    )
    json.dump({"pages": results, "cookie": cookie}, sys.stdout)


if __name__ == "__main__":
    main()
