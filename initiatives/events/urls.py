"""The events' own addresses outside the page tree: the cancellation link of every registration email, and
where the registration form posts (outside the page cache, with its own CSRF check: see `views`)."""

from django.urls import path

from initiatives.events import views

app_name = "initiatives"

urlpatterns = [
    path("cancel/<str:token>/", views.cancel, name="cancel_registration"),
    path("token/", views.form_token, name="registration_token"),
    path("event/<int:page_id>/", views.register_event, name="register_event"),
]
