"""The partner areas' URLs, included under "partner/" inside the language prefix,
namespace "partner_area"."""

from django.urls import path

from workflows.views import partner_area

app_name = "partner_area"

urlpatterns = [
    path("verwijzer/", partner_area.referrer, name="referrer"),
    path("werkgever/", partner_area.employer, name="employer"),
]
