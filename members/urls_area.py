"""The member area: representatives' login and their company's drafts."""

app_name = "member_area"
urlpatterns: list = []
