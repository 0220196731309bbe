"""The retry policy as pure functions: what to retry, how long to wait, what a Retry-After header asks.

No clock and no randomness inside: callers pass `now` and a `jitter` in [0, 1), so every rule is testable with
tables of cases (tests/test_runtime_policy.py).
"""

import math
from collections.abc import Mapping
from email.utils import parsedate_to_datetime

RETRY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})  # idempotent; this API's operations are GETs
RETRY_STATUSES = frozenset({408, 409, 429, 500, 501, 502, 503, 504})
JITTER = 0.5  # a wait is between half and all of its nominal value: spread out, never bunched at 0


def _seconds(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    if math.isnan(value):
        return None
    return max(0.0, value)


def retry_after_seconds(headers: Mapping[str, str], *, now: float) -> float | None:
    """How long the server asked to wait, in seconds: `retry-after-ms`, else `Retry-After` (seconds or an HTTP
    date, measured from `now`, a POSIX time), else None. Negative and past values mean 0; unreadable ones None;
    an infinite one stays infinite (beyond any ceiling)."""
    millis = headers.get("retry-after-ms", "").strip()
    if millis:
        asked = _seconds(millis)
        if asked is not None:
            return asked / 1000
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    asked = _seconds(value)
    if asked is not None:
        return asked
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; a date without a zone is read as such
        return None if not value.endswith(("GMT", "UTC", "+0000")) else max(0.0, when.timestamp() - now)
    return max(0.0, when.timestamp() - now)


def backoff(retry: int, *, first: float, cap: float, jitter: float) -> float:
    """The wait before retry number `retry` (1, 2, ...): `first` doubled per retry, at most `cap`, times a jitter
    factor between 1 - JITTER and 1 (`jitter` in [0, 1))."""
    nominal = min(cap, first * 2.0 ** min(retry - 1, 64))
    return nominal * (1.0 - JITTER * jitter)


def is_retryable(method: str, *, status: int | None) -> bool:
    """Whether an outcome may be retried: an idempotent method, and a retryable status or (status None) a failed
    connection, send or read."""
    return method.upper() in RETRY_METHODS and (status is None or status in RETRY_STATUSES)


def next_wait(
    *,
    retry: int,
    max_retries: int,
    asked: float | None,
    first: float,
    cap: float,
    ceiling: float,
    time_left: float | None,
    jitter: float,
) -> tuple[float | None, str]:
    """The wait before retry number `retry`, or None and why not: no retries left, the server asked for longer
    than `ceiling`, or the wait would end after the deadline (`time_left`, None when unbounded)."""
    if retry > max_retries:
        return None, f"no retries left ({max_retries} allowed)"
    if asked is not None and asked > ceiling:
        return None, f"the server asked to wait {asked:g} s, beyond the {ceiling:g} s ceiling"
    wait = asked if asked is not None else backoff(retry, first=first, cap=cap, jitter=jitter)
    if time_left is not None and wait >= time_left:
        return None, f"retry {retry} would start after the deadline (wait {wait:g} s, {max(time_left, 0):.2f} s left)"
    return wait, ""
