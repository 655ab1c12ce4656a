"""Telling every process that something it keeps in memory changed: a token in the shared cache.

A process keeps the token it loaded with and loads again when the cache
holds another one. A missing token (a new or emptied cache) becomes a new
one, so nothing loaded before can pass for current.
"""

import uuid

from django.core.cache import cache
from django.db import transaction


def current(key: str) -> str:
    token = cache.get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, None)
        token = cache.get(key) or ""
    return token


def changed(key: str) -> None:
    """A new token now, and again once the transaction commits (a process that loaded meanwhile saw the old data)."""

    def renew() -> None:
        cache.set(key, uuid.uuid4().hex, None)

    renew()
    transaction.on_commit(renew)
