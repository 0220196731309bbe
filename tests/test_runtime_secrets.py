"""The API key (a canary here) never shows in a repr, an error or a log record; from_env() and the auth header."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import pytest
from conftest import CANARY_KEY
from elevenlabs_user_client import AuthenticatedClient, Region, errors
from elevenlabs_user_client.api.user import get_user
from pytest_httpserver import HTTPServer

ALL_LOGGERS = ("", "httpx", "httpcore", "httpx_retries", "elevenlabs_user_client")


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    for name in ALL_LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def _assert_no_canary(caplog: pytest.LogCaptureFixture, *texts: str) -> None:
    assert caplog.records, "nothing was logged: the check would be vacuous"
    for record in caplog.records:
        assert CANARY_KEY not in record.getMessage(), record.name
    assert CANARY_KEY not in caplog.text
    for text in texts:
        assert CANARY_KEY not in text


def test_the_key_is_sent_bare_in_the_xi_api_key_header(httpserver: HTTPServer, client_for: Callable[..., Any]) -> None:
    httpserver.expect_request("/v1/user", headers={"xi-api-key": CANARY_KEY}).respond_with_json({}, status=418)
    with pytest.raises(errors.APIStatusError) as caught:
        get_user.sync(client=client_for(httpserver.url_for("")))
    assert caught.value.status_code == 418  # 500 "no handler" if the header were missing or prefixed


def test_repr_of_the_client_hides_the_key(httpserver: HTTPServer, client_for: Callable[..., Any]) -> None:
    client = client_for(httpserver.url_for(""))
    before = repr(client)
    client.get_httpx_client()
    client.get_async_httpx_client()
    assert CANARY_KEY not in before
    assert CANARY_KEY not in repr(client)
    assert CANARY_KEY not in str(client.with_headers({"x-extra": "1"}))


def test_no_log_record_or_error_text_holds_the_key(
    httpserver: HTTPServer, client_for: Callable[..., Any], debug_logs: pytest.LogCaptureFixture
) -> None:
    # The server echoes the key in a header (httpcore logs response headers at DEBUG) and in its error body.
    echo = {"x-echo": CANARY_KEY, "request-id": "r-1"}
    body = {"detail": {"status": "invalid_api_key", "message": f"Invalid API key {CANARY_KEY}"}}
    httpserver.expect_ordered_request("/v1/user").respond_with_data("busy", status=503, headers=echo)
    httpserver.expect_ordered_request("/v1/user").respond_with_json(body, status=401, headers=echo)
    client = client_for(httpserver.url_for(""))

    with pytest.raises(errors.AuthenticationError) as caught:
        get_user.sync(client=client)

    err = caught.value
    _assert_no_canary(debug_logs, str(err), repr(err), str(err.args))
    assert "Invalid API key ***" in str(err)
    messages = [r.getMessage() for r in debug_logs.records if r.name == "elevenlabs_user_client"]
    assert "GET /v1/user attempt 2: 401 (request id r-1)" in messages
    assert any(m.startswith("retrying GET /v1/user") for m in messages)


def test_async_calls_and_transport_errors_do_not_log_the_key(
    client_for: Callable[..., Any], debug_logs: pytest.LogCaptureFixture
) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(errors.APIConnectionError) as caught:
        asyncio.run(get_user.asyncio(client=client_for(f"http://127.0.0.1:{port}")))
    _assert_no_canary(debug_logs, str(caught.value), repr(caught.value))


def test_from_env_without_a_key_names_the_argument_and_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ELEVENLABS_API_KEY", raising=False)
    with pytest.raises(errors.MissingAPIKeyError) as caught:
        AuthenticatedClient.from_env()
    assert isinstance(caught.value, errors.ElevenLabsError)
    assert "token=" in str(caught.value)
    assert "ELEVENLABS_API_KEY" in str(caught.value)


def test_from_env_reads_the_key_and_base_url(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, load_fixture: Callable[[str], Any]
) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    monkeypatch.setenv("ELEVENLABS_BASE_URL", httpserver.url_for(""))
    httpserver.expect_request("/v1/user", headers={"xi-api-key": CANARY_KEY}).respond_with_json(
        load_fixture("upstream-example-user.json")
    )
    client = AuthenticatedClient.from_env(max_retries=0)
    assert get_user.sync(client=client).user_id == "1234567890"
    assert CANARY_KEY not in repr(client)


def test_from_env_defaults_to_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    monkeypatch.delenv("ELEVENLABS_BASE_URL", raising=False)
    default = AuthenticatedClient.from_env().get_httpx_client().base_url
    assert (default.scheme, default.host) == ("https", "api.elevenlabs.io")
    regional = AuthenticatedClient.from_env(base_url=Region.EU_RESIDENCY).get_httpx_client().base_url
    assert regional.host == "api.eu.residency.elevenlabs.io"
