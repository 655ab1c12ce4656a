"""Template tags for the financier area's links on public pages (e.g. "Express interest" on a programme)."""

from django import template

from initiatives.financiers.accounts import financier_for

register = template.Library()


@register.simple_tag(takes_context=True)
def financier_status(context) -> str:
    """The visitor's financier status ("approved", "pending", "rejected", "suspended"), or "" if none."""
    request = context.get("request")
    financier = financier_for(getattr(request, "user", None))
    if financier is None:
        return ""
    return financier.status if financier.user.is_active else ""
