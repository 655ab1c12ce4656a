"""The public pledge tracker and company pages."""

from django.urls import path

from members.views import public

app_name = "tracker"
urlpatterns = [
    path("", public.index, name="index"),
    path("export.csv", public.export, {"extension": "csv"}, name="export_csv"),
    path("export.xlsx", public.export, {"extension": "xlsx"}, name="export_xlsx"),
    path("export.json", public.export, {"extension": "json"}, name="export_json"),
    path("<slug:slug>/", public.company, name="company"),
]
