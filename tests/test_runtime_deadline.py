"""A true deadline, retries that cover the body, pool waits that are not failed attempts, a response size bound:
against loopback servers scripted byte by byte (tests/raw_server.py)."""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from elevenlabs_user_client import errors
from elevenlabs_user_client.api.user import get_user
from keepalive_server import KeepAliveServer
from raw_server import raw_server, read_request

from scripts.paths import FIXTURES_DIR

USER = (FIXTURES_DIR / "upstream-example-user.json").read_bytes()
SLACK = 0.5  # the bound: APITimeoutError within deadline + 0.5 s, whatever the server does


def _ok(sock: socket.socket, body: bytes = USER) -> None:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    sock.sendall(head.encode() + body)


def _headers_one_line_per_200_ms(sock: socket.socket, n: int) -> None:
    read_request(sock)
    sock.sendall(b"HTTP/1.1 200 OK\r\n")
    for i in range(10_000):
        sock.sendall(f"X-Slow-{i}: 1\r\n".encode())
        time.sleep(0.2)


def _endless_100_continue(sock: socket.socket, n: int) -> None:
    read_request(sock)
    for _ in range(10_000):
        sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
        time.sleep(0.1)


def _body_dribble(sock: socket.socket, n: int) -> None:
    read_request(sock)
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
    for _ in range(100_000):
        sock.sendall(b" ")
        time.sleep(0.05)


def _silent(sock: socket.socket, n: int) -> None:
    read_request(sock)
    time.sleep(30)


SLOW_SERVERS = {
    "headers-one-line-per-200ms": _headers_one_line_per_200_ms,
    "endless-100-continue": _endless_100_continue,
    "body-one-byte-per-50ms": _body_dribble,
    "no-answer": _silent,
}


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("server", list(SLOW_SERVERS), ids=list(SLOW_SERVERS))
def test_the_deadline_holds_whatever_the_server_does(client_for: Callable[..., Any], server: str, kind: str) -> None:
    deadline = 1.0
    with raw_server(SLOW_SERVERS[server]) as url:
        # Per-read timeouts far above the deadline: only the deadline can end these calls in time.
        client = client_for(url, deadline=deadline, timeout=30.0)
        start = time.monotonic()
        with pytest.raises(errors.APITimeoutError) as caught:
            if kind == "sync":
                get_user.sync(client=client)
            else:
                asyncio.run(get_user.asyncio(client=client))
        took = time.monotonic() - start
    assert took < deadline + SLACK, took
    assert "deadline" in str(caught.value)


def _drop_mid_body_then_ok(sock: socket.socket, n: int) -> None:
    read_request(sock)
    if n == 0:
        sock.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"user')
        sock.close()
        return
    _ok(sock)


def _stall_mid_body_then_ok(sock: socket.socket, n: int) -> None:
    read_request(sock)
    if n == 0:
        sock.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"user')
        time.sleep(3)
        return
    _ok(sock)


def _always_drop_mid_body(sock: socket.socket, n: int) -> None:
    read_request(sock)
    sock.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"user')
    sock.close()


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("script", [_drop_mid_body_then_ok, _stall_mid_body_then_ok], ids=["dropped", "stalled"])
def test_a_failure_while_reading_the_body_is_retried(client_for: Callable[..., Any], script: Any, kind: str) -> None:
    with raw_server(script) as url:
        client = client_for(url, timeout=0.5)
        user = get_user.sync(client=client) if kind == "sync" else asyncio.run(get_user.asyncio(client=client))
    assert user.user_id == "1234567890"


def test_the_error_names_the_phase_that_failed(client_for: Callable[..., Any]) -> None:
    with raw_server(_always_drop_mid_body) as url, pytest.raises(errors.APIConnectionError) as caught:
        get_user.sync(client=client_for(url))
    assert "while reading the response body" in str(caught.value)
    assert "after 2 retries" in str(caught.value)
    assert "before an HTTP answer" not in str(caught.value)


def test_a_refused_connection_names_the_connect_phase(client_for: Callable[..., Any]) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(errors.APIConnectionError, match="while connecting"):
        get_user.sync(client=client_for(f"http://127.0.0.1:{port}", max_retries=0))


@pytest.fixture
def keepalive_server() -> Iterator[KeepAliveServer]:
    server = KeepAliveServer(FIXTURES_DIR / "upstream-example-user.json")
    yield server
    server.kill()


@pytest.fixture
def slow_keepalive_server() -> Iterator[KeepAliveServer]:
    server = KeepAliveServer(FIXTURES_DIR / "upstream-example-user.json", delay=0.1)  # 100 ms per answer
    yield server
    server.kill()


def test_500_concurrent_async_calls_on_one_default_client_all_succeed(keepalive_server: KeepAliveServer) -> None:
    from elevenlabs_user_client import AuthenticatedClient

    client = AuthenticatedClient(base_url=f"http://127.0.0.1:{keepalive_server.port}", token="k" * 16)  # defaults

    async def burst() -> list[Any]:
        return await asyncio.gather(*(get_user.asyncio(client=client) for _ in range(500)), return_exceptions=True)

    results = asyncio.run(burst())
    failures = [r for r in results if isinstance(r, BaseException)]
    assert failures == [], f"{len(failures)} failed, first: {failures[:1]}"
    assert keepalive_server.stop() == 500  # no retries: pool waits are not failed attempts


def test_waiting_for_a_free_connection_is_not_a_failed_attempt(
    slow_keepalive_server: KeepAliveServer, client_for: Callable[..., Any]
) -> None:
    # One connection, 10 concurrent calls of 100 ms each: the last waits ~0.9 s for the pool, far beyond the 50 ms
    # pool timeout per attempt. That wait is bounded by the deadline only, and never retried.
    client = client_for(
        f"http://127.0.0.1:{slow_keepalive_server.port}",
        timeout=httpx.Timeout(5.0, pool=0.05),
        httpx_args={"limits": httpx.Limits(max_connections=1)},
    )

    async def burst() -> list[Any]:
        return await asyncio.gather(*(get_user.asyncio(client=client) for _ in range(10)), return_exceptions=True)

    results = asyncio.run(burst())
    assert [r for r in results if isinstance(r, BaseException)] == []
    assert slow_keepalive_server.stop() == 10


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """256 MiB of zeros, gzipped: about 256 KiB on the wire."""
    return gzip.compress(b"\0" * (256 * 1024 * 1024), compresslevel=9, mtime=0)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_gzip_bomb_ends_in_the_size_error_with_memory_bounded(
    client_for: Callable[..., Any], gzip_bomb: bytes, kind: str
) -> None:
    def bomb(sock: socket.socket, n: int) -> None:
        read_request(sock)
        head = f"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: {len(gzip_bomb)}\r\n\r\n"
        sock.sendall(head.encode() + gzip_bomb)

    with raw_server(bomb) as url:
        client = client_for(url)
        tracemalloc.start()
        try:
            with pytest.raises(errors.ResponseTooLargeError) as caught:
                if kind == "sync":
                    get_user.sync(client=client)
                else:
                    asyncio.run(get_user.asyncio(client=client))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 24 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB"  # the 8 MiB bound plus the join, not 256 MiB
    assert "8388608 bytes" in str(caught.value)


def test_the_size_bound_is_configurable_and_counts_decompressed_bytes(client_for: Callable[..., Any]) -> None:
    body = json.dumps({**json.loads(USER), "padding": "x" * 50_000}).encode()
    packed = gzip.compress(body, mtime=0)
    assert len(packed) < 10_000 < len(body)

    def serve(sock: socket.socket, n: int) -> None:
        read_request(sock)
        head = f"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: {len(packed)}\r\n\r\n"
        sock.sendall(head.encode() + packed)

    with raw_server(serve) as url:
        with pytest.raises(errors.ResponseTooLargeError):
            get_user.sync(client=client_for(url, max_response_bytes=20_000))
        assert get_user.sync(client=client_for(url, max_response_bytes=100_000)).user_id == "1234567890"


def _ours(value: Any) -> bool:
    """An expression that is one of the client's own objects: self, cls, super(), another client, self's parts."""
    import ast

    while isinstance(value, ast.Attribute):
        value = value.value
    if isinstance(value, ast.Call):
        return getattr(value.func, "id", "") == "super"
    return isinstance(value, ast.Name) and value.id in ("self", "cls", "copy", "other")


def test_the_deadline_rests_on_public_apis_only() -> None:
    # The client's own transports build their httpcore pool through public constructor arguments, and the body is
    # measured through the response's public stream: no attribute of httpx or httpcore that starts with an underscore
    # is read or written anywhere in the runtime modules that use them.
    import ast

    from scripts.paths import RUNTIME_DIR

    modules = sorted(RUNTIME_DIR.glob("*.py"))
    transport = [path for path in modules if "import httpx" in path.read_text(encoding="utf-8")]
    assert {"_body.py", "_deadline.py", "_retry.py", "client.py"} <= {path.name for path in transport}
    for path in transport:
        name, tree = path.name, ast.parse(path.read_text(encoding="utf-8"))
        private = [
            f"{name}:{node.lineno}: {ast.unparse(node)}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not _ours(node.value)
        ]
        private += [
            f"{name}:{node.lineno}: {ast.unparse(node)}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and getattr(node.func, "id", "") in ("getattr", "setattr")
            and isinstance(node.args[1], ast.Constant)
            and str(node.args[1].value).startswith("_")
            and not str(node.args[1].value).startswith("__")
        ]
        assert private == [], private


def test_the_default_transport_is_the_clients_own() -> None:
    from elevenlabs_user_client import AuthenticatedClient
    from elevenlabs_user_client._deadline import AsyncDeadlineTransport, DeadlineTransport
    from elevenlabs_user_client._origin import OriginGuard

    client = AuthenticatedClient(base_url="https://api.example.invalid", token="a-key")
    for http, kind in (
        (client.get_httpx_client(), DeadlineTransport),
        (client.get_async_httpx_client(), AsyncDeadlineTransport),
    ):
        guard = http._transport  # the httpx client's transport, as the client set it (test-side inspection)
        assert isinstance(guard, OriginGuard) and isinstance(guard._inner, kind)
