"""The public pledge tracker and company pages."""

from django.urls import path

from members.tracker import views

app_name = "tracker"
urlpatterns = [
    path("", views.index, name="index"),
    path("export.csv", views.export, {"extension": "csv"}, name="export_csv"),
    path("export.xlsx", views.export, {"extension": "xlsx"}, name="export_xlsx"),
    path("export.json", views.export, {"extension": "json"}, name="export_json"),
    path("<slug:slug>/", views.company, name="company"),
]
