"""Connection settings in httpx_args (limits, http2, ...) reach the transport that actually connects."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from elevenlabs_user_client.api.user import get_user
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

USER = "upstream-example-user.json"


class _ConcurrencyProbe:
    """A slow handler that records how many requests the server had in progress at once."""

    def __init__(self, body: bytes) -> None:
        self._body, self._lock = body, threading.Lock()
        self.in_flight = self.peak = 0

    def __call__(self, request: Request) -> Response:
        with self._lock:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
        time.sleep(0.15)  # long enough for every concurrent call to be waiting for a connection or an answer
        with self._lock:
            self.in_flight -= 1
        return Response(self._body, status=200, content_type="application/json")


def _transport_pool(transport: Any) -> Any:
    """The httpcore pool under the origin guard: OriginGuard -> HTTP(S)Transport."""
    return transport._inner._pool  # the guard is both a sync and an async transport


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_httpx_args_connection_settings_configure_the_inner_transport(
    client_for: Callable[..., Any], kind: str
) -> None:
    limits = httpx.Limits(max_connections=7, max_keepalive_connections=3, keepalive_expiry=1.5)
    client = client_for("http://127.0.0.1:1", httpx_args={"limits": limits, "http2": False, "retries": 2})
    http = client.get_httpx_client() if kind == "sync" else client.get_async_httpx_client()
    pool = _transport_pool(http._transport)
    assert (pool._max_connections, pool._max_keepalive_connections, pool._keepalive_expiry) == (7, 3, 1.5)
    assert pool._retries == 2


def test_the_pool_limit_bounds_concurrent_connections(
    threaded_httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Callable[[str], Any]
) -> None:
    probe = _ConcurrencyProbe(json.dumps(load_fixture(USER)).encode())
    threaded_httpserver.expect_request("/v1/user").respond_with_handler(probe)
    client = client_for(threaded_httpserver.url_for(""), httpx_args={"limits": httpx.Limits(max_connections=2)})

    async def fan_out() -> list[Any]:
        async with client:
            calls = [get_user.asyncio(client=client) for _ in range(6)]
            return await asyncio.gather(*calls)

    results = asyncio.run(fan_out())
    assert len(results) == 6 and all(r.user_id for r in results)
    assert probe.peak == 2  # 6 at once without the limit (httpx's default pool holds 100)
