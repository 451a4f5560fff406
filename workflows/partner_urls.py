"""The partner areas' URLs, included under "partner/" inside the language prefix,
namespace "partner_area"."""

from django.urls import path

from workflows.views import employer_area, referrer_area

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
    path("werkgever/", employer_area.overview, name="employer"),
    path("werkgever/export.csv", employer_area.export, name="employer_export"),
    path("werkgever/vacatures/<int:pk>/", employer_area.vacancy, name="employer_vacancy"),
    path("werkgever/voorstellen/<int:pk>/", employer_area.proposal, name="employer_proposal"),
    path(
        "werkgever/voorstellen/<int:pk>/profiel.pdf",
        employer_area.proposal_pdf,
        name="employer_proposal_pdf",
    ),
    path(
        "werkgever/voorstellen/<int:pk>/gesprek/",
        employer_area.plan_interview,
        name="employer_plan_interview",
    ),
    path(
        "werkgever/voorstellen/<int:pk>/uitkomst/",
        employer_area.record_outcome,
        name="employer_record_outcome",
    ),
]
