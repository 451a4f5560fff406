"""Renews the site-wide pieces of the public pages kept in the cache (cms.site_cache)."""

from django.core.management.base import BaseCommand

from cms import site_cache


class Command(BaseCommand):
    help = (
        "Renew the cached menu, language links, page routes and site settings of the "
        "public pages. Publishing does this by itself; run it after changing pages "
        "without Wagtail's signals (a bulk import, a restored database)."
    )

    def handle(self, *args, **options):
        site_cache.invalidate()
        self.stdout.write("The public pages' site-wide cache is renewed.")
