"""Erase what we know about referred candidates who did not confirm in time.

Run it daily (cron or a systemd timer). `--dry-run` lists the referrals it would erase
and changes nothing; `--days` overrides OPSTAP_REFERRAL_CONFIRM_DAYS.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from forms.referrals import purge_unconfirmed


class Command(BaseCommand):
    help = "Erase unconfirmed referrals older than the confirmation period (a stub stays)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)
        parser.add_argument("--dry-run", action="store_true", help="list, change nothing")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.OPSTAP_REFERRAL_CONFIRM_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1: a candidate needs time to confirm.")
        referrals = purge_unconfirmed(days=days, dry_run=dry_run)
        for referral in referrals:
            # The referral's id and programme only: never the candidate in a log.
            self.stdout.write(
                f"{referral.public_id}\t{referral.programme.title}\t"
                f"referred {referral.created_at:%Y-%m-%d}"
            )
        verb = "Would erase" if dry_run else "Erased"
        self.stdout.write(f"{verb} {len(referrals)} referral(s) not confirmed within {days} days.")
