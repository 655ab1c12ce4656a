"""The events' own addresses outside the page tree: the signed links of registration emails, and
where the registration form posts (outside the page cache, with its own CSRF check: see `views`)."""

from django.urls import path

from initiatives.events import views

app_name = "initiatives"

urlpatterns = [
    path("cancel/<str:token>/", views.cancel, name="cancel_registration"),
    path("ticket/<str:token>/", views.ticket, name="ticket"),
    path("ticket/<str:token>/certificate-<str:language>.pdf", views.certificate, name="certificate"),
    path("offer/<str:token>/", views.offer, name="offer"),
    path("certificate/<str:token>/", views.verify_certificate, name="verify_certificate"),
    path("token/", views.form_token, name="registration_token"),
    path("event/<int:page_id>/", views.register_event, name="register_event"),
]
