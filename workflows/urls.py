"""The participant portal's URLs, included under "my/" inside the language prefix,
namespace "portal"."""

from django.urls import path

from workflows.views import certificates, portal, sign_in

app_name = "portal"

urlpatterns = [
    path("", portal.overview, name="overview"),
    path("inloggen/", sign_in.sign_in, name="sign_in"),
    path("inloggen/verstuurd/", sign_in.sign_in_sent, name="sign_in_sent"),
    path("inloggen/link/<str:token>/", sign_in.sign_in_link, name="sign_in_link"),
    path("afmelden/", sign_in.sign_out, name="sign_out"),
    path("aanmeldingen/<str:reference>/", portal.application_detail, name="application"),
    path(
        "aanmeldingen/<str:reference>/verwijzer/",
        portal.referral_sharing,
        name="referral_sharing",
    ),
    path(
        "aanmeldingen-in-opmaak/<uuid:public_id>/verwijderen/",
        portal.draft_delete,
        name="draft_delete",
    ),
    path("documenten/<int:pk>/", portal.document_download, name="document"),
    path("certificaten/<int:pk>/", certificates.download, name="certificate"),
    path("gegevens.json", portal.data_export, name="data_export"),
    path("gegevens/verwijderen/", portal.erasure_request, name="erasure_request"),
    path("gegevens/verwijderen/ontvangen/", portal.erasure_requested, name="erasure_requested"),
]
