"""Mail servers that misbehave, for the tests of emails that must not get lost."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class RefusingBackend(BaseEmailBackend):
    """The mail server answers, and refuses."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPConnectError(421, b"4.3.2 Service not available, try again later")


class SilentBackend(BaseEmailBackend):
    """The mail server does not answer at all."""

    def send_messages(self, email_messages):
        raise TimeoutError("timed out")
