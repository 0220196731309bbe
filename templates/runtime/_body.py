"""Reading a response body with a size bound, counted after decompression, with memory bounded by it.

gzip and deflate are decompressed here with zlib's `max_length`, so a compressed bomb never expands beyond the
bound (httpx would expand each network chunk whole first). Other encodings (br, zstd, when their packages are
installed) go through httpx's decoders and are checked chunk by chunk.
"""

import time
import zlib

import httpx

from ._deadline import DEADLINE

DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024  # these endpoints answer a few KiB


class BodyTooLarge(Exception):
    """The body passed the bound; `size` is how much had arrived (decompressed) when reading stopped."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"the response body exceeds {limit} bytes (after decompression); reading stopped")
        self.size, self.limit = size, limit


class _Collector:
    """Decompresses (gzip/deflate) or passes through, and counts against the bound."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.chunks: list[bytes] = []
        wbits = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}.get(encoding)
        self._zlib = None if wbits is None else zlib.decompressobj(wbits)
        self._deflate = encoding == "deflate"
        self._first = True

    def _add(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise BodyTooLarge(self.size, self.limit)
        self.chunks.append(data)
        deadline = DEADLINE.get()
        if deadline is not None and time.monotonic() > deadline:
            raise httpx.ReadTimeout("the call's deadline passed while the body was arriving")

    def feed(self, raw: bytes) -> None:
        if self._zlib is None:
            self._add(raw)
            return
        try:
            # At most one byte more than the bound allows: enough to know it was passed.
            self._add(self._zlib.decompress(raw, self.limit - self.size + 1))
        except zlib.error as err:
            if self._deflate and self._first:  # "deflate" is sometimes sent raw, without the zlib header
                self._zlib, self._first = zlib.decompressobj(-zlib.MAX_WBITS), False
                self.feed(raw)
                return
            raise httpx.DecodingError(f"the body is not valid {'deflate' if self._deflate else 'gzip'}: {err}") from err
        self._first = False

    def body(self) -> bytes:
        if self._zlib is not None:
            try:
                self._add(self._zlib.flush())
            except zlib.error as err:
                raise httpx.DecodingError(f"the compressed body is incomplete: {err}") from err
        return b"".join(self.chunks)


def _encoding(response: httpx.Response) -> str:
    return response.headers.get("content-encoding", "identity").strip().lower() or "identity"


def _handled(encoding: str) -> bool:
    return encoding in ("identity", "gzip", "x-gzip", "deflate")


def _plain(chunk: bytes, size: int, limit: int, deadline: float | None) -> int:
    """The size so far after an uncompressed chunk (the common case, kept lean), or BodyTooLarge / ReadTimeout."""
    size += len(chunk)
    if size > limit:
        raise BodyTooLarge(size, limit)
    if deadline is not None and time.monotonic() > deadline:
        raise httpx.ReadTimeout("the call's deadline passed while the body was arriving")
    return size


def _already_read(response: httpx.Response, limit: int) -> bytes:
    """The body of a response httpx has read already (httpx.MockTransport's, respx's, pytest-httpx's): bounded too."""
    body = response.content
    if len(body) > limit:
        raise BodyTooLarge(len(body), limit)
    return body


def read(response: httpx.Response, limit: int) -> bytes:
    """The whole (decoded) body of a streamed response, or BodyTooLarge; the response keeps it as `.content`."""
    if response.is_stream_consumed:
        return _already_read(response, limit)
    encoding = _encoding(response)
    if encoding == "identity":
        chunks, size, deadline = [], 0, DEADLINE.get()
        for chunk in response.iter_raw():
            size = _plain(chunk, size, limit, deadline)
            chunks.append(chunk)
        body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    else:
        collector = _Collector(encoding if _handled(encoding) else "identity", limit)
        for chunk in response.iter_raw() if _handled(encoding) else response.iter_bytes():
            collector.feed(chunk)
        body = collector.body()
    response._content = body  # what .read() would have stored: .content works as for any read response
    return body


async def aread(response: httpx.Response, limit: int) -> bytes:
    """Like `read`, for the async client."""
    if response.is_stream_consumed:
        return _already_read(response, limit)
    encoding = _encoding(response)
    if encoding == "identity":
        chunks, size, deadline = [], 0, DEADLINE.get()
        async for chunk in response.aiter_raw():
            size = _plain(chunk, size, limit, deadline)
            chunks.append(chunk)
        body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    else:
        collector = _Collector(encoding if _handled(encoding) else "identity", limit)
        async for chunk in response.aiter_raw() if _handled(encoding) else response.aiter_bytes():
            collector.feed(chunk)
        body = collector.body()
    response._content = body
    return body
