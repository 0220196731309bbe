"""The transport stack of every call: retries (httpx-retries), the overall deadline, Retry-After handling."""

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Iterator

import httpx
from httpx_retries import Retry

from ._logging import logger
from .errors import request_id_of, retry_after_seconds

# --- Retries: httpx-retries' RetryTransport, with what it lacks added around it ---------------------------------
# Transport stack per httpx client:  RetryTransport(RetryPolicy)  ->  GuardTransport  ->  httpx.HTTPTransport
#   RetryPolicy       waits: `retry-after-ms`, else Retry-After in full (the library caps it at max_backoff_wait),
#                     else the library's jittered exponential backoff; never past the overall deadline.
#   GuardTransport   per attempt: enforces the deadline (clamps each attempt's timeouts to the time left and
#                     stops a body that dribbles past it), stops retrying when the server asks to wait longer than
#                     the ceiling or the time left, logs metadata.

RETRY_METHODS = ("GET", "HEAD", "OPTIONS")  # idempotent; this API's operations are GETs
RETRY_STATUSES = (408, 409, 429, 500, 501, 502, 503, 504)
_DEADLINE = "elevenlabs.deadline"
_ATTEMPT = "elevenlabs.attempt"


class DeadlineExceeded(Exception):
    """The client's overall deadline ran out (becomes errors.APITimeoutError)."""


class WaitBeyondCeiling(Exception):
    """The server asked to wait longer than the client allows: stop retrying and hand its answer back."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"server asked to wait beyond the ceiling ({response.status_code})")
        self.response = response


def _request_of(outcome: httpx.Response | Exception) -> httpx.Request | None:
    """The request an attempt's outcome belongs to (GuardTransport attaches it to both kinds of outcome)."""
    if not isinstance(outcome, httpx.Response | httpx.HTTPError):
        return None
    try:
        return outcome.request
    except RuntimeError:
        return None


def _time_left(request: httpx.Request | None) -> float | None:
    deadline = request.extensions.get(_DEADLINE) if request is not None else None
    return None if deadline is None else float(deadline) - time.monotonic()


class RetryPolicy(Retry):
    def _wait_before_retry(self, outcome: httpx.Response | Exception) -> float:
        request = _request_of(outcome)
        if isinstance(outcome, httpx.Response):
            asked = retry_after_seconds(outcome.headers)
            wait = self.backoff_strategy() if asked is None else asked
            after = str(outcome.status_code)
        else:
            wait, after = self.backoff_strategy(), type(outcome).__name__
        left = _time_left(request)
        if left is not None and wait >= left:
            message = f"deadline reached: retry {self.attempts_made} would start after it (last outcome: {after})"
            if isinstance(outcome, Exception):
                raise DeadlineExceeded(message) from outcome
            raise DeadlineExceeded(message)
        target = f"{request.method} {request.url.path}" if request is not None else "request"
        logger.info(
            "retrying %s in %.2f s (retry %d of %d, after %s)", target, wait, self.attempts_made, self.total, after
        )
        return wait

    def sleep(self, response: httpx.Response | Exception) -> None:
        wait = self._wait_before_retry(response)
        time.sleep(wait)
        self.elapsed_sleep += wait

    async def asleep(self, response: httpx.Response | Exception) -> None:
        wait = self._wait_before_retry(response)
        await asyncio.sleep(wait)
        self.elapsed_sleep += wait


class _DeadlineStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that stops at the deadline: httpx's read timeout bounds each chunk, not the whole body."""

    def __init__(self, inner: httpx.SyncByteStream | httpx.AsyncByteStream, deadline: float) -> None:
        self._inner, self._deadline = inner, deadline

    def _check(self) -> None:
        if time.monotonic() > self._deadline:
            raise httpx.ReadTimeout("the deadline passed while the body was still arriving")

    def __iter__(self) -> Iterator[bytes]:
        assert isinstance(self._inner, httpx.SyncByteStream)
        for chunk in self._inner:
            self._check()
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self._inner, httpx.AsyncByteStream)
        async for chunk in self._inner:
            self._check()
            yield chunk

    def close(self) -> None:
        if isinstance(self._inner, httpx.SyncByteStream):
            self._inner.close()

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncByteStream):
            await self._inner.aclose()


class GuardTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.BaseTransport | httpx.AsyncBaseTransport,
        *,
        deadline: float | None,
        retry_after_ceiling: float,
    ) -> None:
        self._inner = inner
        self._deadline = deadline
        self._ceiling = retry_after_ceiling

    def _before(self, request: httpx.Request) -> int:
        attempt = int(request.extensions.get(_ATTEMPT, 0)) + 1
        request.extensions[_ATTEMPT] = attempt
        if self._deadline is not None:
            request.extensions.setdefault(_DEADLINE, time.monotonic() + self._deadline)
            left = _time_left(request)
            assert left is not None
            if left <= 0:
                raise DeadlineExceeded(f"the {self._deadline:g} s deadline passed before attempt {attempt}")
            timeouts = request.extensions.get("timeout", {})
            request.extensions["timeout"] = {k: left if v is None else min(v, left) for k, v in timeouts.items()}
        return attempt

    def _after(self, request: httpx.Request, response: httpx.Response, attempt: int) -> bool:
        """Log the attempt; True when the server asked to wait longer than the ceiling or the time left: then the
        call stops retrying and ends with the server's answer (e.g. RateLimitError with its retry_after)."""
        response.request = request
        deadline = request.extensions.get(_DEADLINE)
        if deadline is not None:
            response.stream = _DeadlineStream(response.stream, float(deadline))
        if logger.isEnabledFor(logging.DEBUG):  # the request-id lookup costs every call otherwise, logged or not
            logger.debug(
                "%s %s attempt %d: %d (request id %s)",
                request.method, request.url.path, attempt, response.status_code, request_id_of(response.headers) or "-",
            )  # fmt: skip
        asked = retry_after_seconds(response.headers) if response.status_code in RETRY_STATUSES else None
        if asked is None:
            return False
        left = _time_left(request)
        return asked > self._ceiling or (left is not None and asked >= left)

    def _failed(self, request: httpx.Request, err: httpx.HTTPError, attempt: int) -> None:
        err.request = request
        logger.debug("%s %s attempt %d failed: %s", request.method, request.url.path, attempt, type(err).__name__)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._inner, httpx.BaseTransport)
        attempt = self._before(request)
        try:
            response = self._inner.handle_request(request)
        except httpx.HTTPError as err:
            self._failed(request, err, attempt)
            raise
        if self._after(request, response, attempt):
            response.read()
            raise WaitBeyondCeiling(response)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._inner, httpx.AsyncBaseTransport)
        attempt = self._before(request)
        try:
            response = await self._inner.handle_async_request(request)
        except httpx.HTTPError as err:
            self._failed(request, err, attempt)
            raise
        if self._after(request, response, attempt):
            await response.aread()
            raise WaitBeyondCeiling(response)
        return response

    def close(self) -> None:
        if isinstance(self._inner, httpx.BaseTransport):
            self._inner.close()

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncBaseTransport):
            await self._inner.aclose()
