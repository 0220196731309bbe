"""The retry policy and Retry-After / retry-after-ms parsing as pure functions, with boundary tables (no clock)."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest
from elevenlabs_user_client._policy import backoff, is_retryable, next_wait, retry_after_seconds

NOW = datetime(2026, 8, 22, 12, 0, 0, tzinfo=UTC).timestamp()


def _date(offset: float) -> str:
    return format_datetime(datetime.fromtimestamp(NOW + offset, tz=UTC), usegmt=True)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, None),
        ({"retry-after": "0"}, 0.0),
        ({"retry-after": "7"}, 7.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after": " 3 "}, 3.0),
        ({"retry-after": "-4"}, 0.0),
        ({"retry-after": "1e9"}, 1e9),
        ({"retry-after": "inf"}, math.inf),
        ({"retry-after": "nan"}, None),
        ({"retry-after": "soon"}, None),
        ({"retry-after": ""}, None),
        ({"retry-after": _date(30)}, 30.0),
        ({"retry-after": _date(-30)}, 0.0),
        ({"retry-after": _date(86400 * 365)}, 86400.0 * 365),
        ({"retry-after": "Sat, 22 Aug 2026 12:00:10"}, None),  # no zone: not an HTTP date
        ({"retry-after": "Sat, 99 Foo 2026 99:99:99 GMT"}, None),
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after-ms": "0"}, 0.0),
        ({"retry-after-ms": "-5"}, 0.0),
        ({"retry-after-ms": "12.5"}, 0.0125),
        ({"retry-after-ms": "inf"}, math.inf),
        ({"retry-after-ms": "nan", "retry-after": "2"}, 2.0),  # unreadable ms: the other header decides
        ({"retry-after-ms": "junk", "retry-after": "2"}, 2.0),
        ({"retry-after-ms": "100", "retry-after": "9"}, 0.1),  # ms wins
    ],
)
def test_retry_after_parsing(headers: dict[str, str], expected: float | None) -> None:
    got = retry_after_seconds(headers, now=NOW)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


@pytest.mark.parametrize(
    ("retry", "jitter", "expected"),
    [
        (1, 0.0, 0.5),
        (1, 0.999, 0.5 * (1 - 0.5 * 0.999)),
        (2, 0.0, 1.0),
        (3, 0.0, 2.0),
        (5, 0.0, 8.0),  # capped
        (60, 0.0, 8.0),
        (10**6, 0.0, 8.0),  # no overflow
        (4, 0.5, 4.0 * 0.75),
    ],
)
def test_backoff(retry: int, jitter: float, expected: float) -> None:
    assert backoff(retry, first=0.5, cap=8.0, jitter=jitter) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("method", "status", "expected"),
    [
        ("GET", None, True),
        ("get", 503, True),
        ("HEAD", 429, True),
        ("GET", 408, True),
        ("GET", 409, True),
        ("GET", 500, True),
        ("GET", 504, True),
        ("GET", 505, False),
        ("GET", 400, False),
        ("GET", 401, False),
        ("GET", 404, False),
        ("GET", 200, False),
        ("POST", None, False),
        ("POST", 503, False),
        ("DELETE", 503, False),
    ],
)
def test_what_is_retryable(method: str, status: int | None, expected: bool) -> None:
    assert is_retryable(method, status=status) is expected


BASE = {"first": 0.5, "cap": 8.0, "ceiling": 60.0, "jitter": 0.0, "max_retries": 2}


@pytest.mark.parametrize(
    ("retry", "asked", "time_left", "wait", "why"),
    [
        (1, None, None, 0.5, ""),
        (2, None, None, 1.0, ""),
        (3, None, None, None, "no retries left"),
        (1, 3.0, None, 3.0, ""),  # Retry-After honoured in full, beyond the backoff cap
        (1, 0.0, 10.0, 0.0, ""),
        (1, 60.0, None, 60.0, ""),  # at the ceiling: still honoured
        (1, 60.5, None, None, "beyond the 60 s ceiling"),
        (1, math.inf, None, None, "beyond the 60 s ceiling"),
        (1, None, 0.5, None, "after the deadline"),  # a wait that ends exactly at the deadline is too late
        (1, None, 0.51, 0.5, ""),
        (1, 5.0, 4.0, None, "after the deadline"),
        (1, None, -1.0, None, "after the deadline"),
    ],
)
def test_next_wait(retry: int, asked: float | None, time_left: float | None, wait: float | None, why: str) -> None:
    got, reason = next_wait(retry=retry, asked=asked, time_left=time_left, **BASE)  # type: ignore[arg-type]
    assert got == (None if wait is None else pytest.approx(wait))
    assert why in reason
    assert (reason == "") is (wait is not None)
