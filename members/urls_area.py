"""The member area: representatives' login and their company's drafts."""

from django.urls import path

from members.views import area

app_name = "member_area"

urlpatterns = [
    path("", area.dashboard, name="dashboard"),
    path("login/", area.MemberLoginView.as_view(), name="login"),
    path("logout/", area.MemberLogoutView.as_view(), name="logout"),
    path("password-reset/", area.MemberPasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", area.MemberPasswordResetSentView.as_view(), name="password_reset_sent"),
    path(
        "password-reset/<uidb64>/<token>/",
        area.MemberPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
]

for slug, prefix in (("pledge", "pledges"), ("report", "reports")):
    kind = {"kind": slug}
    urlpatterns += [
        path(f"{prefix}/new/", area.item_create, kind, name=f"{slug}_create"),
        path(f"{prefix}/<int:pk>/", area.item_detail, kind, name=f"{slug}_detail"),
        path(f"{prefix}/<int:pk>/edit/", area.item_edit, kind, name=f"{slug}_edit"),
        path(f"{prefix}/<int:pk>/submit/", area.item_submit, kind, name=f"{slug}_submit"),
        path(f"{prefix}/<int:pk>/evidence/<int:document_id>/", area.item_evidence, kind, name=f"{slug}_evidence"),
    ]
