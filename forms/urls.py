"""The application wizard's URLs, under "aanmelden/" inside the language prefix."""

from django.urls import path

from forms import referral_views, views

app_name = "forms"

urlpatterns = [
    path("<int:programme_id>/", views.apply, name="apply"),
    path("<int:programme_id>/formulier/", views.wizard, name="wizard"),
    path("<int:programme_id>/bewaard/", views.saved, name="saved"),
    path("<int:programme_id>/verzonden/", views.submitted, name="submitted"),
    path("verder/<str:token>/", views.resume, name="resume"),
    path("concept/<uuid:public_id>/", views.continue_draft, name="continue_draft"),
    path("doorverwezen/<str:token>/", referral_views.confirm, name="referral_confirm"),
]
