"""The intake's emails: the resume link of a draft, and the confirmation of an application.

Each is written in the language the person reads: the draft's language for a resume
link, the preferred language chosen in the wizard for the confirmation.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from forms.drafts import resume_token


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _message(name, context, to, language):
    context = {**context, "site_name": settings.WAGTAIL_SITE_NAME, "language_code": language}
    subject = " ".join(render_to_string(f"email/forms/{name}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"email/forms/{name}.txt", context),
        to=[to],
        headers={"Content-Language": language},
    )
    message.attach_alternative(render_to_string(f"email/forms/{name}.html", context), "text/html")
    return message


def resume_link_email(draft, language):
    """The link that opens `draft` again, on any device."""
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        programme = draft.programme.localized
        context = {
            "programme": programme,
            "resume_url": absolute_url(
                reverse("forms:resume", kwargs={"token": resume_token(draft)})
            ),
            "retention_days": settings.OPSTAP_DRAFT_RETENTION_DAYS,
        }
        return _message("resume_link", context, draft.email, language)


def application_confirmation_email(application):
    language = application.preferred_language
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        programme = application.programme.localized
        context = {
            "application": application,
            "programme": programme,
            # The portal lives in `workflows`, downstream of this app: linked by address.
            "portal_url": absolute_url(f"/{language}/my/"),
        }
        return _message("application_received", context, application.email, language)


def referral_invitation_email(referral, confirm_url):
    """The referred candidate's message: who referred them, for what, and the link to
    confirm; in the language the referrer chose for them."""
    from forms.referrals import person_name

    language = referral.language
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        context = {
            "referrer_name": person_name(referral.referred_by),
            "organisation": referral.organisation.localized,
            "programme": referral.programme.localized,
            "candidate_name": referral.candidate_name,
            "confirm_url": confirm_url,
            "confirm_by": referral.confirm_by,
        }
        return _message("referral_invitation", context, referral.email, language)
