"""Run inside the benchmark's production settings (`python -m tests.bench.rush_probe`):
adds a fresh café session with 30 places under the first Dutch series, and prints its
path as JSON; with `count <page id>` prints how its registrations ended."""

import datetime
import json
import sys

import django

CAPACITY = 30


def new_session():
    from django.utils import timezone

    from programmes.models import CafeSeriesPage, CafeSessionPage

    series = CafeSeriesPage.objects.live().filter(locale__language_code="nl").first()
    starts = timezone.now() + datetime.timedelta(days=30)
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    session = series.add_child(
        instance=CafeSessionPage(
            title=f"Drukte {stamp}",
            slug=f"drukte-{stamp}",
            topic="Drukte",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            format="in_person",
            venue_name="International House Leuven",
            venue_address="Voorbeeldstraat 1, 3000 Leuven",
            capacity=CAPACITY,
            session_language="nl",
        )
    )
    session.save_revision().publish()
    return {"id": session.pk, "path": session.url, "capacity": CAPACITY}


def outcome(page_id):
    from django.db.models import Count

    from programmes.models import Registration

    rows = (
        Registration.objects.filter(session_id=page_id)
        .values("status")
        .annotate(number=Count("pk"))
        .order_by()
    )
    return {row["status"]: row["number"] for row in rows}


def main():
    django.setup()
    if sys.argv[1:2] == ["count"]:
        json.dump(outcome(int(sys.argv[2])), sys.stdout)
    else:
        json.dump(new_session(), sys.stdout)


if __name__ == "__main__":
    main()
