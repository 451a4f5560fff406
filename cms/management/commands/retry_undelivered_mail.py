"""Queue again the emails the mail server did not take, when their retry is due.

Needed where the task backend cannot run a task later by itself; harmless elsewhere.
Run it every few minutes (cron). It also forgets rows of emails that went out after all
more than 30 days ago.
"""

from django.core.management.base import BaseCommand

from cms import mail_delivery


class Command(BaseCommand):
    help = "Queue the emails whose retry is due; forget old delivered ones."

    def handle(self, *args, **options):
        due = mail_delivery.due_for_retry()
        for row in due:
            mail_delivery.retry(row)
        forgotten = mail_delivery.forget_delivered()
        waiting = mail_delivery.given_up().count()
        self.stdout.write(
            f"Queued {len(due)} email(s) again; {waiting} wait for staff; "
            f"forgot {forgotten} delivered."
        )
