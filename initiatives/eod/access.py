"""Who may see an EOD programme's restricted side: contact details, financial detail, restricted documents.

Approved financiers are members of the "Financiers" group (approval adds
them, see `initiatives.financiers`); staff who can reach the Wagtail admin see
everything too. Restricted programme documents live in a collection whose
view restriction names the same group, so Wagtail's own document serve view
enforces the rule for files.
"""

from django.contrib.auth.models import AnonymousUser, User

FINANCIERS_GROUP = "Financiers"


def can_see_restricted(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm("wagtailadmin.access_admin"):
        return True
    return user.groups.filter(name=FINANCIERS_GROUP).exists()
