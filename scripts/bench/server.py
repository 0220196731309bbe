"""The loopback API server the benchmark measures against, run as its own process so it never competes for the GIL.

`python -m scripts.bench.server` binds 127.0.0.1 on a free port, prints the port on one line, and serves until its
stdin closes (so it dies with the benchmark that started it). Uvicorn (httptools parser) keeps HTTP/1.1 connections
alive; werkzeug's development server was not used because it sends `Connection: close` on every response.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections.abc import Awaitable, Callable
from typing import Any

import uvicorn

from scripts.bench.bodies import BENCH_KEY, SUBSCRIPTION_BYTES, USER_BYTES

_ROUTES = {"/v1/user": USER_BYTES, "/v1/user/subscription": SUBSCRIPTION_BYTES}
_NOT_FOUND = b'{"detail": "not found"}'
_UNAUTHORIZED = b'{"detail": "missing or wrong xi-api-key"}'
_KEY = BENCH_KEY.encode()

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


async def _app(scope: dict[str, Any], receive: Receive, send: Send) -> None:
    if scope["type"] != "http":  # lifespan events: nothing to set up
        return
    body = _ROUTES.get(scope["path"])
    status = 200
    if body is None:
        status, body = 404, _NOT_FOUND
    elif dict(scope["headers"]).get(b"xi-api-key") != _KEY:
        status, body = 401, _UNAUTHORIZED
    client = scope.get("client") or ("", 0)
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        # The peer port lets the benchmark prove that a client reuses its connection.
        (b"x-bench-peer-port", str(client[1]).encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def serve() -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Headers and body go out in two writes: without TCP_NODELAY, Nagle + delayed ACK stall each response ~40 ms.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(2048)  # listening before the port is announced: no client can arrive too early
    config = uvicorn.Config(
        _app, http="httptools", loop="asyncio", lifespan="off", access_log=False, log_level="warning", backlog=2048
    )
    server = uvicorn.Server(config)

    def stop_when_parent_goes() -> None:
        sys.stdin.read()  # returns when the parent closes our stdin or exits
        server.should_exit = True

    threading.Thread(target=stop_when_parent_goes, daemon=True).start()
    print(sock.getsockname()[1], flush=True)
    server.run(sockets=[sock])


class LoopbackServer:
    """Starts the server process and stops it again; `base_url` points at it."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None
        self.base_url = ""

    def __enter__(self) -> LoopbackServer:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "scripts.bench.server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline().strip()
        if not line.isdigit():
            self.__exit__()
            raise RuntimeError(f"the loopback server did not start (it printed {line!r})")
        self.base_url = f"http://127.0.0.1:{line}"
        return self

    def __exit__(self, *exc: object) -> None:
        if self._proc is None:
            return
        assert self._proc.stdin is not None
        self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._proc = None


if __name__ == "__main__":
    serve()
