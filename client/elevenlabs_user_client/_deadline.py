"""The overall deadline of a call, enforced where the bytes move.

httpx's timeouts bound each network operation, not a call: a server that sends its headers one line at a time, or
endless `100 Continue`s, stays within every per-read timeout for as long as it likes. The call's deadline lives in a
context variable (per thread, per asyncio task); the network streams of the client's own transport clamp every
connect, read and write to the time left, so whatever the server does, the operation in progress times out when
the deadline passes.
"""

import ssl
import time
from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

# time.monotonic() value at which the current call must end; None outside calls or when unbounded.
DEADLINE: ContextVar[float | None] = ContextVar("elevenlabs_deadline", default=None)


def time_left() -> float | None:
    deadline = DEADLINE.get()
    return None if deadline is None else deadline - time.monotonic()


def _clamp(timeout: float | None, error: type[Exception]) -> float | None:
    deadline = DEADLINE.get()  # (time_left() inlined: this runs for every read and write of every call)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the call's deadline passed")
    return left if timeout is None or timeout > left else timeout


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _clamp(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        inner = await self._inner.start_tls(ssl_context, server_hostname, _clamp(timeout, httpcore.ConnectTimeout))
        return _AsyncStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


_SocketOptions = Iterable[Any] | None


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: _SocketOptions = None,
    ) -> httpcore.NetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: _SocketOptions = None
    ) -> httpcore.NetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: _SocketOptions = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: _SocketOptions = None
    ) -> httpcore.AsyncNetworkStream:
        timeout = _clamp(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def bound_by_deadline(transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> bool:
    """Make an httpx.HTTPTransport / AsyncHTTPTransport clamp its network operations to the call's deadline.
    False when the transport is not one (a caller's own transport): then the deadline bounds each attempt's
    timeouts and the body, not a server that dribbles its headers."""
    pool = getattr(transport, "_pool", None)  # httpx keeps its httpcore pool here (httpx 0.2x)
    backend = getattr(pool, "_network_backend", None)  # and httpcore its backend here (httpcore 1.x)
    if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, _Backend):
        pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
        return True
    if isinstance(backend, httpcore.AsyncNetworkBackend) and not isinstance(backend, _AsyncBackend):
        pool._network_backend = _AsyncBackend(backend)  # type: ignore[union-attr]
        return True
    return isinstance(backend, _Backend | _AsyncBackend)
