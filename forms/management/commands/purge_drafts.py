"""Delete application drafts nobody touched for the retention period, with their files.

Run it daily (cron or a systemd timer); `--days` overrides OPSTAP_DRAFT_RETENTION_DAYS.
"""

from django.core.management.base import BaseCommand

from forms.drafts import purge_abandoned_drafts


class Command(BaseCommand):
    help = "Delete abandoned application drafts and their uploaded files."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days=None, **options):
        count = purge_abandoned_drafts(days=days)
        self.stdout.write(f"Deleted {count} draft(s).")
