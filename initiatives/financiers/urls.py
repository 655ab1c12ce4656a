"""The financier area: signing up, in and out, password reset, the dashboard, the mandate and best matches,
saved searches and their alerts, expressions of interest."""

from django.urls import path

from initiatives.financiers import views
from portal.accounts import account_urls

app_name = "financiers"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    *account_urls(views.ACCOUNTS),
    path("signup/", views.signup, name="signup"),
    path("mandate/", views.mandate, name="mandate"),
    path("matches/", views.matches, name="matches"),
    path("searches/new/", views.saved_search_create, name="saved_search_create"),
    path("searches/<int:pk>/", views.saved_search_edit, name="saved_search_edit"),
    path("searches/<int:pk>/delete/", views.saved_search_delete, name="saved_search_delete"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("interest/<int:programme_id>/", views.interest, name="interest"),
]
