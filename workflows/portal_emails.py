"""The portal's emails: the sign-in link, the receipt of a request to erase data, and
the message that it was done.

Each is written in the person's preferred language and carries absolute links.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cms.languages import supported_language
from workflows.sign_in import link_path


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def language_of(user):
    return supported_language(user.preferred_language)


def email_message(name, context, *, to, language):
    def render(suffix):
        return render_to_string(f"email/workflows/{name}{suffix}", context)

    message = EmailMultiAlternatives(
        subject=" ".join(render("_subject.txt").split()),
        body=render(".txt"),
        to=[to],
        headers={"Content-Language": language},
    )
    message.attach_alternative(render(".html"), "text/html")
    return message


def _base_context(user, language):
    return {
        "user": user,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "language_code": language,
        "portal_url": absolute_url(reverse("portal:overview")),
        "sign_in_url": absolute_url(reverse("portal:sign_in")),
    }


def sign_in_link_email(user, next_path=""):
    """The email with a fresh one-time sign-in link for `user`."""
    language = language_of(user)
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        context = {
            **_base_context(user, language),
            "link_url": absolute_url(link_path(user, next_path)),
            "minutes": settings.OPSTAP_SIGN_IN_LINK_MINUTES,
        }
        return email_message("sign_in_link", context, to=user.email, language=language)


def partner_invitation_email(account):
    """The invitation of a referrer or employer, with a sign-in link that lasts days."""
    user = account.user
    language = language_of(user)
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        context = {
            **_base_context(user, language),
            "link_url": absolute_url(link_path(user, invitation=True)),
            "days": settings.OPSTAP_PARTNER_INVITATION_DAYS,
            "role": account.role,
            "organisation": account.partner.localized.title,
            "invited_by": account.invited_by or settings.WAGTAIL_SITE_NAME,
        }
        return email_message("partner_invitation", context, to=user.email, language=language)


def erasure_requested_email(erasure_request):
    """The receipt of a request to erase someone's data."""
    user = erasure_request.user
    language = language_of(user)
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        context = {**_base_context(user, language), "erasure_request": erasure_request}
        return email_message("erasure_requested", context, to=user.email, language=language)


def erasure_done_email(address, language):
    """The last email: what was erased. Sent to the address the person had, which is
    itself erased by now."""
    language = supported_language(language)
    with translation.override(language):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, "language_code": language}
        return email_message("erasure_done", context, to=address, language=language)
