"""The events' own addresses outside the page tree: the cancellation link of every registration email."""

from django.urls import path

from initiatives.events import views

app_name = "initiatives"

urlpatterns = [
    path("cancel/<str:token>/", views.cancel, name="cancel_registration"),
]
