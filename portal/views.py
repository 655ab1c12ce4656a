from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.admin.views import account

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
