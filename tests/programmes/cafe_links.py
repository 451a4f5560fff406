"""Reading the café's cancel links back out of a page or an email.

A link's token is signed with a timestamp, so the same registration gets a different
link each second: compare the registrations the links point to, not the text."""

import re

from django.urls import reverse
from django.utils import translation

from programmes.registration import registration_for_cancel_token


def cancel_links_in(text, language="nl"):
    """The ids of the registrations that `text` holds cancel links for."""
    with translation.override(language):
        pattern = reverse("programmes:cancel_registration", kwargs={"token": "TOKEN"})
    prefix, suffix = pattern.split("TOKEN")
    tokens = re.findall(re.escape(prefix) + r"([^/\"'\s]+)" + re.escape(suffix), text)
    return {
        registration.pk
        for registration in map(registration_for_cancel_token, tokens)
        if registration is not None
    }
