"""What the project's admin viewsets share: a plain 403 inside the admin's frame, and viewsets of rows
that only the public side makes.

Wagtail answers a refused permission check by redirecting to the dashboard;
the project's own admin pages answer 403 instead, saying what is missing, so
the refusal is the same whether the page was opened from a link, a bookmark
or a script.
"""

from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.shortcuts import render


def forbidden(request, *, title: str, icon: str, message: str, advice: str):
    """A 403 inside the admin's frame: `message` says what is refused, `advice` who may do it."""
    context = {"page_title": title, "header_icon": icon, "message": message, "advice": advice}
    return render(request, "portal/admin/forbidden.html", context, status=403)


class RefusedWith403Mixin:
    """Answer a refused permission check with 403 rather than the admin's redirect to the dashboard."""

    forbidden_title = ""
    forbidden_icon = ""
    forbidden_message = ""
    forbidden_advice = ""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return self.forbidden(request)

    def forbidden(self, request):
        return forbidden(
            request,
            title=self.forbidden_title,
            icon=self.forbidden_icon,
            message=self.forbidden_message,
            advice=self.forbidden_advice,
        )


class RefusedWith403ViewSetMixin:
    """For a viewset: every view it builds answers a refused permission with 403, saying the viewset's `forbidden_*`.

    A view class without `RefusedWith403Mixin` gets it here, so a viewset names only the views that do more
    than the generic ones; a view's own non-empty `forbidden_*` give way to the viewset's.
    """

    forbidden_title = ""
    forbidden_icon = ""
    forbidden_message = ""
    forbidden_advice = ""

    def construct_view(self, view_class, **kwargs):
        if not issubclass(view_class, RefusedWith403Mixin):
            view_class = type(view_class.__name__, (RefusedWith403Mixin, view_class), {})
        names = ("forbidden_title", "forbidden_icon", "forbidden_message", "forbidden_advice")
        texts = {name: getattr(self, name) for name in names if getattr(self, name)}
        return super().construct_view(view_class, **{**texts, **kwargs})


class PublicSideViewSetMixin:
    """For a `ModelViewSet` of rows only the public side makes: no "add" view, no "add" permission to grant."""

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, **kwargs})

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]

    def get_permissions_to_register(self):
        # The group editor does not offer a permission nobody can use.
        return super().get_permissions_to_register().exclude(codename=get_permission_codename("add", self.model_opts))
