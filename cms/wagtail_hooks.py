"""Admin wiring of the cms app: two-factor sign-in in the staff member's account, and the
emails that did not go out."""

from django.contrib.auth import get_user_model
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import ModelLogEntry

from cms import two_factor, two_factor_views
from cms.mail_admin import undelivered_mail_panel, undelivered_mail_viewset


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("account/tweestaps/", two_factor_views.account, name="two_factor"),
        path("account/tweestaps/aanzetten/", two_factor_views.turn_on, name="two_factor_on"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    on = two_factor.is_enabled(request.user)
    return {
        "url": reverse("two_factor"),
        "label": _("Tweestapsaanmelding"),
        "help_text": _("Staat aan: je meldt je aan met wachtwoord en een code.")
        if on
        else _("Bescherm je account met een code uit een app op je telefoon."),
    }


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    # Wagtail's user screens do not log; these entries belong to the user they are about.
    actions.register_model(get_user_model(), ModelLogEntry)
    actions.register_action(
        "cms.two_factor.enable",
        _("Tweestapsaanmelding aangezet"),
        _("Tweestapsaanmelding aangezet"),
    )
    actions.register_action(
        "cms.two_factor.disable",
        _("Tweestapsaanmelding uitgezet"),
        _("Tweestapsaanmelding uitgezet"),
    )
    actions.register_action(
        "cms.two_factor.backup_codes", _("Nieuwe reservecodes"), _("Nieuwe reservecodes gemaakt")
    )


@hooks.register("register_admin_viewset")
def register_undelivered_mail_viewset():
    return undelivered_mail_viewset


@hooks.register("construct_homepage_panels")
def add_undelivered_mail_panel(request, panels):
    panel = undelivered_mail_panel(request)
    if panel is not None:
        panels.append(panel)
