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
