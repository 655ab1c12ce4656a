"""The public pledge tracker and company pages."""

from django.urls import path

from members.tracker import views
from members.tracker.pathways import views as pathway_views

app_name = "tracker"
urlpatterns = [
    path("", views.index, name="index"),
    path("export.csv", views.export, {"extension": "csv"}, name="export_csv"),
    path("export.xlsx", views.export, {"extension": "xlsx"}, name="export_xlsx"),
    path("export.json", views.export, {"extension": "json"}, name="export_json"),
    path("methodology/", pathway_views.methodology, name="methodology"),
    path("sectors/<slug:sector>/", pathway_views.sector, name="sector"),
    path("<slug:slug>/", views.company, name="company"),
    path("<slug:slug>/as-of/<str:day>/", views.company_as_of, name="company_as_of"),
]
