"""The account pages of the member and financier areas: sign in, sign out and the password reset.

Both areas have the same five pages at the same paths, on Django's auth views and
`portal.password_reset`; an area describes itself once in an `AreaAccounts` (its URL
namespace, forms, reset task and what its pages say) and mounts `account_urls()`.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext as _

from portal import password_reset


@dataclass(frozen=True)
class AreaAccounts:
    """One area's account pages. The texts are what differs between the areas' otherwise shared reset pages."""

    namespace: str
    """The area's URL namespace; `account_urls()` names its pages in it (login, logout, password_reset...)."""
    login_form: type[AuthenticationForm]
    login_template: str
    home: str
    """The URL name a signed-in account lands on."""
    reset_form: type[password_reset.AreaPasswordResetForm]
    send_task: Any
    """The area's Celery task mailing the reset link, taking (email, language, key)."""
    slug: str
    """Names the reset pages' body class, `template-<slug>-password-reset`."""
    name: str
    stylesheets: tuple[str, ...]
    request_title: str
    request_description: str
    request_lead: str
    other_reset_note: str
    """Where the accounts this area does not serve reset their password instead, with a link to it."""
    other_reset_label: str
    other_reset_url_name: str
    sent_description: str
    sent_lead: str
    confirm_description: str
    confirm_lead: str

    def url_name(self, name: str) -> str:
        return f"{self.namespace}:{name}"

    @property
    def login_url(self) -> str:
        return reverse(self.url_name("login"))

    @property
    def reset_url(self) -> str:
        return reverse(self.url_name("password_reset"))

    @property
    def other_reset_url(self) -> str:
        return reverse(self.other_reset_url_name)


class SignOutView(auth_views.LogoutView):
    """Sign out (POST only, as in Django) and say so on the page it leads to."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have signed out."))
        return response


def account_urls(area: AreaAccounts) -> list:
    """The area's sign-in, sign-out and password reset pages, to add to its `urlpatterns`."""
    login = reverse_lazy(area.url_name("login"))
    return [
        path(
            "login/",
            auth_views.LoginView.as_view(
                form_class=area.login_form,
                template_name=area.login_template,
                redirect_authenticated_user=True,
                next_page=reverse_lazy(area.home),
            ),
            name="login",
        ),
        path("logout/", SignOutView.as_view(next_page=login), name="logout"),
        path(
            "password-reset/",
            password_reset.AreaPasswordResetView.as_view(
                area=area,
                form_class=area.reset_form,
                send_task=area.send_task,
                success_url=reverse_lazy(area.url_name("password_reset_sent")),
            ),
            name="password_reset",
        ),
        path(
            "password-reset/sent/",
            password_reset.AreaPasswordResetDoneView.as_view(area=area),
            name="password_reset_sent",
        ),
        path(
            "password-reset/<uidb64>/<token>/",
            password_reset.AreaPasswordResetConfirmView.as_view(
                area=area, reset_form=area.reset_form, success_url=login
            ),
            name="password_reset_confirm",
        ),
    ]
