"""portal.cache: the Redis cache that reads as empty while Redis is unreachable, and keeps one client per pool."""

import logging
import socket
import uuid

import pytest

from portal.cache import ResilientRedisCache
from tests.conftest import require_service


def redis_cache(location: str) -> ResilientRedisCache:
    return ResilientRedisCache(
        location, {"KEY_PREFIX": f"test-cache-{uuid.uuid4().hex[:8]}", "OPTIONS": {"socket_connect_timeout": 1}}
    )


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends: nothing listens there


def test_an_unreachable_redis_reads_as_an_empty_cache(caplog):
    cache = redis_cache(f"redis://127.0.0.1:{closed_port()}/0")

    # At WARNING whatever an earlier test's in-process Celery worker left the root logger at.
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        cache.set("greeting", "hello")

        assert cache.get("greeting", "missing") == "missing"
        assert cache.get_many(["greeting"]) == {}
        assert cache.add("greeting", "hello") is True
        with pytest.raises(ValueError, match="not found"):
            cache.incr("counter")
    assert "Cache unreachable" in caplog.text


@pytest.mark.services
def test_one_client_serves_every_operation_on_a_live_redis():
    cache = redis_cache(require_service("CACHE_URL"))

    cache.set("greeting", "hello")
    cache.add("counter", 1)

    assert cache.get("greeting") == "hello"
    assert cache.incr("counter") == 2
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    assert len(cache._cache._clients) == 1
    cache.delete_many(["greeting", "counter"])
