"""The API key (a canary here) on every path: checked and stripped once, masked in every form (escaped, cut) in reprs,
errors, log records and pickles, never sent to another origin nor in clear to a remote host, forgotten with its
clients, and in no local of the package's frames that a crash reporter would send."""

from __future__ import annotations

import asyncio
import gc
import logging
import pickle
import subprocess
import sys
import textwrap
import traceback
import types
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any

import httpx
import pytest
from conftest import CANARY_KEY
from elevenlabs_user_client import AuthenticatedClient, Client, Region, errors
from elevenlabs_user_client.api.user import get_user
from pytest_httpserver import HTTPServer

from scripts.paths import CLIENT_DIR, PACKAGE_DIR

# --- The API key (a canary here) never shows in a repr, an error or a log record; from_env() and the auth header.

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


# --- Secrets on every path: the key is checked and stripped once, masked in every form (escaped, cut), never sent
# to another origin nor in clear to a remote host, absent from pickles and reprs, and forgotten with its clients.


def _pieces(key: str, size: int = 6) -> list[str]:
    """Every run of `size` characters of the key: none may show anywhere."""
    return [key[i : i + size] for i in range(len(key) - size + 1)]


def _assert_no_piece(*texts: str | bytes) -> None:
    for text in texts:
        blob = text if isinstance(text, str) else text.decode("latin-1")
        leaked = [p for p in _pieces(CANARY_KEY) if p in blob]
        assert not leaked, f"key pieces {leaked[:3]} in {blob[:300]!r}"


def _everything_about(err: BaseException) -> list[str | bytes]:
    return [
        str(err),
        repr(err),
        repr(err.args),
        "".join(traceback.format_exception(err)),
        pickle.dumps(err),
        repr(err.__cause__),
        repr(err.__context__),
    ]


@pytest.mark.parametrize("spaced", [CANARY_KEY + "\n", f"  {CANARY_KEY}\r\n", f"\t{CANARY_KEY} "])
def test_a_key_with_surrounding_whitespace_is_stripped_once(
    httpserver: HTTPServer, client_for: Callable[..., Any], spaced: str
) -> None:
    httpserver.expect_request("/v1/user", headers={"xi-api-key": CANARY_KEY}).respond_with_json({}, status=418)
    with pytest.raises(errors.APIStatusError) as caught:
        get_user.sync(client=client_for(httpserver.url_for(""), token=spaced))
    assert caught.value.status_code == 418  # the server got the stripped key


BAD_KEYS = {
    "newline-inside": CANARY_KEY[:10] + "\n" + CANARY_KEY[10:],
    "non-ascii": CANARY_KEY[:10] + "é" + CANARY_KEY[10:],
    "space-inside": CANARY_KEY[:10] + " " + CANARY_KEY[10:],
    "nul": CANARY_KEY + "\0",
}


@pytest.mark.parametrize("key", list(BAD_KEYS.values()), ids=list(BAD_KEYS))
def test_a_key_that_cannot_be_sent_is_refused_at_construction_without_showing_it(key: str) -> None:
    with pytest.raises(errors.ConfigurationError) as caught:
        AuthenticatedClient(base_url="http://127.0.0.1:1", token=key)
    assert "position" in str(caught.value)
    _assert_no_piece(*_everything_about(caught.value))


@pytest.mark.parametrize("token", ["", "   ", "\n"])
def test_an_empty_key_is_refused(token: str) -> None:
    with pytest.raises(errors.ConfigurationError, match="empty"):
        AuthenticatedClient(base_url="http://127.0.0.1:1", token=token)


def test_a_key_from_the_environment_is_checked_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY[:5] + "ü" + CANARY_KEY[5:])
    monkeypatch.setenv("ELEVENLABS_BASE_URL", "http://127.0.0.1:1")
    with pytest.raises(errors.ConfigurationError, match="ELEVENLABS_API_KEY") as caught:
        AuthenticatedClient.from_env()
    _assert_no_piece(*_everything_about(caught.value))


@pytest.mark.parametrize("offset", [0, 150, 170, 180, 190, 199])
def test_a_401_body_echoing_the_key_anywhere_shows_no_piece_of_it(
    httpserver: HTTPServer, client_for: Callable[..., Any], offset: int
) -> None:
    body = "x" * offset + CANARY_KEY + " is not a valid key" + "y" * 300
    httpserver.expect_request("/v1/user").respond_with_data(body, status=401, content_type="text/plain")
    with pytest.raises(errors.AuthenticationError) as caught:
        get_user.sync(client=client_for(httpserver.url_for("")))
    _assert_no_piece(*_everything_about(caught.value), caught.value.body)


@pytest.mark.parametrize("form", ["repr", "bytes", "percent"])
def test_masking_covers_escaped_forms(client_for: Callable[..., Any], form: str) -> None:
    from elevenlabs_user_client import _secrets

    key = "sk-canary/with+odd=chars\\1234"
    client = client_for("http://127.0.0.1:1", token=key)
    shown = {
        "repr": repr(key),
        "bytes": repr(key.encode()),
        "percent": "sk-canary%2Fwith%2Bodd%3Dchars%5C1234",
    }[form]
    assert "canary" not in _secrets.redact(f"header value {shown} refused")
    del client


def test_a_cross_origin_redirect_never_carries_the_key(
    httpserver: HTTPServer, threaded_httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Any
) -> None:
    other = threaded_httpserver  # another port: another origin
    other.expect_request("/v1/user").respond_with_json(load_fixture("upstream-example-user.json"))
    httpserver.expect_request("/v1/user").respond_with_data(
        "", status=307, headers={"Location": other.url_for("/v1/user")}
    )
    user = get_user.sync(client=client_for(httpserver.url_for(""), follow_redirects=True))
    assert user.user_id == "1234567890"
    assert httpserver.log[0][0].headers.get("xi-api-key") == CANARY_KEY  # the API's own origin gets it
    (request, _), *_ = other.log
    assert "xi-api-key" not in request.headers
    assert CANARY_KEY not in str(request.headers)


def test_a_same_origin_redirect_keeps_the_key(
    httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Any
) -> None:
    httpserver.expect_request("/old").respond_with_data("", status=307, headers={"Location": "/v1/user"})
    httpserver.expect_request("/v1/user", headers={"xi-api-key": CANARY_KEY}).respond_with_json(
        load_fixture("upstream-example-user.json")
    )
    client = client_for(httpserver.url_for(""), follow_redirects=True)
    response = client.send({"method": "GET", "url": "/old"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://api.example.com", False),
        ("http://10.0.0.7:8080", False),
        ("https://api.example.com", True),
        ("http://127.0.0.1:8080", True),
        ("http://127.8.9.10", True),
        ("http://localhost:1234", True),
        ("http://[::1]:1234", True),
    ],
)
def test_plain_http_to_a_remote_host_is_refused_unless_asked_for(url: str, allowed: bool) -> None:
    if allowed:
        AuthenticatedClient(base_url=url, token=CANARY_KEY)
    else:
        with pytest.raises(errors.ConfigurationError, match="allow_insecure_http"):
            AuthenticatedClient(base_url=url, token=CANARY_KEY)
        AuthenticatedClient(base_url=url, token=CANARY_KEY, allow_insecure_http=True)  # the explicit opt-in


@pytest.mark.parametrize("name", ["xi-api-key", "Authorization", "XI-API-KEY"])
def test_a_key_passed_as_a_header_never_shows_in_the_repr(name: str) -> None:
    client = Client(base_url="https://api.example.com", headers={name: CANARY_KEY}, cookies={"session": CANARY_KEY})
    _assert_no_piece(repr(client), str(client))
    with pytest.raises(errors.ConfigurationError):  # a key in a header is a key: no plain http to a remote host
        Client(base_url="http://api.example.com", headers={name: CANARY_KEY})


def test_registered_keys_do_not_outlive_their_clients() -> None:
    from elevenlabs_user_client import _secrets

    gc.collect()
    before = _secrets.registered_count()
    clients = [AuthenticatedClient(base_url="http://127.0.0.1:1", token=f"sk-short-lived-{i:04d}") for i in range(5)]
    twin = AuthenticatedClient(base_url="http://127.0.0.1:1", token="sk-short-lived-0000")  # a key held twice
    assert _secrets.registered_count() == before + 5
    del clients
    gc.collect()
    assert _secrets.registered_count() == before + 1  # the twin still holds its key
    assert "***" in _secrets.redact("sk-short-lived-0000")
    del twin
    gc.collect()
    assert _secrets.registered_count() == before


def test_log_filters_live_while_a_key_is_held_and_not_past_the_last_client() -> None:
    # A fresh interpreter: this one holds clients of other tests. Left installed, the filters would keep the
    # package's modules alive through shutdown (see _secrets.release_secret).
    program = textwrap.dedent(
        """
        import gc, logging
        from elevenlabs_user_client import AuthenticatedClient, Client

        def filtered():
            return [n for n in ("elevenlabs_user_client", "httpx", "httpcore.http11") if logging.getLogger(n).filters]

        plain = Client(base_url="http://127.0.0.1:1")
        assert filtered() == [], "a client without a key has nothing to mask"
        first = AuthenticatedClient(base_url="http://127.0.0.1:1", token="sk-held-by-two-0001")
        second = AuthenticatedClient(base_url="http://127.0.0.1:1", token="sk-held-by-two-0002")
        assert filtered() == ["elevenlabs_user_client", "httpx", "httpcore.http11"]
        del first
        gc.collect()
        assert len(filtered()) == 3, "another client still holds a key"
        with_header = Client(base_url="http://127.0.0.1:1", headers={"xi-api-key": "sk-in-a-header-0003"})
        del second
        gc.collect()
        assert len(filtered()) == 3, "a key passed as a header is held too"
        del with_header
        gc.collect()
        assert filtered() == []
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", program], env={"PYTHONPATH": str(CLIENT_DIR)}, capture_output=True, text=True
    )
    assert done.stdout.strip() == "ok", done.stderr[-2000:]


def _raise_401(url: str) -> None:
    client = AuthenticatedClient(base_url=url, token=CANARY_KEY, max_retries=0)
    get_user.sync(client=client)


def test_a_401_in_a_process_pool_worker_arrives_whole_in_the_parent(httpserver: HTTPServer) -> None:
    body = {"detail": {"status": "invalid_api_key", "message": f"Invalid API key {CANARY_KEY}"}}
    httpserver.expect_request("/v1/user").respond_with_json(body, status=401, headers={"request-id": "r-9"})
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork")) as pool:
        future = pool.submit(_raise_401, httpserver.url_for(""))
        with pytest.raises(errors.AuthenticationError) as caught:
            future.result(timeout=30)
    assert caught.value.status_code == 401
    assert caught.value.request_id == "r-9"
    assert caught.value.detail["status"] == "invalid_api_key"
    _assert_no_piece(*_everything_about(caught.value), caught.value.body)


@pytest.mark.parametrize(
    "make",
    [
        lambda: errors.error_for_status(401, {"request-id": "r"}, b'{"detail": "bad key"}'),
        lambda: errors.ResponseDecodeError("200: not JSON", status_code=200, body=b"<html>"),
        lambda: errors.ResponseValidationError("UserResponseModel", ["user_id: required field missing"]),
        lambda: errors.ResponseTooLargeError("too big", status_code=200, body=b""),
        lambda: errors.APITimeoutError("GET /v1/user: the 20 s deadline ran out"),
        lambda: errors.ConfigurationError("bad base URL"),
    ],
    ids=["status", "decode", "validation", "too-large", "timeout", "configuration"],
)
def test_every_error_pickles_and_unpickles_whole(make: Callable[[], errors.ElevenLabsError]) -> None:
    error = make()
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert again.__dict__ == error.__dict__


def test_debug_logs_of_every_library_hold_no_piece_of_a_stripped_key(
    httpserver: HTTPServer, client_for: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    for name in ("", "httpx", "httpcore", "elevenlabs_user_client"):
        caplog.set_level(logging.DEBUG, logger=name)
    httpserver.expect_request("/v1/user").respond_with_data("no", status=401, headers={"x-echo": CANARY_KEY})
    with pytest.raises(errors.AuthenticationError) as caught:
        get_user.sync(client=client_for(httpserver.url_for(""), token=CANARY_KEY + "\n"))
    assert caplog.records
    _assert_no_piece(caplog.text, *_everything_about(caught.value))


# --- The key in no frame a crash reporter would send: every local of the package's frames in a raised error's
# traceback either does not hold the key (in any form its repr shows) or has a name reporters scrub (Sentry's
# default denylist), on construction errors and failed calls alike.

KEY = "sk_frames_0123456789abcdef"
# Variable names Sentry's default EventScrubber replaces (sentry_sdk.scrubber.DEFAULT_DENYLIST, the part that
# names secrets): a local of one of these names may hold the key.
SCRUBBED = {"password", "passwd", "secret", "api_key", "apikey", "auth", "credentials", "privatekey", "private_key",
            "token", "session", "x_api_key", "authorization", "cookie", "set_cookie"}  # fmt: skip


def _package_frames(err: BaseException | None) -> Iterator[types.FrameType]:
    """The package's frames in `err`'s traceback and in those of every exception chained to it (some reporters
    follow `__context__` even where `raise ... from None` hides it)."""
    seen: set[int] = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        tb = err.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename.startswith(str(PACKAGE_DIR)):
                yield tb.tb_frame
            tb = tb.tb_next
        err = err.__cause__ or err.__context__


def _leaks(err: BaseException, key: str) -> list[str]:
    found = []
    for frame in _package_frames(err):
        for name, value in frame.f_locals.items():
            if name.lower() not in SCRUBBED and key in repr(value):
                found.append(f"{frame.f_code.co_name}: {name}")
    return found


def _raised(action: Callable[[], Any]) -> BaseException:
    try:
        action()
    except errors.ElevenLabsError as err:
        return err
    raise AssertionError("nothing raised")


CONSTRUCTION = [
    lambda: AuthenticatedClient(base_url="https://api.example.invalid", token=KEY + "é"),
    lambda: AuthenticatedClient.from_env(KEY + "é", base_url="https://api.example.invalid"),
    lambda: AuthenticatedClient(base_url="https://api.example.invalid", token=KEY + "\n" + KEY),
    lambda: AuthenticatedClient(base_url="ftp://nowhere", token=KEY),
]


@pytest.mark.parametrize("build", CONSTRUCTION, ids=["non-ascii", "from-env", "newline", "bad-base-url"])
def test_construction_errors_keep_the_key_out_of_unscrubbed_locals(build: Callable[[], Any]) -> None:
    err = _raised(build)
    assert list(_package_frames(err)), "the error was raised outside the package"
    assert _leaks(err, KEY[:-4]) == []


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_failed_calls_keep_the_key_out_of_unscrubbed_locals(mode: str) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    client = AuthenticatedClient(
        base_url="https://api.example.invalid",
        token=KEY,
        max_retries=0,
        httpx_args={"transport": httpx.MockTransport(refuse)},
    )
    call = (
        (lambda: get_user.sync(client=client))
        if mode == "sync"
        else (lambda: asyncio.run(get_user.asyncio(client=client)))
    )
    err = _raised(call)
    assert list(_package_frames(err))
    assert _leaks(err, KEY) == []
