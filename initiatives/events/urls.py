from django.urls import path

from initiatives import views

app_name = "initiatives"

urlpatterns = [
    path("cancel/<str:token>/", views.cancel, name="cancel_registration"),
]
