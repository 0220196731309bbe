"""Every failure of this package is an ElevenLabsError; catch that one class to handle them all.

ElevenLabsError
├── ConfigurationError           the client cannot be built as asked (no key, a bad key or base URL), or was closed
│   ├── MissingAPIKeyError       no key given and none in the environment
│   └── ClientClosedError        the client was used after `with client:` ended or close() was called
├── APIConnectionError           the request got no complete HTTP answer (connect, send, headers or body failed)
│   └── APITimeoutError          ... because a timeout or the overall deadline ran out
├── APIStatusError               the server answered with an error status (one subclass per meaningful status)
└── ResponseError                the answer had a success status but not the documented body
    ├── ResponseDecodeError      not JSON, or not the JSON shape expected (HTML, truncated, empty, a list, too deep)
    ├── ResponseTooLargeError    the body grew beyond the client's max_response_bytes (after decompression)
    └── ResponseValidationError  JSON that violates the response schema (every violation, with its JSON path)
        └── BrokenFieldError     lenient mode: reading a field (or map entry) that arrived broken, after the call
"""

import time
from collections.abc import Iterable, Mapping
from http import HTTPStatus
from typing import Any

import httpx

from . import _decode, _policy
from ._secrets import redact, redact_bytes, redact_value

# Headers that identify a request in the server's logs: quote them to ElevenLabs support.
REQUEST_ID_HEADERS = ("request-id", "x-request-id", "x-trace-id", "x-amzn-trace-id", "cf-ray")
_EXCERPT_CHARS = 200


def _rebuild(cls: type["ElevenLabsError"], message: str, state: dict[str, Any]) -> "ElevenLabsError":
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class ElevenLabsError(Exception):
    """Base class of every error raised by this package. Its text never holds a registered secret (the API key)."""

    def __init__(self, message: str) -> None:
        self.message: str = redact(message)
        super().__init__(self.message)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickles (a ProcessPoolExecutor worker's error) rebuild without calling __init__'s keyword arguments.
        return (_rebuild, (type(self), self.message, dict(self.__dict__)))


class ConfigurationError(ElevenLabsError, ValueError):
    """The client cannot be built or used as asked: the message says which setting (and which env var) is wrong."""


class MissingAPIKeyError(ConfigurationError):
    """No API key was passed and none is set in the environment."""


class ClientClosedError(ConfigurationError):
    """The client was closed (its `with` block ended, or close() was called): create a new one."""


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
        self.headers: dict[str, str] = {k: redact(v) for k, v in headers.items()}
        self.body: bytes = redact_bytes(body)
        self.detail: Any = redact_value(detail)
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
    """How long the server asked to wait (see _policy.retry_after_seconds), from the current time."""
    return _policy.retry_after_seconds(headers, now=time.time())


def _describe_item(item: Any) -> str:
    """One entry of a 422/400 `detail` list, whatever its shape (`loc` may be missing, null, a scalar, a list)."""
    if not isinstance(item, dict):
        return str(item)
    loc = item.get("loc")
    where = ".".join(str(p) for p in loc) if isinstance(loc, list) else ("" if loc is None else str(loc))
    what = item.get("msg", item.get("message"))
    text = str(item) if what is None else str(what)
    return f"{where}: {text}" if where else text


def _describe_detail(detail: Any) -> str:
    if isinstance(detail, dict):
        code, text = detail.get("status") or detail.get("code"), detail.get("message")
        parts = [str(p) for p in (code, text) if p]
        return ": ".join(parts) if parts else str(detail)
    if isinstance(detail, list):
        if not detail:
            return "the server gave no details (empty `detail` list)"
        return "; ".join(_describe_item(item) for item in detail)
    if detail is None or detail == "":
        return "the server gave no details"
    return str(detail)


def _detail_of(body: bytes) -> tuple[Any, str]:
    """The body's `detail` and a one-line description of it (an excerpt when the body is not ElevenLabs' JSON)."""
    try:
        data = _decode.loads(body) if body.strip() else None
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
        self.body: bytes = redact_bytes(body)
        super().__init__(message)


class ResponseTooLargeError(ResponseError):
    """The body grew beyond the client's `max_response_bytes` (counted after decompression); reading stopped."""


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


class BrokenFieldError(ResponseValidationError, AttributeError):
    """Reading a field of a model that arrived broken (missing, or of the wrong type) in lenient mode: raised when
    the field is read, after the call returned. Also an AttributeError, so ``hasattr(model, name)`` is False and
    ``getattr(model, name, default)`` gives the default; a typed map's broken entry raises it from ``model[key]``."""


def excerpt(body: bytes) -> str:
    """A short, printable start of a body for error messages."""
    # Masked before it is cut, so a secret the cut would split is masked whole (redact also masks cut pieces).
    text = redact(body[: _EXCERPT_CHARS * 2].decode("utf-8", errors="replace"))[:_EXCERPT_CHARS]
    more = "…" if len(body) > _EXCERPT_CHARS else ""
    return repr(text + more) if body else "(empty body)"


def request_id_of(headers: Mapping[str, str]) -> str | None:
    """The first request/trace id header the server sent, if any."""
    for name in REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value
    return None


def error_for_transport(err: Exception, *, method: str, path: str, phase: str) -> APIConnectionError:
    """The hierarchy's error for an httpx transport failure in `phase` (e.g. "while reading the response body");
    raise it `from err` (or from None when the httpx message would show a secret)."""
    what = f"{method} {path}"
    if isinstance(err, httpx.TimeoutException):
        return APITimeoutError(f"{what} timed out {phase} ({type(err).__name__}): {err}")
    return APIConnectionError(f"{what} failed {phase} ({type(err).__name__}): {err}")


def decode_json(status_code: int, body: bytes) -> Any:
    """Parse a JSON body or raise ResponseDecodeError naming the status and showing the start of the body."""
    if not body or body.isspace():  # (no stripped copy of every body)
        raise ResponseDecodeError(
            f"{status_code}: expected a JSON body, got {excerpt(body)}", status_code=status_code, body=body
        )
    try:
        return _decode.loads(body)
    except _decode.DecodeLimitError as err:
        raise ResponseDecodeError(
            f"{status_code}: body refused ({err}); starts with {excerpt(body)}", status_code=status_code, body=body
        ) from None
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
    "ClientClosedError",
    "ConfigurationError",
    "ConflictError",
    "ElevenLabsError",
    "InternalServerError",
    "MissingAPIKeyError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "ResponseError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "error_for_status",
]
