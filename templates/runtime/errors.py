"""Every failure of this package is an ElevenLabsError; catch that one class to handle them all.

ElevenLabsError
├── MissingAPIKeyError           no key given and none in the environment
├── APIConnectionError           the request never got an HTTP answer (connect, read, write, protocol errors)
│   └── APITimeoutError          ... because a timeout or the overall deadline ran out
├── APIStatusError               the server answered with an error status (one subclass per meaningful status)
└── ResponseError                the answer had a success status but not the documented body
    ├── ResponseDecodeError      not JSON, or not the JSON shape expected (HTML, truncated, empty, a list)
    └── ResponseValidationError  JSON that violates the response schema (every violation, with its JSON path)
"""

import json
from collections.abc import Iterable, Mapping
from http import HTTPStatus
from typing import Any

import httpx
from httpx_retries import Retry

from ._secrets import redact

# Headers that identify a request in the server's logs: quote them to ElevenLabs support.
REQUEST_ID_HEADERS = ("request-id", "x-request-id", "x-trace-id", "x-amzn-trace-id", "cf-ray")
_EXCERPT_CHARS = 200


class ElevenLabsError(Exception):
    """Base class of every error raised by this package."""

    def __init__(self, message: str) -> None:
        self.message: str = redact(message)
        super().__init__(self.message)


class MissingAPIKeyError(ElevenLabsError):
    """No API key was passed and none is set in the environment."""


class APIStatusError(ElevenLabsError):
    """The server answered with a status the operation does not succeed with.

    `detail` is the parsed `detail` of ElevenLabs' error body: a dict (`{"status": ..., "message": ...}`), a list of
    validation errors (422), a string, or None when the body had none. `headers` are the response headers.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        headers: Mapping[str, str],
        body: bytes,
        detail: Any = None,
        request_id: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.status_code = status_code
        self.headers: dict[str, str] = dict(headers)
        self.body = body
        self.detail = detail
        self.request_id = request_id
        self.retry_after = retry_after
        super().__init__(message)

    @property
    def content(self) -> bytes:
        """The raw body (the name the stock generator's UnexpectedStatus used)."""
        return self.body


class BadRequestError(APIStatusError):
    """400"""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the key is valid but lacks the permission."""


class NotFoundError(APIStatusError):
    """404"""


class ConflictError(APIStatusError):
    """409"""


class UnprocessableEntityError(APIStatusError):
    """422: the request failed validation; `detail` lists the errors."""


class RateLimitError(APIStatusError):
    """429: too many requests or concurrent requests; `retry_after` says how long the server asked to wait."""


class InternalServerError(APIStatusError):
    """5xx"""


class UnexpectedStatus(APIStatusError):
    """A status that is neither documented for the operation nor an error (e.g. a redirect or an undocumented 2xx)."""


_ERROR_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """How long the server asked to wait: `retry-after-ms`, else `Retry-After` (seconds or HTTP date), else None."""
    millis = headers.get("retry-after-ms", "").strip()
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after", "").strip()
    if value:
        try:
            return Retry(total=0).parse_retry_after(value)  # httpx-retries' parser: seconds or HTTP date
        except ValueError:
            return None
    return None


def _describe_detail(detail: Any) -> str:
    if isinstance(detail, dict):
        code, text = detail.get("status") or detail.get("code"), detail.get("message")
        parts = [str(p) for p in (code, text) if p]
        return ": ".join(parts) if parts else str(detail)
    if isinstance(detail, list):
        items = []
        for item in detail:
            if isinstance(item, dict):
                loc = ".".join(str(p) for p in item.get("loc", []))
                items.append(f"{loc}: {item.get('msg', item)}" if loc else str(item.get("msg", item)))
            else:
                items.append(str(item))
        return "; ".join(items)
    return str(detail)


def _detail_of(body: bytes) -> tuple[Any, str]:
    """The body's `detail` and a one-line description of it (an excerpt when the body is not ElevenLabs' JSON)."""
    try:
        data = json.loads(body) if body.strip() else None
    except (UnicodeDecodeError, ValueError):
        return None, excerpt(body)
    if isinstance(data, dict) and "detail" in data:
        return data["detail"], _describe_detail(data["detail"])
    return None, excerpt(body)


def error_for_status(status_code: int, headers: Mapping[str, str], body: bytes, *, retries: int = 0) -> APIStatusError:
    """The one place that maps an HTTP answer the operation cannot succeed with to the hierarchy's error."""
    if status_code in _ERROR_CLASSES:
        cls = _ERROR_CLASSES[status_code]
    elif status_code >= 500:
        cls = InternalServerError
    elif status_code >= 400:
        cls = APIStatusError
    else:
        cls = UnexpectedStatus
    try:
        phrase = HTTPStatus(status_code).phrase
    except ValueError:
        phrase = "Unknown Status"
    detail, described = _detail_of(body)
    request_id = request_id_of(headers)
    retry_after = retry_after_seconds(headers)
    notes = []
    if retries:
        notes.append(f"after {retries} {'retry' if retries == 1 else 'retries'}")
    if retry_after is not None and status_code in (429, 503):
        notes.append(f"server asked to wait {retry_after:g} s")
    if request_id:
        notes.append(f"request id {request_id}")
    suffix = f" ({'; '.join(notes)})" if notes else ""
    return cls(
        f"{status_code} {phrase}: {described}{suffix}",
        status_code=status_code,
        headers=headers,
        body=body,
        detail=detail,
        request_id=request_id,
        retry_after=retry_after,
    )


class APIConnectionError(ElevenLabsError):
    """The request got no HTTP answer; the httpx exception is the `__cause__`."""


class APITimeoutError(APIConnectionError):
    """A timeout (connect, read, write, pool) or the client's overall deadline ran out."""


class ResponseError(ElevenLabsError):
    """A success status whose body is not the documented one."""

    def __init__(self, message: str, *, status_code: int, body: bytes) -> None:
        self.status_code = status_code
        self.body = body
        super().__init__(message)


class ResponseDecodeError(ResponseError):
    """The body is not the documented JSON (HTML, truncated, empty, a list instead of an object, ...)."""


class ResponseValidationError(ResponseError, ValueError):
    """The JSON body violates the response schema; `violations` lists each problem as `<json path>: <what>`.

    Also a ValueError, so the generator's union parsing (try one variant, on ValueError the next) keeps working.
    """

    def __init__(self, model: str, violations: Iterable[str], *, status_code: int = 200, body: bytes = b"") -> None:
        self.model = model
        self.violations: list[str] = [redact(v) for v in violations]
        listed = "\n".join(f"  - {v}" for v in self.violations)
        super().__init__(
            f"response does not match {model} ({len(self.violations)} problem{'s' if len(self.violations) != 1 else ''}):"
            f"\n{listed}",
            status_code=status_code,
            body=body,
        )


def excerpt(body: bytes) -> str:
    """A short, printable start of a body for error messages."""
    text = body[:_EXCERPT_CHARS].decode("utf-8", errors="replace")
    more = "…" if len(body) > _EXCERPT_CHARS else ""
    return repr(text + more) if body else "(empty body)"


def request_id_of(headers: Mapping[str, str]) -> str | None:
    """The first request/trace id header the server sent, if any."""
    for name in REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value
    return None


def error_for_transport(err: Exception, *, method: str, path: str) -> APIConnectionError:
    """The hierarchy's error for an httpx transport failure (raise it `from err`)."""
    what = f"{method} {path}"
    if isinstance(err, httpx.TimeoutException):
        return APITimeoutError(f"{what} timed out ({type(err).__name__}): {err}")
    return APIConnectionError(f"{what} failed before an HTTP answer ({type(err).__name__}): {err}")


def decode_json(status_code: int, body: bytes) -> Any:
    """Parse a JSON body or raise ResponseDecodeError naming the status and showing the start of the body."""
    if not body.strip():
        raise ResponseDecodeError(
            f"{status_code}: expected a JSON body, got {excerpt(body)}", status_code=status_code, body=body
        )
    try:
        return json.loads(body)
    except (UnicodeDecodeError, ValueError) as err:
        raise ResponseDecodeError(
            f"{status_code}: body is not valid JSON ({err}); starts with {excerpt(body)}",
            status_code=status_code,
            body=body,
        ) from err


__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ElevenLabsError",
    "InternalServerError",
    "MissingAPIKeyError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "ResponseError",
    "ResponseValidationError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "error_for_status",
]
