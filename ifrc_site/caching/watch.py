"""The page cache's generation, known in each process without asking Redis at every request.

Every request the page cache answers needs the current generation (pagecache.py), which lives
in Redis so that a publish on any server starts a new one for all of them. Reading it took a
round trip to Redis per request: most of the difference between a cached page and a static
file. Redis can say instead when the key changes: with client-side tracking in broadcast mode
(`CLIENT TRACKING ON BCAST PREFIX <key>`, Redis 6 and later), every change to the generation
key, a publish, a scheduled change, an eviction or the cache being emptied, sends a message to
the connection that asked. Each process keeps one such connection (redirected to itself and
subscribed to `__redis__:invalidate`) and, at each request, looks whether a message has come:
a poll of its socket, no round trip. While none has, the generation it last read is still
current; when one has, or the connection is new, broken or was never made, the generation is
read from Redis as before, and at least every TRUST_SECONDS.

Nothing is ever served on a guess: the generation is taken as known only while this process
holds a working connection that was watching before the value was read. A change made after
that read comes as a message before any later request of this process looks (the message
leaves Redis with the writer's reply); a process that changes the generation itself forgets
it at once (`forget`).
"""

import logging
import os
import threading
import time

from django.conf import settings

import redis

logger = logging.getLogger(__name__)

REDIS_BACKEND = "django_redis.cache.RedisCache"
INVALIDATION_CHANNEL = "__redis__:invalidate"
RETRY_SECONDS = 5  # after a failed connection, how long requests read Redis before trying again
# How long a value read is trusted without reading it again, whatever was heard: a server cut
# off from Redis without its connection closing (packets dropped) hears nothing, and must not
# serve the generation it knew for longer than this.
TRUST_SECONDS = 2.0

UNKNOWN = object()


class GenerationWatch:
    """A connection per process that hears of every change to one Redis key (`key`), and the
    key's value as last read while it was listening."""

    def __init__(self):
        self._lock = threading.Lock()
        self._reset(pid=None)

    def _reset(self, pid):
        self.pid = pid
        self.connection = None
        self.key = None
        self.value = UNKNOWN
        self.read_at = 0.0
        self.retry_at = 0.0

    def known(self, key):
        """The value of `key` as last `remember`ed, if nothing has changed it since; else
        UNKNOWN (read it, then `remember` it)."""
        with self._lock:
            if self.pid != os.getpid():  # a forked worker: its parent's socket is not its own
                self._reset(pid=os.getpid())
            if not self._watching(key):
                return UNKNOWN
            try:
                while self.connection.can_read(timeout=0):
                    self.connection.read_response()  # a change, or the cache emptied
                    self.value = UNKNOWN
            except Exception:  # a connection lost: read Redis, and watch again later
                logger.warning("Page cache generation watch lost", exc_info=True)
                self._drop()
                return UNKNOWN
            if time.monotonic() - self.read_at > TRUST_SECONDS:
                self.value = UNKNOWN
            return self.value

    def remember(self, key, value):
        """`value` read for `key` after `known` said UNKNOWN: current until a change comes.
        Whether it is watched (else the next request reads it again)."""
        with self._lock:
            if self.connection is not None and self.key == key and self.pid == os.getpid():
                self.value = value
                self.read_at = time.monotonic()
                return True
            return False

    @property
    def watching(self):
        """Whether this process hears of changes (so that what it keeps of the current
        generation is read again only when the generation changes)."""
        return self.connection is not None and self.pid == os.getpid()

    def forget(self):
        """The value changed here: the next request reads it (this process does not wait for
        its own change's message)."""
        with self._lock:
            self.value = UNKNOWN

    def close(self):
        with self._lock:
            self._drop()
            self.retry_at = 0.0

    def _watching(self, key):
        if self.connection is not None and self.key == key:
            return True
        if self.connection is not None:  # another key (the settings changed): watch it now
            self._drop()
            self.retry_at = 0.0
        location = redis_location()
        if location is None or time.monotonic() < self.retry_at:
            return False
        try:
            self.connection = self._connect(location, key)
        except redis.ResponseError:
            # A server without client-side tracking (before Redis 6, or a proxy): this process
            # reads the generation at each request, as it would with the watch off.
            logger.warning("Redis refused CLIENT TRACKING: the generation is read per request")
            self.retry_at = float("inf")
            self.connection = None
            return False
        except Exception:
            logger.warning("Page cache generation watch unavailable", exc_info=True)
            self.retry_at = time.monotonic() + RETRY_SECONDS
            self.connection = None
            return False
        self.key = key
        self.value = UNKNOWN
        return True

    def _connect(self, location, key):
        # RESP2, in which the messages come as a subscription's (RESP3 would push them).
        pool = redis.ConnectionPool.from_url(
            location, protocol=2, socket_timeout=1, socket_connect_timeout=1
        )
        connection = pool.make_connection()
        connection.connect()
        try:
            connection.send_command("CLIENT", "ID")
            own_id = connection.read_response()
            # The messages come to this same connection, which then only listens.
            connection.send_command(
                "CLIENT", "TRACKING", "ON", "REDIRECT", own_id, "BCAST", "PREFIX", key
            )
            if connection.read_response() not in (b"OK", "OK"):
                raise redis.ResponseError("CLIENT TRACKING refused")
            connection.send_command("SUBSCRIBE", INVALIDATION_CHANNEL)
            connection.read_response()  # the subscription's confirmation
        except Exception:
            connection.disconnect()
            raise
        return connection

    def _drop(self):
        if self.connection is not None:
            try:
                self.connection.disconnect()
            except Exception:  # already gone
                pass
        self.connection = None
        self.value = UNKNOWN
        self.retry_at = time.monotonic() + RETRY_SECONDS


def redis_location():
    """The address of the Redis server of the default cache, where the generation is kept;
    None where that cache is not Redis (tests, a development machine) or watching is off
    (`PAGE_CACHE_WATCH = False`)."""
    configured = settings.CACHES.get("default", {})
    watching = getattr(settings, "PAGE_CACHE_WATCH", True)
    if configured.get("BACKEND") != REDIS_BACKEND or not watching:
        return None
    location = configured.get("LOCATION")
    if isinstance(location, (list, tuple)):
        location = location[0]  # the server that is written to
    return location or None


watch = GenerationWatch()
