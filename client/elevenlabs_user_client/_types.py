"""Contains some shared types for properties (the generator's own, kept as it writes them)."""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from .errors import ElevenLabsError


class Unset:
    """The type of `UNSET`: a field the response did not contain at all (missing), as opposed to `None`, a field
    the response contained as ``null``. Optional fields are typed ``X | Unset`` (may be missing) or
    ``X | None | Unset`` (may be missing or null); test with ``isinstance(value, Unset)`` (type checkers narrow on
    it) or turn a missing value into a default with `or_default`. `UNSET` is falsy, prints as ``UNSET``, and stays
    the one instance through copy, deepcopy and pickle, so ``value is UNSET`` holds too."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __copy__(self) -> "Unset":
        return self

    def __deepcopy__(self, memo: object) -> "Unset":
        return self

    def __reduce__(self) -> str:
        return "UNSET"  # pickled by name: unpickles to this module's UNSET


UNSET: Unset = Unset()
"""The value of every field a response did not contain (see `Unset`)."""

_T = TypeVar("_T")
_D = TypeVar("_D")


def or_default(value: "_T | Unset", default: _D) -> "_T | _D":
    """`value`, or `default` when it is missing (`UNSET`); ``None`` (the field was null) is kept.

    ``or_default(user.first_name, None)`` is a ``str | None``; ``or_default(sub.billing_period, None)`` a
    ``BillingPeriod | None``.
    """
    return default if isinstance(value, Unset) else value


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


class File:
    """Contains information for file uploads"""

    __slots__ = ("payload", "file_name", "mime_type")

    payload: BinaryIO
    file_name: str | None
    mime_type: str | None

    def __init__(self, payload: BinaryIO, file_name: str | None = None, mime_type: str | None = None) -> None:
        self.payload, self.file_name, self.mime_type = payload, file_name, mime_type

    def __repr__(self) -> str:
        return f"File(payload={self.payload!r}, file_name={self.file_name!r}, mime_type={self.mime_type!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, File):
            return NotImplemented
        return (self.payload, self.file_name, self.mime_type) == (other.payload, other.file_name, other.mime_type)

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


def http_status(code: int) -> HTTPStatus | int:
    """The answer's status as an HTTPStatus, or the bare number for one Python does not list (Cloudflare's 520-527)."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


class Response(Generic[T]):
    """The whole answer to a call, as `sync_detailed` / `asyncio_detailed` return it (they raise only when no
    answer came)."""

    # Plain classes, not attrs: this module is imported at every start, and an attrs class costs cold start its code
    # generation.
    __slots__ = ("status_code", "content", "headers", "parsed", "error")

    status_code: HTTPStatus | int
    """The HTTP status: an HTTPStatus, or the bare number for a status Python does not list (e.g. 520)."""
    content: bytes
    """The body as received."""
    headers: MutableMapping[str, str]
    """The response headers."""
    parsed: T | None
    """The documented success body as a model; None when the status is an error or the body does not parse."""
    error: ElevenLabsError | None
    """Why `parsed` is None: the error `sync()` would have raised (an `APIStatusError` subclass, a
    `ResponseDecodeError` or a `ResponseValidationError` with every violation); None when parsing succeeded."""

    def __init__(
        self,
        status_code: HTTPStatus | int,
        content: bytes,
        headers: MutableMapping[str, str],
        parsed: T | None,
        error: ElevenLabsError | None = None,
    ) -> None:
        self.status_code, self.content, self.headers, self.parsed, self.error = (
            status_code,
            content,
            headers,
            parsed,
            error,
        )

    def __repr__(self) -> str:
        return (
            f"Response(status_code={self.status_code!r}, content={self.content!r}, headers={self.headers!r}, "
            f"parsed={self.parsed!r}, error={self.error!r})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Response):
            return NotImplemented
        mine = (self.status_code, self.content, self.headers, self.parsed, self.error)
        return mine == (other.status_code, other.content, other.headers, other.parsed, other.error)
