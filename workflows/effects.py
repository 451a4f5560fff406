"""What transitions set off after commit, by key: the emails about a case.

`run_effects(event)` runs each effect of the event's transition once: the effects done
are recorded on the event, so a retry (after a mail server hiccup) repeats only what
failed. Issuing a certificate is idempotent too: one per holder and subject.
"""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from cms.languages import supported_language
from workflows import certificates
from workflows.certificate_documents import deliver_later
from workflows.portal_emails import absolute_url, email_message


def notify_applicant(event):
    """Tell the applicant, in their language, what changed and what happens next."""
    case = event.case
    application = case.application
    definition = case.definition
    transition = definition.transition(event.transition)
    state = definition.state(event.to_state)
    language = supported_language(application.preferred_language)
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        context = {
            "application": application,
            "programme": application.programme.localized,
            "what_happened": gettext(transition.applicant_name)
            if transition.applicant_name
            else "",
            "state_name": gettext(state.applicant_name) if state.applicant_name else "",
            "state_description": (
                gettext(state.applicant_description) if state.applicant_description else ""
            ),
            "message": event.data.get("message", ""),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "language_code": language,
            "portal_url": absolute_url(
                reverse("portal:application", kwargs={"reference": application.reference})
            ),
        }
        email_message("case_update", context, to=application.email, language=language).send()


def notify_assignee(event):
    """Tell the new mentor or coach which case is theirs now."""
    case = event.case
    assignee = case.assignee
    if assignee is None:
        return
    language = supported_language(assignee.preferred_language)
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        context = {
            "case": case,
            "application": case.application,
            "assignee": assignee,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "language_code": language,
            "case_url": absolute_url(reverse("cases:inspect", args=[case.pk])),
        }
        email_message("case_assigned", context, to=assignee.email, language=language).send()


logger = logging.getLogger(__name__)


def issue_certificate(event):
    """The programme completion certificate, when the case reached a success state."""
    try:
        certificate, created = certificates.issue_programme_certificate(
            event.case, issued_by=event.actor
        )
    except certificates.NotIssued as refusal:
        # A workflow that issues before its success state: nothing to retry.
        logger.warning("No certificate for case %s: %s", event.case.pk, refusal)
        return
    deliver_later([certificate] if created else [])


def issue_traineeship_certificate(event):
    """A certificate for each traineeship of the case recorded as completed."""
    deliver_later(certificates.issue_traineeship_certificates(event.case, issued_by=event.actor))


EFFECTS = {
    "notify_applicant": notify_applicant,
    "notify_assignee": notify_assignee,
    "issue_certificate": issue_certificate,
    "issue_traineeship_certificate": issue_traineeship_certificate,
}


def pending_effects(event):
    """The effects of `event`'s transition that have not run yet."""
    definition = event.case.definition
    if event.transition not in definition.transitions_by_key:
        return []
    effects = definition.transition(event.transition).effects
    return [key for key in effects if key not in event.effects_done]


def run_effects(event):
    """Run the effects of `event` that have not run yet; returns the keys run now."""
    done = list(event.effects_done)
    ran = []
    for key in pending_effects(event):
        EFFECTS[key](event)
        done.append(key)
        ran.append(key)
        # Recorded one by one: a later failure does not repeat this one on retry.
        type(event).objects.filter(pk=event.pk).update(effects_done=done)
    return ran
