"""The partner areas' URLs, included under "partner/" inside the language prefix,
namespace "partner_area"."""

from django.urls import path

from workflows.views import partner_area, referrer_area

app_name = "partner_area"

urlpatterns = [
    path("verwijzer/", referrer_area.referrals_list, name="referrer"),
    path("verwijzer/doorverwijzen/", referrer_area.refer, name="refer"),
    path(
        "verwijzer/doorverwijzingen/<uuid:public_id>/",
        referrer_area.referral_detail,
        name="referral",
    ),
    path(
        "verwijzer/doorverwijzingen/<uuid:public_id>/intrekken/",
        referrer_area.withdraw,
        name="withdraw_referral",
    ),
    path("werkgever/", partner_area.employer, name="employer"),
]
