"""The public pledge tracker and company pages."""

app_name = "tracker"
urlpatterns: list = []
