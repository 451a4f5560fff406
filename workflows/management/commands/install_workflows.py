"""Install the reviewer groups and the default case workflows on a new site (idempotent)."""

from django.core.management.base import BaseCommand

from workflows.installation import install_default_workflows


class Command(BaseCommand):
    help = "Create the reviewer groups and the default workflows that do not exist yet."

    def handle(self, *args, **options):
        workflows = install_default_workflows()
        for slug, workflow in workflows.items():
            self.stdout.write(f"{slug}: {workflow.name}")
