"""Backoff waits and Retry-After parsing."""

import random
from email.utils import formatdate

from iwr.llm import RetryPolicy, parse_retry_after


def test_exponential_backoff_with_bounded_jitter():
    policy = RetryPolicy(base_delay_s=1, max_delay_s=5, jitter=0.25)
    rng = random.Random(1)
    for n, base in [(1, 1), (2, 2), (3, 4)]:
        assert all(0.75 * base <= policy.delay(n, None, rng) <= 1.25 * base for _ in range(50))
    assert all(policy.delay(10, None, rng) <= 5 for _ in range(50))


def test_retry_after_wins_but_is_capped():
    policy = RetryPolicy(max_retry_after_s=10)
    assert policy.delay(1, 3.0, random.Random()) == 3.0
    assert policy.delay(1, 3600, random.Random()) == 10


def test_parse_retry_after_forms():
    assert parse_retry_after({"Retry-After": "2"}) == 2
    assert parse_retry_after({"retry-after": "0.5"}) == 0.5
    assert parse_retry_after({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    assert 25 < parse_retry_after({"retry-after": formatdate(1_000_030, usegmt=True)}, now=1_000_000) <= 30
    assert parse_retry_after({"retry-after": "soon"}) is None
    assert parse_retry_after({}) is None
