"""Where the financiers' admin lives: its viewsets' names (URL namespaces) and absolute links to them for emails."""

from django.urls import reverse

from portal.mail import site_url

# Viewset names: URL namespaces (distinct from the public area's "financiers").
ACCOUNTS = "financier_accounts"
INTERESTS = "financier_interests"
SAVED_SEARCHES = "financier_saved_searches"


def admin_url(viewset_name: str, action: str, pk: int) -> str:
    return site_url(reverse(f"{viewset_name}:{action}", args=[pk]))
