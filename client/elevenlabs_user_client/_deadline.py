"""The overall deadline of a call, enforced where the bytes move.

httpx's timeouts bound each network operation, not a call: a server that sends its headers one line at a time, or
endless `100 Continue`s, stays within every per-read timeout for as long as it likes. The call's deadline lives in a
context variable (per thread, per asyncio task); the network streams of the client's own transport clamp every
connect, read and write to the time left, so whatever the server does, the operation in progress times out when
the deadline passes. The client's own transports (DeadlineTransport, AsyncDeadlineTransport) own that pool, built
through httpcore's public constructor arguments, as httpx's HTTPTransport builds its own.
"""

import ssl
import time
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from contextvars import ContextVar
from typing import Any, NoReturn

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


# httpcore's errors as httpx's (the same names): a transport answers httpx's client in httpx's terms.
_ERRORS: tuple[tuple[type[Exception], type[Exception]], ...] = tuple(
    (getattr(httpcore, name), getattr(httpx, name))
    for name in (
        "ConnectTimeout", "ReadTimeout", "WriteTimeout", "PoolTimeout", "TimeoutException", "ConnectError",
        "ReadError", "WriteError", "NetworkError", "ProxyError", "RemoteProtocolError", "LocalProtocolError",
        "ProtocolError", "UnsupportedProtocol",
    )
)  # fmt: skip


def _raise_as_httpx(err: Exception) -> NoReturn:
    # A plain function, not a context manager: this runs twice per call, and `with` on a generator costs more.
    for core, ours in _ERRORS:
        if isinstance(err, core):
            raise ours(str(err)) from err
    raise err


_HTTPX_LIMITS = httpx.Limits()  # httpx's own default, for a transport built without the client's


def _pool_settings(
    verify: ssl.SSLContext | str | bool = True,
    cert: Any = None,
    trust_env: bool = True,
    limits: httpx.Limits = _HTTPX_LIMITS,
    proxy: Any = None,
    **rest: Any,
) -> dict[str, Any]:
    """httpx.HTTPTransport's arguments as httpcore's pool takes them (the same mapping httpx makes)."""
    if proxy is not None:
        proxy = proxy if isinstance(proxy, httpx.Proxy) else httpx.Proxy(proxy)
        proxy = httpcore.Proxy(
            url=_url(proxy.url), auth=proxy.raw_auth, headers=proxy.headers.raw, ssl_context=proxy.ssl_context
        )
    return {
        "ssl_context": httpx.create_ssl_context(verify=verify, cert=cert, trust_env=trust_env),
        "max_connections": limits.max_connections,
        "max_keepalive_connections": limits.max_keepalive_connections,
        "keepalive_expiry": limits.keepalive_expiry,
        "proxy": proxy,
        **rest,
    }


def _url(url: httpx.URL) -> httpcore.URL:
    return httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path)


def _core_request(request: httpx.Request) -> httpcore.Request:
    return httpcore.Request(
        method=request.method, url=_url(request.url), headers=request.headers.raw, content=request.stream,
        extensions=request.extensions,
    )  # fmt: skip


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._stream
        except Exception as err:
            _raise_as_httpx(err)

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class _AsyncBody(httpx.AsyncByteStream):
    def __init__(self, stream: AsyncIterable[bytes]) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._stream:
                yield chunk
        except Exception as err:
            _raise_as_httpx(err)

    async def aclose(self) -> None:
        close = getattr(self._stream, "aclose", None)
        if close is not None:
            await close()


class DeadlineTransport(httpx.BaseTransport):
    """httpx.HTTPTransport's job (it takes the same arguments), over an httpcore pool whose network backend clamps
    every connect, read and write to the call's deadline: built through public constructor arguments only."""

    def __init__(self, **settings: Any) -> None:
        self._pool = httpcore.ConnectionPool(
            network_backend=_Backend(httpcore.SyncBackend()), **_pool_settings(**settings)
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        try:
            answer = self._pool.handle_request(_core_request(request))
        except Exception as err:
            _raise_as_httpx(err)
        assert isinstance(answer.stream, Iterable)
        return httpx.Response(
            answer.status, headers=answer.headers, stream=_Body(answer.stream), extensions=answer.extensions
        )

    def close(self) -> None:
        self._pool.close()


class AsyncDeadlineTransport(httpx.AsyncBaseTransport):
    """DeadlineTransport for the async client (anyio's backend, as httpx's own async transport uses)."""

    def __init__(self, **settings: Any) -> None:
        backend = _AsyncBackend(httpcore.AnyIOBackend())
        self._pool = httpcore.AsyncConnectionPool(network_backend=backend, **_pool_settings(**settings))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            answer = await self._pool.handle_async_request(_core_request(request))
        except Exception as err:
            _raise_as_httpx(err)
        assert isinstance(answer.stream, AsyncIterable)
        stream = _AsyncBody(answer.stream)
        return httpx.Response(answer.status, headers=answer.headers, stream=stream, extensions=answer.extensions)

    async def aclose(self) -> None:
        await self._pool.aclose()
