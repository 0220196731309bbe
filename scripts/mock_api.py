"""A loopback stand-in for the two ElevenLabs User API endpoints, serving response bodies from tests/fixtures.

Used by `make demo` when no API key is set, and by tests that need a server which checks the `xi-api-key` header.
The server is pytest-httpserver's `HTTPServer`, which runs outside pytest too; it only ever binds 127.0.0.1.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from scripts.paths import FIXTURES_DIR

USER_PATH = "/v1/user"
SUBSCRIPTION_PATH = "/v1/user/subscription"
API_KEY_HEADER = "xi-api-key"

# Realistic bodies that carry every part the demo shows: a pending tier switch, a next invoice with discounts.
DEFAULT_USER_FIXTURE = "user-all-optional.json"
DEFAULT_SUBSCRIPTION_FIXTURE = "subscription-switch-with-invoices.json"

# The body ElevenLabs answers with when the key is missing or wrong.
INVALID_API_KEY_BODY = {"detail": {"status": "invalid_api_key", "message": "Invalid API key"}}


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


def _json_response(body: Any, status: int) -> Response:
    return Response(json.dumps(body), status=status, content_type="application/json")


def _key_checking_handler(body: Any, api_key: str, seen: list[ServedRequest]) -> Any:
    def handle(request: Request) -> Response:
        valid = request.headers.get(API_KEY_HEADER) == api_key
        seen.append(ServedRequest(path=request.path, had_valid_key=valid))
        if not valid:
            return _json_response(INVALID_API_KEY_BODY, 401)
        return _json_response(body, 200)

    return handle


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
    server = HTTPServer(host="127.0.0.1", port=0)
    api = MockApi(base_url="")
    server.expect_request(USER_PATH, method="GET").respond_with_handler(
        _key_checking_handler(user, api_key, api.requests)
    )
    server.expect_request(SUBSCRIPTION_PATH, method="GET").respond_with_handler(
        _key_checking_handler(subscription, api_key, api.requests)
    )
    # werkzeug logs every request to stderr; the callers report what matters themselves.
    werkzeug_logger = logging.getLogger("werkzeug")
    previous_level = werkzeug_logger.level
    werkzeug_logger.setLevel(logging.ERROR)
    server.start()
    try:
        api.base_url = f"http://127.0.0.1:{server.port}"
        yield api
    finally:
        server.stop()
        werkzeug_logger.setLevel(previous_level)
