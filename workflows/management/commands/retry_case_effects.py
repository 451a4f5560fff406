"""Queue again the case effects (emails) that did not complete, for instance while the
mail server was down. Safe to run often (cron): an effect that ran is never repeated."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from workflows.effects import pending_effects
from workflows.models import CaseEvent
from workflows.tasks import run_effects


class Command(BaseCommand):
    help = "Queue the effects of recent case events that have not run yet."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="How far back to look.")
        parser.add_argument(
            "--minutes", type=int, default=5, help="Leave events younger than this to the worker."
        )

    def handle(self, *args, days, minutes, **options):
        now = timezone.now()
        events = (
            CaseEvent.objects.filter(
                at__gte=now - datetime.timedelta(days=days),
                at__lte=now - datetime.timedelta(minutes=minutes),
            )
            .exclude(transition="")
            .select_related("case__workflow_version")
        )
        queued = 0
        for event in events.iterator():
            if pending_effects(event):
                run_effects.enqueue(event.pk)
                queued += 1
        self.stdout.write(f"Queued the effects of {queued} event(s).")
