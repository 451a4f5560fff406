"""Queue the reminder emails for tomorrow's appointments at the contact desk.

Run it once a day (cron or a systemd timer), e.g. at 10:00; running it again the same
day sends nothing twice.
"""

from django.core.management.base import BaseCommand

from programmes.appointments import queue_due_reminders


class Command(BaseCommand):
    help = "Queue reminders for tomorrow's contact-desk appointments."

    def handle(self, *args, **options):
        count = queue_due_reminders()
        self.stdout.write(f"Queued {count} reminder(s).")
