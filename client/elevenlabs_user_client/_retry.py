"""One call: attempts, each sending the request AND reading the whole body, retried by the policy (_policy.py),
all within the call's deadline (_deadline.py).

Per attempt: the request's timeouts are clamped to the time left (the pool wait only by the deadline: waiting for
a free connection is not a failed attempt), the body is read within the attempt with its size bound (_body.py), so
a connection dropped or stalled mid-body is retried like one dropped before the headers. Failures become the
package's errors naming the phase they happened in.
"""

import logging
import random
import time
from typing import TYPE_CHECKING, Any, Protocol

import httpx

from . import _body, _policy
from ._deadline import DEADLINE
from ._origin import CHECKED_URL
from ._secrets import redact
from .errors import (
    APIConnectionError,
    APITimeoutError,
    ResponseDecodeError,
    error_for_transport,
    request_id_of,
)

logger = logging.getLogger(__name__.rpartition(".")[0])  # the package's; it logs metadata only


class Answer:
    """One call's answer: the response's status and headers, its whole decoded body, and the retries it took."""

    __slots__ = ("content", "headers", "response", "retries", "status_code")
    content: bytes
    headers: httpx.Headers
    response: httpx.Response
    retries: int
    status_code: int

    def __init__(self, response: httpx.Response, content: bytes) -> None:
        self.response, self.content, self.retries = response, content, 0
        self.status_code, self.headers = response.status_code, response.headers  # read often: plain slots

    @property
    def text(self) -> str:
        return self.content.decode(self.response.charset_encoding or "utf-8", errors="replace")


if TYPE_CHECKING:  # for type checkers only: a Protocol class costs every start its creation

    class CallSettings(Protocol):
        """What one call reads from its client (the client itself is passed: no settings object is built per call,
        and a changed field, e.g. ``client.deadline = 5``, takes effect at the next call)."""

        @property
        def deadline(self) -> float | None: ...
        @property
        def max_retries(self) -> int: ...
        @property
        def retry_backoff(self) -> float: ...
        @property
        def max_retry_wait(self) -> float: ...
        @property
        def retry_after_ceiling(self) -> float: ...
        @property
        def max_response_bytes(self) -> int: ...


def _phase_of(err: httpx.TransportError) -> str:
    if isinstance(err, httpx.PoolTimeout):
        return "while waiting for a free connection"
    if isinstance(err, httpx.ConnectError | httpx.ConnectTimeout):
        return "while connecting"
    if isinstance(err, httpx.WriteError | httpx.WriteTimeout):
        return "while sending the request"
    return "while waiting for the response headers"


def _clamped(request: httpx.Request, deadline: float | None) -> None:
    """Each of this attempt's timeouts at most the time left; the pool wait bounded only by the deadline."""
    if deadline is None:
        return
    left = max(deadline - time.monotonic(), 0.0)
    timeouts = request.extensions.get("timeout") or {}
    clamped = {key: left if value is None else min(value, left) for key, value in timeouts.items()}
    clamped["pool"] = left
    request.extensions["timeout"] = clamped


class _Failure:
    """An attempt's transport failure with the phase it happened in (a value weighed for a retry, never raised)."""

    __slots__ = ("error", "phase")

    def __init__(self, error: httpx.TransportError, phase: str) -> None:
        self.error, self.phase = error, phase


def _where(request: httpx.Request) -> str:
    return f"{request.method} {redact(request.url.path)}"


def _raise_failure(failure: _Failure, request: httpx.Request, settings: "CallSettings", retries: int, why: str) -> None:
    err, what = failure.error, _where(request)
    deadline = DEADLINE.get()
    cause = err if redact(str(err)) == str(err) else None  # an httpx message that shows a secret stays behind
    notes = f" (after {retries} {'retry' if retries == 1 else 'retries'})" if retries else ""
    if deadline is not None and time.monotonic() >= deadline - 0.001:
        raise APITimeoutError(f"{what}: the {settings.deadline:g} s deadline ran out {failure.phase}{notes}") from cause
    if "deadline" in why:
        raise APITimeoutError(
            f"{what} failed {failure.phase} ({type(err).__name__}){notes}; not retried: {why}"
        ) from cause
    error = error_for_transport(err, method=request.method, path=redact(request.url.path), phase=failure.phase)
    if why and retries < settings.max_retries:  # stopped early: say why
        error = type(error)(f"{error.message}{notes}; not retried: {why}")
    elif notes:
        error = type(error)(f"{error.message}{notes}")
    raise error from cause


def _decide(
    outcome: Answer | _Failure, request: httpx.Request, retry: int, settings: "CallSettings"
) -> tuple[float | None, str]:
    """The wait before the next attempt, or None (and why) when this outcome is the call's answer. A status whose
    backoff (not a Retry-After the server asked for) would pass the deadline ends in APITimeoutError."""
    if isinstance(outcome, _Failure):
        if isinstance(outcome.error, httpx.PoolTimeout) or not _policy.is_retryable(request.method, status=None):
            return None, "not retryable"
        asked = None
    else:
        if not _policy.is_retryable(request.method, status=outcome.status_code):
            return None, ""
        asked = _policy.retry_after_seconds(outcome.headers, now=time.time())
    deadline = DEADLINE.get()
    wait, why = _policy.next_wait(
        retry=retry,
        max_retries=settings.max_retries,
        asked=asked,
        first=settings.retry_backoff,
        cap=settings.max_retry_wait,
        ceiling=settings.retry_after_ceiling,
        time_left=None if deadline is None else deadline - time.monotonic(),
        jitter=random.random(),
    )
    if wait is None and asked is None and "deadline" in why and isinstance(outcome, Answer):
        raise APITimeoutError(f"{_where(request)}: deadline reached after {outcome.status_code}: {why}")
    return wait, why


def _log_retry(request: httpx.Request, outcome: Answer | _Failure, retry: int, total: int, wait: float) -> None:
    after = str(outcome.status_code) if isinstance(outcome, Answer) else type(outcome.error).__name__
    logger.info("retrying %s in %.2f s (retry %d of %d, after %s)", _where(request), wait, retry, total, after)


def _log_attempt(request: httpx.Request, outcome: Answer | _Failure, attempt: int) -> None:
    if isinstance(outcome, Answer):
        rid = request_id_of(outcome.headers) or "-"
        logger.debug("%s attempt %d: %d (request id %s)", _where(request), attempt, outcome.status_code, rid)
    else:
        logger.debug(
            "%s attempt %d failed %s: %s", _where(request), attempt, outcome.phase, type(outcome.error).__name__
        )


class _Plan:
    """The attempts of one call, whatever does the I/O: `send` and `send_async` only send, read and wait, and ask
    this what each outcome means (the next request, the answer, the wait before retrying, or the package's error)."""

    __slots__ = ("deadline", "kwargs", "relative", "retry", "settings", "token")

    def __init__(self, kwargs: dict[str, Any], settings: "CallSettings") -> None:
        self.kwargs, self.settings, self.retry = kwargs, settings, 0
        self.deadline = None if settings.deadline is None else time.monotonic() + settings.deadline
        self.relative = "://" not in str(kwargs.get("url", ""))
        self.token = DEADLINE.set(self.deadline)

    def request(self, client: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        request = client.build_request(**self.kwargs)
        _clamped(request, self.deadline)
        if self.relative:  # built from the base URL: the origin guard need not look again (a redirect is new)
            request.extensions[CHECKED_URL] = request.url
        return request

    def unsent(self, err: httpx.RequestError, request: httpx.Request) -> _Failure:
        """No answer came: a failure to weigh for a retry, or (not a network failure) the call's error at once."""
        if isinstance(err, httpx.TransportError):
            return _Failure(err, _phase_of(err))
        # e.g. TooManyRedirects: never retried
        raise APIConnectionError(f"{_where(request)} failed: {type(err).__name__}: {err}") from None

    def unread(self, err: httpx.HTTPError, response: httpx.Response) -> _Failure:
        """The body did not arrive whole: a failure to weigh for a retry, or the call's error at once."""
        if isinstance(err, httpx.DecodingError):
            raise ResponseDecodeError(f"{response.status_code}: {err}", status_code=response.status_code, body=b"")
        if isinstance(err, httpx.TransportError):
            return _Failure(err, "while reading the response body")
        raise err

    def wait(self, outcome: Answer | _Failure, request: httpx.Request) -> float | None:
        """The seconds to wait before the next attempt, or None when `outcome` (a response) is the call's answer."""
        if logger.isEnabledFor(logging.DEBUG):  # the request-id lookup costs every call otherwise
            _log_attempt(request, outcome, self.retry + 1)
        if isinstance(outcome, Answer) and outcome.status_code not in _policy.RETRY_STATUSES:
            return None  # no policy retries this answer (most calls): decided at once
        wait, why = _decide(outcome, request, self.retry + 1, self.settings)
        if wait is None:
            if isinstance(outcome, _Failure):
                _raise_failure(outcome, request, self.settings, self.retry, why)
            return None
        self.retry += 1
        _log_retry(request, outcome, self.retry, self.settings.max_retries, wait)
        return wait


def send(client: httpx.Client, kwargs: dict[str, Any], settings: "CallSettings") -> Answer:
    """One call on a sync httpx client: the answer (body read) or the package's error."""
    plan = _Plan(kwargs, settings)
    try:
        while True:
            request = plan.request(client)
            outcome: Answer | _Failure
            try:
                response = client.send(request, stream=True)
            except httpx.RequestError as err:
                outcome = plan.unsent(err, request)
            else:
                try:
                    outcome = Answer(response, _body.read(response, settings.max_response_bytes))
                except httpx.HTTPError as err:
                    outcome = plan.unread(err, response)
                finally:
                    response.close()
            wait = plan.wait(outcome, request)
            if wait is None:
                assert isinstance(outcome, Answer)
                outcome.retries = plan.retry
                return outcome
            time.sleep(wait)
    finally:
        DEADLINE.reset(plan.token)


async def send_async(client: httpx.AsyncClient, kwargs: dict[str, Any], settings: "CallSettings") -> Answer:
    """Like `send`, on an async httpx client."""
    import asyncio  # here, not at module level: sync use never pays for importing asyncio

    plan = _Plan(kwargs, settings)
    try:
        while True:
            request = plan.request(client)
            outcome: Answer | _Failure
            try:
                response = await client.send(request, stream=True)
            except httpx.RequestError as err:
                outcome = plan.unsent(err, request)
            else:
                try:
                    outcome = Answer(response, await _body.aread(response, settings.max_response_bytes))
                except httpx.HTTPError as err:
                    outcome = plan.unread(err, response)
                finally:
                    await response.aclose()
            wait = plan.wait(outcome, request)
            if wait is None:
                assert isinstance(outcome, Answer)
                outcome.retries = plan.retry
                return outcome
            await asyncio.sleep(wait)
    finally:
        DEADLINE.reset(plan.token)
