"""The rate limiter: a number of hits per key in a time window, counted in the cache."""

from unittest import mock

from django.core.cache import cache

from cms import ratelimit


def test_hits_up_to_the_limit_are_allowed():
    assert [ratelimit.allow("test", "a@example.org", 3, 60) for _ in range(3)] == [True] * 3


def test_the_hit_after_the_limit_is_refused():
    for _ in range(3):
        ratelimit.allow("test", "a@example.org", 3, 60)

    assert ratelimit.allow("test", "a@example.org", 3, 60) is False
    assert ratelimit.allow("test", "a@example.org", 3, 60) is False


def test_keys_are_counted_apart():
    for _ in range(3):
        ratelimit.allow("test", "a@example.org", 3, 60)

    assert ratelimit.allow("test", "b@example.org", 3, 60) is True


def test_scopes_are_counted_apart():
    for _ in range(3):
        ratelimit.allow("email", "a@example.org", 3, 60)

    assert ratelimit.allow("ip", "a@example.org", 3, 60) is True


def test_a_new_window_starts_once_the_old_one_is_over():
    with mock.patch("time.time", return_value=1_000_000.0):
        for _ in range(3):
            ratelimit.allow("test", "a@example.org", 3, 60)
        assert ratelimit.allow("test", "a@example.org", 3, 60) is False

    with mock.patch("time.time", return_value=1_000_061.0):
        assert ratelimit.allow("test", "a@example.org", 3, 60) is True


def test_the_cache_holds_no_key_in_the_clear():
    ratelimit.allow("test", "a@example.org", 3, 60)

    assert "a@example.org" not in ratelimit.cache_key("test", "a@example.org")
    assert cache.get(ratelimit.cache_key("test", "a@example.org")) == 1


def test_a_limit_of_zero_refuses_everything():
    assert ratelimit.allow("test", "a@example.org", 0, 60) is False


def test_reset_forgets_the_hits():
    for _ in range(4):
        ratelimit.allow("test", "a@example.org", 3, 60)

    ratelimit.reset("test", "a@example.org")

    assert ratelimit.allow("test", "a@example.org", 3, 60) is True
