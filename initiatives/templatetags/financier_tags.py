"""Template tags for the financier area's links on public pages ("Express interest" on a programme, "Save this
search" in the catalogue): the EOD pages know nothing of financiers, their templates ask here."""

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


@register.simple_tag(takes_context=True)
def saved_search_state(context, querystring: str) -> dict:
    """Whether the visitor may save this catalogue search ("can_save") and the search they saved already ("saved").

    Only approved financiers keep saved searches (staff see everything but have none).
    """
    request = context.get("request")
    financier = financier_for(getattr(request, "user", None))
    can_save = bool(financier and financier.is_approved)
    saved = financier.saved_searches.filter(querystring=querystring).first() if can_save else None
    return {"can_save": can_save, "saved": saved}
