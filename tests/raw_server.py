"""A loopback TCP server whose connections a test scripts byte by byte (slow headers, dropped bodies, bombs)."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def read_request(sock: socket.socket) -> bytes:
    """The request head (up to the blank line); the client's GETs have no body."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


@contextmanager
def raw_server(handle: Callable[[socket.socket, int], None]) -> Iterator[str]:
    """Serve on 127.0.0.1:<ephemeral>; `handle(sock, n)` scripts the n-th connection (0-based). Yields the base URL."""
    counter = {"n": 0}
    lock = threading.Lock()

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            with lock:
                n = counter["n"]
                counter["n"] += 1
            with contextlib.suppress(OSError):  # the client gave up: that is what most of these tests want
                handle(self.request, n)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
