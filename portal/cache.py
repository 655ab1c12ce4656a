"""A Redis cache that a Redis outage cannot turn into error pages.

Everything the portal keeps in the cache can be recomputed (Wagtail's site
root paths, rendered pages, rate-limit counters), so while Redis is
unreachable the cache behaves as an empty cache that keeps nothing: reads
miss, writes are dropped, `incr` finds no key. Rate limits therefore let
visitors through during an outage rather than refusing everyone. Sessions
are in the database, not here.
"""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


def _unreachable(operation: str, error: Exception) -> None:
    logger.warning("Cache unreachable, %s skipped: %s", operation, error)


class ResilientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        # Django builds a new redis.Redis for every operation, and each build copies some 170 response
        # callbacks: a page doing a handful of cache reads paid about a millisecond for it. A client is
        # thread-safe and holds no connection of its own, so one per connection pool serves them all.
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client

    def add(self, key, value, timeout):
        try:
            return super().add(key, value, timeout)
        except UNREACHABLE as error:
            _unreachable("add", error)
            return True  # an empty cache accepts the key (and forgets it)

    def get(self, key, default):
        try:
            return super().get(key, default)
        except UNREACHABLE as error:
            _unreachable("get", error)
            return default

    def set(self, key, value, timeout):
        try:
            super().set(key, value, timeout)
        except UNREACHABLE as error:
            _unreachable("set", error)

    def touch(self, key, timeout):
        try:
            return super().touch(key, timeout)
        except UNREACHABLE as error:
            _unreachable("touch", error)
            return False

    def delete(self, key):
        try:
            return super().delete(key)
        except UNREACHABLE as error:
            _unreachable("delete", error)
            return False

    def get_many(self, keys):
        try:
            return super().get_many(keys)
        except UNREACHABLE as error:
            _unreachable("get_many", error)
            return {}

    def has_key(self, key):
        try:
            return super().has_key(key)
        except UNREACHABLE as error:
            _unreachable("has_key", error)
            return False

    def incr(self, key, delta):
        try:
            return super().incr(key, delta)
        except UNREACHABLE as error:
            _unreachable("incr", error)
            raise ValueError(f"Key '{key}' not found (cache unreachable)") from error

    def set_many(self, data, timeout):
        try:
            super().set_many(data, timeout)
        except UNREACHABLE as error:
            _unreachable("set_many", error)

    def delete_many(self, keys):
        try:
            super().delete_many(keys)
        except UNREACHABLE as error:
            _unreachable("delete_many", error)

    def clear(self):
        try:
            return super().clear()
        except UNREACHABLE as error:
            _unreachable("clear", error)
            return False


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
