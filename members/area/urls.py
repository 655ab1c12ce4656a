"""The member area: representatives' login and their company's drafts."""

from django.urls import path

from members.area import views
from portal.accounts import account_urls

app_name = "member_area"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    *account_urls(views.ACCOUNTS),
]

for slug, prefix in (("pledge", "pledges"), ("report", "reports")):
    kind = {"kind": slug}
    urlpatterns += [
        path(f"{prefix}/new/", views.item_create, kind, name=f"{slug}_create"),
        path(f"{prefix}/<int:pk>/", views.item_detail, kind, name=f"{slug}_detail"),
        path(f"{prefix}/<int:pk>/edit/", views.item_edit, kind, name=f"{slug}_edit"),
        path(f"{prefix}/<int:pk>/submit/", views.item_submit, kind, name=f"{slug}_submit"),
        path(f"{prefix}/<int:pk>/evidence/<int:document_id>/", views.item_evidence, kind, name=f"{slug}_evidence"),
    ]
