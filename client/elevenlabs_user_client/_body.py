"""Reading a response body with a size bound, counted after decompression, with memory bounded by it.

A body that is not encoded (the common case) is read raw and measured chunk by chunk. An encoded body's stream is
wrapped (`Response.stream`, public) so that each raw chunk is measured before httpx decodes it: gzip and deflate
by decompressing alongside with zlib's `max_length`, so a compressed bomb is stopped before httpx expands the chunk
that would pass the bound; other encodings (br, zstd, when their packages are installed) once httpx has decoded
them. A body a mock transport has already read is measured as it is. Only public httpx APIs are used.
"""

import time
import zlib
from collections.abc import AsyncIterator, Iterator

import httpx

from ._deadline import DEADLINE
from .errors import ResponseTooLargeError

DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024  # these endpoints answer a few KiB
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def _too_large(status_code: int, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{status_code}: the response body exceeds {limit} bytes (after decompression); reading stopped; "
        "raise the client's max_response_bytes if this answer is expected",
        status_code=status_code,
        body=b"",
    )


class _Measured(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response's stream, each raw chunk measured (size after decompression, the call's deadline) on its way."""

    __slots__ = ("deadline", "limit", "raw_deflate_tried", "size", "status_code", "stream", "zlib")

    def __init__(self, response: httpx.Response, encoding: str, limit: int) -> None:
        self.stream, self.limit, self.size, self.deadline = response.stream, limit, 0, DEADLINE.get()
        self.status_code = response.status_code
        wbits = _WBITS.get(encoding)
        self.zlib = None if wbits is None else zlib.decompressobj(wbits)
        self.raw_deflate_tried = encoding != "deflate"  # "deflate" is sometimes sent raw, without the zlib header

    def measure(self, chunk: bytes) -> None:
        self.size += len(chunk) if self.zlib is None else self._inflated(chunk)
        if self.size > self.limit:
            raise _too_large(self.status_code, self.limit)
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise httpx.ReadTimeout("the call's deadline passed while the body was arriving")

    def _inflated(self, chunk: bytes) -> int:
        assert self.zlib is not None
        try:  # at most one byte more than the bound allows: enough to know it was passed
            return len(self.zlib.decompress(chunk, self.limit - self.size + 1))
        except zlib.error:
            if self.raw_deflate_tried:
                raise httpx.DecodingError("the compressed body is not valid") from None
        self.zlib, self.raw_deflate_tried = zlib.decompressobj(-zlib.MAX_WBITS), True
        return self._inflated(chunk)

    def __iter__(self) -> Iterator[bytes]:
        assert isinstance(self.stream, httpx.SyncByteStream)
        for chunk in self.stream:
            self.measure(chunk)
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self.stream, httpx.AsyncByteStream)
        async for chunk in self.stream:
            self.measure(chunk)
            yield chunk

    def close(self) -> None:
        assert isinstance(self.stream, httpx.SyncByteStream)
        self.stream.close()

    async def aclose(self) -> None:
        assert isinstance(self.stream, httpx.AsyncByteStream)
        await self.stream.aclose()


def _within(body: bytes, response: httpx.Response, limit: int) -> bytes:
    if len(body) > limit:  # an encoding measured only once decoded, or a body a mock transport had read
        raise _too_large(response.status_code, limit)
    return body


def _plain(size: int, response: httpx.Response, limit: int, deadline: float | None) -> None:
    """Measure a body that is not encoded (the common case: no wrapper, no decoder)."""
    if size > limit:
        raise _too_large(response.status_code, limit)
    if deadline is not None and time.monotonic() > deadline:
        raise httpx.ReadTimeout("the call's deadline passed while the body was arriving")


def _encoded(response: httpx.Response, limit: int) -> bool:
    """True when the body is encoded: its stream is then wrapped, measured before httpx decodes each chunk."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower() or "identity"
    if encoding == "identity":
        return False
    response.stream = _Measured(response, encoding, limit)
    return True


def read(response: httpx.Response, limit: int) -> bytes:
    """The whole decoded body of a streamed response, or ResponseTooLargeError / ReadTimeout / httpx.DecodingError."""
    if response.is_stream_consumed:  # read already by httpx.MockTransport, respx or pytest-httpx
        return _within(response.content, response, limit)
    if _encoded(response, limit):
        return _within(b"".join(response.iter_bytes()), response, limit)
    chunks, size, deadline = [], 0, DEADLINE.get()
    for chunk in response.iter_raw():
        size += len(chunk)
        _plain(size, response, limit, deadline)
        chunks.append(chunk)
    return b"".join(chunks)


async def aread(response: httpx.Response, limit: int) -> bytes:
    """Like `read`, for the async client."""
    if response.is_stream_consumed:
        return _within(response.content, response, limit)
    if _encoded(response, limit):
        return _within(b"".join([chunk async for chunk in response.aiter_bytes()]), response, limit)
    chunks, size, deadline = [], 0, DEADLINE.get()
    async for chunk in response.aiter_raw():
        size += len(chunk)
        _plain(size, response, limit, deadline)
        chunks.append(chunk)
    return b"".join(chunks)
