"""Load the demo site (idempotent): `manage.py seed_demo`."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.demo.seed import DEMO_PASSWORD, DemoContentError, seed


class Command(BaseCommand):
    help = "Load the demo site, its translations, groups, moderation workflow and logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="Where the site will be served; printed, and used for the default Site.",
        )
        parser.add_argument(
            "--no-logins",
            action="store_true",
            help="Do not create the demo logins (they share a published password).",
        )

    def handle(self, *args, site_url, no_logins, **options):
        parts = urlsplit(site_url)
        in_production = settings.SETTINGS_MODULE.endswith(".production")
        if in_production and not no_logins:
            raise CommandError(
                "Refusing to create demo logins with a published password on a production "
                "site. Run with --no-logins."
            )
        try:
            result = seed(
                site_hostname=parts.hostname or "localhost",
                site_port=parts.port or (443 if parts.scheme == "https" else 80),
                create_logins=not no_logins,
            )
        except DemoContentError as error:
            raise CommandError(str(error)) from error

        base = site_url.rstrip("/")
        self.stdout.write(self.style.SUCCESS("The demo site is ready."))
        self.stdout.write(f"  Site:  {base}/")
        self.stdout.write(f"  Admin: {base}/admin/")
        for user, role in result["users"]:
            if user.has_usable_password():
                self.stdout.write(f"  Login: {user.email} / {DEMO_PASSWORD}  ({role})")
            else:  # referrers and employers: the link is in the console's email
                self.stdout.write(
                    f"  Login: {user.email}, by link at {base}/nl/my/inloggen/  ({role})"
                )
