"""Erase the personal data of cases closed longer ago than the retention period.

Run it daily (cron or a systemd timer). `--dry-run` lists the cases it would touch and
changes nothing; `--months` overrides OPSTAP_CASE_RETENTION_MONTHS.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from workflows.retention import apply_retention


class Command(BaseCommand):
    help = "Anonymise cases closed more than the retention period ago (the statistics stay)."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None)
        parser.add_argument("--dry-run", action="store_true", help="list, change nothing")

    def handle(self, *args, months=None, dry_run=False, **options):
        months = settings.OPSTAP_CASE_RETENTION_MONTHS if months is None else months
        if months < 1:
            raise CommandError("--months must be at least 1: closed cases are kept a while.")
        cases = apply_retention(months=months, dry_run=dry_run)
        for case in cases:
            self.stdout.write(
                f"{case.application.reference}\t{case.programme.title}\t"
                f"closed {case.closed_at:%Y-%m-%d}"
            )
        verb = "Would anonymise" if dry_run else "Anonymised"
        self.stdout.write(f"{verb} {len(cases)} case(s) closed more than {months} months ago.")
