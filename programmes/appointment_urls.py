"""Booking an appointment at the contact desk, under "afspraak/" inside the language
prefix, namespace "appointments"."""

from django.urls import path

from programmes.views import appointments

app_name = "appointments"

urlpatterns = [
    path("", appointments.slots, name="slots"),
    path("bevestiging/", appointments.booked, name="booked"),
    path("moment/<str:slot_key>/", appointments.book, name="book"),
    path("<str:token>/annuleren/", appointments.cancel, name="cancel"),
]
