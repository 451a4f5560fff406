"""The public verify pages, included under "certificaat/" inside the language prefix,
namespace "certificates"."""

from django.urls import path

from workflows.views import certificates

app_name = "certificates"

urlpatterns = [
    path("", certificates.verify_start, name="verify_start"),
    path("<str:code>/", certificates.verify, name="verify"),
]
