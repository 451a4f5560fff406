"""Emails survive a mail server that refuses or does not answer.

Every task that sends email is declared with `@mail_task` instead of django-tasks'
`@task`. When sending fails with a mail error, the task is not lost: it is written down
(`UndeliveredMail`) and queued again by the task backend after a growing pause (1, 2, 4,
8, 16 minutes...). After OPSTAP_MAIL_ATTEMPTS tries it stops and waits for staff, who
see it in the admin (a dashboard warning and the list "Niet verstuurde e-mails") and can
try again once the mail server is back. When a retry gets through, the row is closed.

Where the task backend cannot defer (the immediate backend in tests), or a worker was
down, `manage.py retry_undelivered_mail` (cron, every few minutes) queues what is due.
The mail tasks themselves are safe to run twice, so a retry never sends something twice
that went out the first time.
"""

import datetime
import functools
import json
import logging
import smtplib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from cms.models import UndeliveredMail

logger = logging.getLogger(__name__)

# Refused, dropped, timed out, unknown host: all OSError or smtplib's own errors.
MAIL_ERRORS = (smtplib.SMTPException, OSError)
LONGEST_PAUSE_MINUTES = 60


def max_attempts() -> int:
    return settings.OPSTAP_MAIL_ATTEMPTS


def pause_after(attempts: int) -> datetime.timedelta:
    return datetime.timedelta(minutes=min(2 ** (attempts - 1), LONGEST_PAUSE_MINUTES))


def _key(task_path, arguments) -> str:
    return f"{task_path}:{json.dumps(arguments, sort_keys=True, default=str)}"[:255]


# What each mail task sends, for the staff's list: task path → label.
LABELS = {}


def mail_task(function=None, *, label="", **task_options):
    """`@task`, for a function that sends email; its arguments must be JSON values.
    `label` says what it sends, for staff ("Bevestiging van een aanmelding")."""

    def decorate(function):
        task_path = f"{function.__module__}.{function.__qualname__}"
        LABELS[task_path] = label

        @functools.wraps(function)
        def run(*args):
            try:
                result = function(*args)
            except MAIL_ERRORS as error:
                record_failure(task_path, list(args), error)
                return "mail failed"
            record_delivery(task_path, list(args))
            return result

        return task(**task_options)(run)

    return decorate(function) if function is not None else decorate


def record_failure(task_path, arguments, error, now=None):
    now = now or timezone.now()
    key = _key(task_path, arguments)
    message = f"{type(error).__name__}: {error}"[:2000]
    with transaction.atomic():
        row = UndeliveredMail.objects.select_for_update().filter(key=key, delivered_at=None)
        row = row.first()
        if row is None:
            try:
                with transaction.atomic():
                    row = UndeliveredMail.objects.create(
                        task_path=task_path,
                        arguments=arguments,
                        key=key,
                        first_failed_at=now,
                        last_failed_at=now,
                    )
            except IntegrityError:  # the same email failing in a parallel worker
                row = UndeliveredMail.objects.select_for_update().get(key=key, delivered_at=None)
        row.attempts = F("attempts") + 1
        row.last_error = message
        row.last_failed_at = now
        row.save(update_fields=["attempts", "last_error", "last_failed_at"])
        row.refresh_from_db(fields=["attempts"])
        if row.attempts < max_attempts():
            row.next_attempt_at = now + pause_after(row.attempts)
        else:
            row.next_attempt_at = None  # staff decide now
        row.save(update_fields=["next_attempt_at"])
    logger.warning(
        "Email task %s%s failed (attempt %s): %s", task_path, arguments, row.attempts, message
    )
    if row.next_attempt_at is not None:
        transaction.on_commit(lambda: _queue_later(row), robust=True)
    return row


def _queue_later(row):
    mail_task = import_string(row.task_path)
    if mail_task.get_backend().supports_defer:
        mail_task.using(run_after=row.next_attempt_at).enqueue(*row.arguments)
    # Otherwise `retry_undelivered_mail` queues it when it is due.


def record_delivery(task_path, arguments, now=None):
    UndeliveredMail.objects.filter(key=_key(task_path, arguments), delivered_at=None).update(
        delivered_at=now or timezone.now(), next_attempt_at=None
    )


def retry(row):
    """Queue the email's task again now (staff, or the retry command)."""
    import_string(row.task_path).enqueue(*row.arguments)


def label_of(row):
    return LABELS.get(row.task_path) or row.task_path


def due_for_retry(now=None):
    """Retries that are due and that the task backend will not run by itself."""
    due = UndeliveredMail.objects.filter(
        delivered_at=None, next_attempt_at__lte=now or timezone.now()
    )
    return [row for row in due if not import_string(row.task_path).get_backend().supports_defer]


def forget_delivered(days=30, now=None):
    """Rows of emails that went out after all are kept a month, for the record."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return UndeliveredMail.objects.filter(delivered_at__lt=cutoff).delete()[0]


def given_up():
    """Emails that kept failing: they wait for staff."""
    return UndeliveredMail.objects.filter(delivered_at=None, next_attempt_at=None)
