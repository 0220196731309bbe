"""Retries, Retry-After, timeouts and the overall deadline, against loopback servers (the policy's numbers are
tabled in test_runtime_policy.py)."""

from __future__ import annotations

import asyncio
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from elevenlabs_user_client import errors
from elevenlabs_user_client.api.user import get_user
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response


def _ok(load_fixture: Callable[[str], Any]) -> Any:
    return load_fixture("upstream-example-user.json")


def test_503_503_then_200_succeeds(httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Any) -> None:
    for _ in range(2):
        httpserver.expect_ordered_request("/v1/user").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/v1/user").respond_with_json(_ok(load_fixture))

    user = get_user.sync(client=client_for(httpserver.url_for("")))

    assert user.user_id == "1234567890"
    assert len(httpserver.log) == 3


def test_async_retries_too(httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Any) -> None:
    httpserver.expect_ordered_request("/v1/user").respond_with_data("busy", status=502)
    httpserver.expect_ordered_request("/v1/user").respond_with_json(_ok(load_fixture))

    user = asyncio.run(get_user.asyncio(client=client_for(httpserver.url_for(""))))

    assert user.user_id == "1234567890"
    assert len(httpserver.log) == 2


@pytest.mark.parametrize("status", [408, 409, 429, 500, 504])
def test_retryable_statuses_are_retried(httpserver: HTTPServer, client_for: Callable[..., Any], status: int) -> None:
    httpserver.expect_request("/v1/user").respond_with_data("no", status=status)
    with pytest.raises(errors.APIStatusError) as caught:
        get_user.sync(client=client_for(httpserver.url_for(""), max_retries=2))
    assert len(httpserver.log) == 3
    assert caught.value.status_code == status
    assert "after 2 retries" in str(caught.value)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_not_retried(httpserver: HTTPServer, client_for: Callable[..., Any], status: int) -> None:
    httpserver.expect_request("/v1/user").respond_with_data("no", status=status)
    with pytest.raises(errors.APIStatusError):
        get_user.sync(client=client_for(httpserver.url_for("")))
    assert len(httpserver.log) == 1


def test_max_retries_zero_disables_retries(httpserver: HTTPServer, client_for: Callable[..., Any]) -> None:
    httpserver.expect_request("/v1/user").respond_with_data("busy", status=503)
    with pytest.raises(errors.InternalServerError):
        get_user.sync(client=client_for(httpserver.url_for(""), max_retries=0))
    assert len(httpserver.log) == 1


def test_default_is_two_retries(httpserver: HTTPServer, client_for: Callable[..., Any]) -> None:
    from elevenlabs_user_client import AuthenticatedClient

    assert AuthenticatedClient(base_url="http://127.0.0.1:1", token="k" * 8).max_retries == 2
    httpserver.expect_request("/v1/user").respond_with_data("busy", status=503)
    with pytest.raises(errors.InternalServerError):
        get_user.sync(client=client_for(httpserver.url_for("")))
    assert len(httpserver.log) == 3


@pytest.mark.parametrize(
    ("headers", "settings", "expected_wait"),
    [
        ({"Retry-After": "1"}, {}, 1.0),  # backoff alone would wait about 0.01 s: the wait comes from the header
        ({"retry-after-ms": "600"}, {}, 0.6),
        ({"Retry-After": "3"}, {"max_retry_wait": 0.05}, 3.0),  # honoured in full, beyond the backoff cap
        (
            {},
            {"retry_backoff": 0.2, "max_retry_wait": 8},
            (0.1, 0.2),
        ),  # jittered backoff: between half and all of the nominal wait
    ],
)
def test_the_call_waits_what_the_policy_says(
    httpserver: HTTPServer,
    client_for: Callable[..., Any],
    load_fixture: Any,
    monkeypatch: pytest.MonkeyPatch,
    headers: dict[str, str],
    settings: dict[str, Any],
    expected_wait: float | tuple[float, float],
) -> None:
    # The waits are recorded, not slept: the numbers themselves are tabled in test_runtime_policy.py.
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)
    httpserver.expect_ordered_request("/v1/user").respond_with_data("busy", status=503, headers=headers)
    httpserver.expect_ordered_request("/v1/user").respond_with_json(_ok(load_fixture))
    get_user.sync(client=client_for(httpserver.url_for(""), **settings))
    assert len(waits) == 1
    if isinstance(expected_wait, tuple):
        assert expected_wait[0] <= waits[0] <= expected_wait[1]
    else:
        assert waits[0] == pytest.approx(expected_wait)


def test_retry_after_http_date_is_honoured(
    httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=5), usegmt=True)
    httpserver.expect_ordered_request("/v1/user").respond_with_data("busy", status=503, headers={"Retry-After": when})
    httpserver.expect_ordered_request("/v1/user").respond_with_json(_ok(load_fixture))
    get_user.sync(client=client_for(httpserver.url_for("")))
    assert 3.9 <= waits[0] <= 5.0  # the date has one-second resolution


def test_retry_after_beyond_the_ceiling_raises_at_once(httpserver: HTTPServer, client_for: Callable[..., Any]) -> None:
    body = {"detail": {"status": "too_many_concurrent_requests", "message": "Too many requests"}}
    httpserver.expect_request("/v1/user").respond_with_json(body, status=429, headers={"Retry-After": "3600"})
    client = client_for(httpserver.url_for(""), retry_after_ceiling=60)

    start = time.monotonic()
    with pytest.raises(errors.RateLimitError) as caught:
        get_user.sync(client=client)

    assert time.monotonic() - start < 1
    assert len(httpserver.log) == 1
    assert caught.value.retry_after == 3600
    assert caught.value.detail == body["detail"]
    assert "server asked to wait 3600 s" in str(caught.value)
    # *_detailed: the server's answer, not an exception
    detailed = get_user.sync_detailed(client=client_for(httpserver.url_for("")))
    assert detailed.status_code == 429 and detailed.parsed is None


def test_backoff_grows_exponentially(
    httpserver: HTTPServer, client_for: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)
    httpserver.expect_request("/v1/user").respond_with_data("busy", status=503)
    client = client_for(httpserver.url_for(""), max_retries=3, retry_backoff=0.2, max_retry_wait=8)
    with pytest.raises(errors.InternalServerError):
        get_user.sync(client=client)
    # 0.2, 0.4, 0.8 nominal; jitter keeps each between half and all of it
    assert [low <= w <= high for w, (low, high) in zip(waits, [(0.1, 0.2), (0.2, 0.4), (0.4, 0.8)], strict=True)] == [
        True
    ] * 3
    assert len(httpserver.log) == 4


class _ResetThenServe(socketserver.ThreadingTCPServer):
    """A raw HTTP server on 127.0.0.1 that drops the first `resets` connections without answering (TCP RST)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, resets: int, body: bytes) -> None:
        self.resets, self.body, self.connections = resets, body, 0
        super().__init__(("127.0.0.1", 0), _ResetHandler)


class _ResetHandler(socketserver.BaseRequestHandler):
    server: _ResetThenServe

    def handle(self) -> None:
        self.server.connections += 1
        sock: socket.socket = self.request
        sock.recv(65536)
        if self.server.connections <= self.server.resets:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            sock.close()  # linger 0: the client sees a connection reset
            return
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(self.server.body)}\r\n"
        sock.sendall(head.encode() + b"Connection: close\r\n\r\n" + self.server.body)


@pytest.fixture
def reset_server(load_fixture: Any) -> Iterator[_ResetThenServe]:
    import json

    server = _ResetThenServe(resets=1, body=json.dumps(_ok(load_fixture)).encode())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_connection_reset_then_200_succeeds(reset_server: _ResetThenServe, client_for: Callable[..., Any]) -> None:
    host, port = reset_server.server_address[:2]
    user = get_user.sync(client=client_for(f"http://{host}:{port}"))
    assert user.user_id == "1234567890"
    assert reset_server.connections == 2


def test_a_connection_reset_then_200_succeeds_async(
    reset_server: _ResetThenServe, client_for: Callable[..., Any]
) -> None:
    host, port = reset_server.server_address[:2]
    user = asyncio.run(get_user.asyncio(client=client_for(f"http://{host}:{port}")))
    assert user.user_id == "1234567890"
    assert reset_server.connections == 2


def test_resets_exhausting_the_retries_raise_a_connection_error(
    reset_server: _ResetThenServe, client_for: Callable[..., Any]
) -> None:
    reset_server.resets = 10
    host, port = reset_server.server_address[:2]
    with pytest.raises(errors.APIConnectionError) as caught:
        get_user.sync(client=client_for(f"http://{host}:{port}"))
    assert isinstance(caught.value.__cause__, httpx.TransportError)
    assert reset_server.connections == 3


def _slow(seconds: float) -> Callable[[Request], Response]:
    def handler(_: Request) -> Response:
        time.sleep(seconds)
        return Response("{}", content_type="application/json")

    return handler


def test_a_threaded_httpserver_ends_in_a_timeout_error_within_the_bound(
    threaded_httpserver: HTTPServer, client_for: Callable[..., Any]
) -> None:
    threaded_httpserver.expect_request("/v1/user").respond_with_handler(_slow(0.6))
    client = client_for(threaded_httpserver.url_for(""), timeout=0.2, max_retries=0)
    start = time.monotonic()
    with pytest.raises(errors.APITimeoutError) as caught:
        get_user.sync(client=client)
    assert time.monotonic() - start < 0.5
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)


def test_the_deadline_bounds_the_whole_call_retries_included(
    threaded_httpserver: HTTPServer, client_for: Callable[..., Any]
) -> None:
    threaded_httpserver.expect_request("/v1/user").respond_with_handler(_slow(0.5))
    # 3 attempts x 0.3 s would take 0.9 s or more: the 0.5 s deadline cuts it short
    client = client_for(threaded_httpserver.url_for(""), timeout=0.3, deadline=0.5, max_retries=2)
    start = time.monotonic()
    with pytest.raises(errors.APITimeoutError) as caught:
        get_user.sync(client=client)
    assert time.monotonic() - start < 0.8
    assert "deadline" in str(caught.value)


def test_the_deadline_bounds_async_calls(threaded_httpserver: HTTPServer, client_for: Callable[..., Any]) -> None:
    threaded_httpserver.expect_request("/v1/user").respond_with_handler(_slow(0.5))
    client = client_for(threaded_httpserver.url_for(""), timeout=0.3, deadline=0.5, max_retries=2)
    start = time.monotonic()
    with pytest.raises(errors.APITimeoutError):
        asyncio.run(get_user.asyncio(client=client))
    assert time.monotonic() - start < 0.8


def test_a_retry_after_past_the_deadline_ends_with_the_server_answer_at_once(
    httpserver: HTTPServer, client_for: Callable[..., Any]
) -> None:
    httpserver.expect_request("/v1/user").respond_with_data("busy", status=503, headers={"Retry-After": "5"})
    client = client_for(httpserver.url_for(""), deadline=1.0)
    start = time.monotonic()
    with pytest.raises(errors.InternalServerError) as caught:
        get_user.sync(client=client)
    assert time.monotonic() - start < 0.5
    assert len(httpserver.log) == 1
    assert caught.value.retry_after == 5
    assert "server asked to wait 5 s" in str(caught.value)


def test_a_backoff_past_the_deadline_ends_in_a_timeout_error(
    httpserver: HTTPServer, client_for: Callable[..., Any]
) -> None:
    httpserver.expect_request("/v1/user").respond_with_data("busy", status=503)
    client = client_for(httpserver.url_for(""), deadline=0.3, retry_backoff=2.0, max_retry_wait=8)
    start = time.monotonic()
    with pytest.raises(errors.APITimeoutError) as caught:
        get_user.sync(client=client)
    assert time.monotonic() - start < 0.3
    assert "deadline" in str(caught.value)
    assert len(httpserver.log) == 1


def _dribble(sock: socket.socket) -> None:
    sock.recv(65536)
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
    try:
        for _ in range(1000):  # one byte every 50 ms: each read is quick, the body takes 50 s
            sock.sendall(b" ")
            time.sleep(0.05)
    except OSError:
        pass  # the client gave up


def test_a_body_dribbling_past_the_deadline_ends_in_a_timeout_error(client_for: Callable[..., Any]) -> None:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _DribbleHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        host, port = server.server_address[:2]
        client = client_for(f"http://{host}:{port}", timeout=1.0, deadline=0.5, max_retries=0)
        start = time.monotonic()
        with pytest.raises(errors.APITimeoutError) as caught:
            get_user.sync(client=client)
        assert time.monotonic() - start < 1.0
        assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    finally:
        server.shutdown()
        server.server_close()


class _DribbleHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        _dribble(self.request)


def test_a_7_mb_body_is_read_whole(httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Any) -> None:
    body = _ok(load_fixture)
    body["padding"] = "x" * (7 * 1024 * 1024)  # under the default 8 MiB bound
    httpserver.expect_request("/v1/user").respond_with_json(body)
    user = get_user.sync(client=client_for(httpserver.url_for("")))
    assert len(user.additional_properties["padding"]) == 7 * 1024 * 1024


def test_default_timeouts_suit_small_json_calls() -> None:
    from elevenlabs_user_client import client as runtime

    assert runtime.DEFAULT_TIMEOUT.connect == 5.0
    assert runtime.DEFAULT_TIMEOUT.read == 10.0
    assert runtime.DEFAULT_DEADLINE == 20.0


@pytest.mark.parametrize(
    "setting", [{"max_retries": -1}, {"deadline": 0}, {"max_retry_wait": 0}, {"retry_backoff": -0.1}]
)
def test_nonsense_retry_settings_are_refused_when_the_client_is_made(setting: dict[str, Any]) -> None:
    from elevenlabs_user_client import AuthenticatedClient

    with pytest.raises(ValueError, match=next(iter(setting))):
        AuthenticatedClient(base_url="http://127.0.0.1:1", token="k" * 8, **setting)
