"""Drafts: an application in progress, the source of truth for the wizard's answers."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_resume_secret():
    return secrets.token_urlsafe(24)


class ApplicationDraft(models.Model):
    """One person's unfinished application to one programme.

    `wizard_state` holds what django-formtools would keep in the session (the current
    step, each step's posted answers and uploaded files), so that a draft survives a
    closed browser and opens on another device from the emailed link.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        on_delete=models.CASCADE,
        related_name="application_drafts",
        verbose_name=_("programma"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="application_drafts",
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    language = models.CharField(_("taal"), max_length=10)
    wizard_state = models.JSONField(default=dict, blank=True)
    # Part of the resume link; a new secret makes every earlier link stop working.
    resume_secret = models.CharField(max_length=64, default=new_resume_secret, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding in opmaak")
        verbose_name_plural = _("aanmeldingen in opmaak")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme"],
                condition=models.Q(user__isnull=False, submitted_at__isnull=True),
                name="one_open_draft_per_user_and_programme",
            )
        ]

    def __str__(self):
        return f"{self.programme} ({self.public_id})"

    @property
    def wizard_prefix(self):
        """The wizard's prefix: each draft its own, so drafts never share answers."""
        return f"draft-{self.public_id.hex}"

    @property
    def is_submitted(self):
        return self.submitted_at is not None

    def stored_files(self):
        """The names of the uploaded files this draft keeps in private storage."""
        state = self.wizard_state or {}
        return [
            meta["tmp_name"]
            for step_files in state.get("step_files", {}).values()
            for meta in step_files.values()
            if meta.get("tmp_name")
        ]
