"""The public eligibility check, at /<language>/programmes/<page id>/eligibility/."""

from django.urls import path

from programmes.views.eligibility import eligibility_check

app_name = "eligibility"

urlpatterns = [
    path("<int:page_id>/eligibility/", eligibility_check, name="check"),
]
