"""Fixed-window rate limits in the shared cache, keyed by the visitor's address."""

import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """The visitor's address: the connection's, or the one the trusted proxies saw."""
    proxies = settings.PORTAL_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        # Each proxy appends the address it received from; entries left of ours can be forged.
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def login_username(request, credentials: dict | None) -> str | None:
    """The username django-axes records a sign-in attempt under, cut to its column's 255 characters.

    Django's sign-in form sets the username's length only on the widget, so any length reaches
    authentication; PostgreSQL refused to record a longer one and the sign-in page answered 500.
    """
    source = credentials or getattr(request, "POST", {})
    username = source.get(settings.AXES_USERNAME_FORM_FIELD)
    return username[:255] if isinstance(username, str) else username


def hit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one attempt; False once `limit` attempts were made in the current window."""
    bucket = f"ratelimit:{scope}:{key}:{int(time.time() // window)}"
    if cache.add(bucket, 1, timeout=window):
        return limit >= 1
    try:
        count = cache.incr(bucket)
    except ValueError:  # expired between add and incr
        cache.add(bucket, 1, timeout=window)
        count = 1
    return count <= limit
