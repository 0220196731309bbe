"""A loopback stand-in for the two ElevenLabs User API endpoints, serving response bodies from tests/fixtures.

Used by `make demo` when no API key is set, and by tests that need a server which checks the `xi-api-key` header.
Standard library only (http.server), so the demo's environment holds nothing but the package and its runtime
dependencies; it only ever binds 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from scripts.paths import FIXTURES_DIR

USER_PATH = "/v1/user"
SUBSCRIPTION_PATH = "/v1/user/subscription"
API_KEY_HEADER = "xi-api-key"

# Realistic bodies that carry every part the demo shows: a pending tier switch, a next invoice with discounts.
DEFAULT_USER_FIXTURE = "user-all-optional.json"
DEFAULT_SUBSCRIPTION_FIXTURE = "subscription-switch-with-invoices.json"

# The body ElevenLabs answers with when the key is missing or wrong.
INVALID_API_KEY_BODY = {"detail": {"status": "invalid_api_key", "message": "Invalid API key"}}
NOT_FOUND_BODY = {"detail": "Not Found"}


class FixtureError(Exception):
    """A fixture file is missing or is not JSON."""


def load_fixture(name: str) -> Any:
    """The parsed JSON body stored in tests/fixtures/<name>."""
    path = FIXTURES_DIR / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise FixtureError(f"cannot read fixture {path}: {err.strerror}") from err
    except json.JSONDecodeError as err:
        raise FixtureError(f"fixture {path} is not JSON: {err.msg} at line {err.lineno}") from err


@dataclass
class ServedRequest:
    """What the mock saw of one request (never the key itself)."""

    path: str
    had_valid_key: bool
    user_agent: str = ""
    client_port: int = 0  # one per connection: equal ports mean a reused (kept-alive) connection
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names, every header but the key's


@dataclass
class MockApi:
    """A running mock: where it listens and which requests it answered."""

    base_url: str
    requests: list[ServedRequest] = field(default_factory=list)

    @property
    def authenticated_paths(self) -> list[str]:
        return [r.path for r in self.requests if r.had_valid_key]

    @property
    def rejected_paths(self) -> list[str]:
        return [r.path for r in self.requests if not r.had_valid_key]


def _handler(bodies: dict[str, Any], api_key: str, seen: list[ServedRequest]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the real API

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            path = urlsplit(self.path).path
            if path not in bodies:
                self._send(404, NOT_FOUND_BODY)
                return
            valid = self.headers.get(API_KEY_HEADER) == api_key
            headers = {k.lower(): v for k, v in self.headers.items() if k.lower() != API_KEY_HEADER}
            agent, port = ", ".join(self.headers.get_all("user-agent") or []), self.client_address[1]
            seen.append(ServedRequest(path, had_valid_key=valid, user_agent=agent, client_port=port, headers=headers))
            if valid:
                self._send(200, bodies[path])
            else:
                self._send(401, INVALID_API_KEY_BODY)

        def _send(self, status: int, body: Any) -> None:
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Silent: the callers report what matters themselves (the default writes every request to stderr)."""

    return Handler


@contextmanager
def serve_account(
    api_key: str,
    *,
    user_body: Any = None,
    subscription_body: Any = None,
) -> Iterator[MockApi]:
    """Serve GET /v1/user and GET /v1/user/subscription on 127.0.0.1 until the block ends.

    Requests without `xi-api-key: <api_key>` get ElevenLabs' 401 body. Bodies default to the demo fixtures.
    """
    user = load_fixture(DEFAULT_USER_FIXTURE) if user_body is None else user_body
    subscription = load_fixture(DEFAULT_SUBSCRIPTION_FIXTURE) if subscription_body is None else subscription_body
    bodies = {USER_PATH: user, SUBSCRIPTION_PATH: subscription}
    api = MockApi(base_url="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(bodies, api_key, api.requests))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="mock-api", daemon=True)
    thread.start()
    try:
        api.base_url = f"http://127.0.0.1:{server.server_address[1]}"
        yield api
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
