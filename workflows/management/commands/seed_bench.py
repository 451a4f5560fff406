"""Fill the database with the benchmark's volumes (idempotent): `manage.py seed_bench`."""

import logging

from django.core.management.base import BaseCommand, CommandError

from workflows.bench_data import VOLUMES, seed_bench


class Command(BaseCommand):
    help = (
        "Add the benchmark dataset on top of the demo site: "
        + ", ".join(f"{count:,} {name}" for name, count in VOLUMES.items())
        + ". Running it again adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Multiply every volume, for example 0.01 for a quick try (default 1).",
        )

    def handle(self, *args, scale, **options):
        if not 0 < scale <= 10:
            raise CommandError("--scale must be more than 0 and at most 10.")
        # One log line per search-index task would bury the timings.
        logging.getLogger("django_tasks").setLevel(logging.WARNING)
        seed_bench(scale=scale, write=self.stdout.write)
