"""A small rate limiter on Django's cache: at most `limit` hits per key in a time window.

The window opens at a key's first hit and closes `window_seconds` later (the cache entry's
timeout). Keys are hashed, so email addresses and IP addresses never sit in the cache in
the clear. With several app servers, use a shared cache (Redis) so that they count together.
"""

import hashlib

from django.core.cache import cache

KEY_PREFIX = "ratelimit"


def cache_key(scope: str, key: str) -> str:
    digest = hashlib.sha256(f"{scope}\x00{key}".encode()).hexdigest()
    return f"{KEY_PREFIX}:{scope}:{digest}"


def allow(scope: str, key: str, limit: int, window_seconds: int) -> bool:
    """Count one hit for `key` in `scope`; False once it is over `limit` in the window."""
    name = cache_key(scope, key)
    if cache.add(name, 1, timeout=window_seconds):
        return limit >= 1
    try:
        count = cache.incr(name)
    except ValueError:
        # The window closed between add() and incr(): this hit opens a new one.
        cache.add(name, 1, timeout=window_seconds)
        count = 1
    return count <= limit


def reset(scope: str, key: str) -> None:
    """Forget the hits counted for `key` in `scope`."""
    cache.delete(cache_key(scope, key))


def client_ip_address(request) -> str:
    # REMOTE_ADDR only: a forwarded-for header is the client's to invent. Behind a proxy,
    # the proxy (or a middleware trusting it) sets REMOTE_ADDR.
    return request.META.get("REMOTE_ADDR", "")
