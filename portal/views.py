from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.admin.views import account

from initiatives.financiers.accounts import financier_for
from members.models import Representative
from portal.health import run_checks


@never_cache
@require_GET
def healthz(request):
    healthy, checks = run_checks()
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks}, status=200 if healthy else 503
    )


def server_error(request):
    # Rendered without context processors: the database may be what failed.
    return render(request, "500.html", status=500)


class AdminLogoutView(account.LogoutView):
    """Wagtail's admin sign-out, changing nothing unless it is a POST.

    Wagtail's view says "logged out" and deletes the session cookie in `dispatch`, whatever
    the method: a GET, refused with a 405, dropped the browser's cookie and showed the message
    while the session itself stayed valid on the server. Any other method gets Django's answer
    alone.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return auth_views.LogoutView.dispatch(self, request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)


def home_for(user) -> str:
    """Where a signed-in person goes when nothing asked for a particular page: their own area."""
    if financier_for(user) is not None:
        return reverse("financiers:dashboard")  # a pending financier learns there where they stand
    if Representative.objects.filter(user=user).exists():
        return reverse("member_area:dashboard")
    if user.has_perm("wagtailadmin.access_admin"):
        return reverse("wagtailadmin_home")
    return reverse("wagtail_serve", args=[""])  # the home page, in the visitor's language


class SignInView(auth_views.LoginView):
    """Wagtail's sign-in for private pages and restricted documents (its address and template).

    Wagtail sends a visitor here with the page or document as `next`, and back to it once
    signed in. Without `next` (the address reached directly), Django's view would go to
    LOGIN_REDIRECT_URL: this one goes to the signed-in person's own area instead.
    """

    template_name = "wagtailcore/login.html"

    def get_default_redirect_url(self) -> str:
        return home_for(self.request.user)
