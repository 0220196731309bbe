"""The client module against loopback servers: per-call options (with_options and the with_* methods), the User-Agent,
__version__, UNSET, connection settings in httpx_args reaching the transport, and code that uses the client tested
with httpx.MockTransport, respx and pytest-httpx."""

from __future__ import annotations

import asyncio
import copy
import importlib.metadata
import json
import pickle
import re
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from conftest import CANARY_KEY
from elevenlabs_user_client import UNSET, AuthenticatedClient, Unset, __version__, errors, or_default
from elevenlabs_user_client.api.user import get_user, get_user_subscription
from elevenlabs_user_client.models import UserResponseModel
from pytest_httpserver import HTTPServer
from pytest_httpx import HTTPXMock
from werkzeug import Request, Response

from scripts import mock_api

# --- Per-call options (`with_options` and the old `with_*` methods), the User-Agent, `__version__`, `UNSET` and the
# error that `sync_detailed` carries beside `parsed=None` — against loopback servers.

USER = "upstream-example-user.json"


@pytest.fixture
def api() -> Any:
    with mock_api.serve_account(CANARY_KEY) as running:
        yield running


# --- with_options ------------------------------------------------------------------------------------------------


def test_a_copy_sends_its_headers_and_the_original_never_does(client_for: Callable[..., Any], api: Any) -> None:
    original = client_for(api.base_url, headers={"x-team": "billing"})
    get_user.sync(client=original)  # the original's httpx client exists before the copy is made
    tagged = original.with_options(headers={"x-trace": "abc", "x-team": "support"})
    get_user.sync(client=tagged)
    get_user.sync(client=original)
    first, by_copy, after = (r.headers for r in api.requests)
    assert (by_copy["x-trace"], by_copy["x-team"]) == ("abc", "support")
    for seen in (first, after):
        assert "x-trace" not in seen and seen["x-team"] == "billing"


def test_the_old_with_methods_no_longer_change_the_shared_client(client_for: Callable[..., Any], api: Any) -> None:
    original = client_for(api.base_url)
    get_user.sync(client=original)
    get_user.sync(client=original.with_headers({"x-extra": "1"}).with_timeout(3.0))
    with pytest.warns(DeprecationWarning, match="with_cookies"):
        cookies = original.with_cookies({"c": "1"})
    get_user.sync(client=cookies)
    get_user.sync(client=original)
    assert "x-extra" in api.requests[1].headers
    assert "cookie" in api.requests[2].headers
    assert "x-extra" not in api.requests[3].headers and "cookie" not in api.requests[3].headers
    assert original.get_httpx_client().timeout == httpx.Timeout(10.0, connect=5.0)


def test_copies_share_the_connection_pool(client_for: Callable[..., Any], api: Any) -> None:
    original = client_for(api.base_url)
    copies = [original.with_options(timeout=2.0), original.with_options(headers={"x": "1"}, max_retries=0)]
    for client in (original, *copies, original):
        get_user.sync(client=client)
    assert len({r.client_port for r in api.requests}) == 1, "each copy opened its own connection"


def test_closing_a_copy_leaves_the_original_working(client_for: Callable[..., Any], api: Any) -> None:
    original = client_for(api.base_url)
    with original.with_options(max_retries=0) as copied:
        get_user.sync(client=copied)
    assert get_user.sync(client=original).user_id
    assert len(api.authenticated_paths) == 2


def test_async_copies_share_the_pool_too(client_for: Callable[..., Any], api: Any) -> None:
    original = client_for(api.base_url)

    async def calls() -> None:
        await get_user.asyncio(client=original)
        await get_user.asyncio(client=original.with_options(headers={"x": "1"}))

    asyncio.run(calls())
    assert len({r.client_port for r in api.requests}) == 1
    assert "x" in api.requests[1].headers and "x" not in api.requests[0].headers


def test_max_retries_per_copy(httpserver: HTTPServer, client_for: Callable[..., Any]) -> None:
    httpserver.expect_request("/v1/user").respond_with_data("busy", status=503)
    original = client_for(httpserver.url_for(""))
    with pytest.raises(errors.InternalServerError):
        get_user.sync(client=original.with_options(max_retries=0))
    assert len(httpserver.log) == 1
    with pytest.raises(errors.InternalServerError):
        get_user.sync(client=original)
    assert len(httpserver.log) == 1 + 3  # the original still retries twice


def _slow(seconds: float, body: bytes) -> Callable[[Request], Response]:
    def handle(request: Request) -> Response:
        time.sleep(seconds)
        return Response(body, status=200, content_type="application/json")

    return handle


@pytest.mark.parametrize("option", [{"timeout": 0.2}, {"deadline": 0.2}])
def test_timeout_and_deadline_per_copy(
    threaded_httpserver: HTTPServer,
    client_for: Callable[..., Any],
    load_fixture: Callable[[str], Any],
    option: dict[str, float],
) -> None:
    body = httpx.Response(200, json=load_fixture(USER)).content
    threaded_httpserver.expect_request("/v1/user").respond_with_handler(_slow(0.6, body))
    original = client_for(threaded_httpserver.url_for(""))
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError):
        get_user.sync(client=original.with_options(max_retries=0, **option))
    assert time.monotonic() - started < 0.5
    assert get_user.sync(client=original).user_id == "1234567890"  # default timeout and deadline: it waits


def test_with_options_checks_its_values(client_for: Callable[..., Any]) -> None:
    client = client_for("http://127.0.0.1:1")
    with pytest.raises(ValueError):
        client.with_options(max_retries=-1)
    with pytest.raises(ValueError):
        client.with_options(deadline=0)


def test_a_copy_of_a_client_with_a_hand_set_httpx_client_sends_through_it(
    client_for: Callable[..., Any], api: Any
) -> None:
    mine = httpx.Client(base_url=api.base_url, headers={"x-mine": "1", "xi-api-key": CANARY_KEY})
    client = client_for(api.base_url).set_httpx_client(mine)
    get_user.sync(client=client.with_options(headers={"x-copy": "2"}, timeout=3.0))
    seen = api.requests[0].headers
    assert (seen["x-mine"], seen["x-copy"]) == ("1", "2")
    assert not mine.is_closed


def test_leaving_a_copys_with_block_keeps_the_originals_connections(client_for: Callable[..., Any], api: Any) -> None:
    original = client_for(api.base_url)
    with original:
        with original.with_options(deadline=5.0) as copied:
            get_user.sync(client=copied)
        get_user.sync(client=original)
        copied.close()
        get_user.sync(client=original)
    with pytest.raises(errors.ClientClosedError):
        get_user.sync(client=original)


def test_a_copy_keeps_the_key_out_of_its_repr(client_for: Callable[..., Any]) -> None:
    copied = client_for("http://127.0.0.1:1").with_options(headers={"x": "1"}, deadline=None)
    assert CANARY_KEY not in repr(copied)
    assert copied.deadline is None


# --- identity ----------------------------------------------------------------------------------------------------


def test_version_comes_from_the_installed_metadata() -> None:
    assert __version__ == importlib.metadata.version("elevenlabs-user-client")


def test_every_request_names_the_package_python_and_httpx(client_for: Callable[..., Any], api: Any) -> None:
    get_user.sync(client=client_for(api.base_url))
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    httpx_version = ".".join(httpx.__version__.split(".")[:2])
    expected = f"elevenlabs-user-client/{__version__} python/{python} httpx/{httpx_version}"
    assert api.requests[0].user_agent == expected
    assert re.fullmatch(r"elevenlabs-user-client/\S+ python/\d+\.\d+ httpx/\d+\.\d+", expected)


@pytest.mark.parametrize("name", ["User-Agent", "user-agent"])
def test_the_user_agent_can_be_replaced(client_for: Callable[..., Any], api: Any, name: str) -> None:
    get_user.sync(client=client_for(api.base_url, headers={name: "billing-cron/2"}))
    get_user.sync(client=client_for(api.base_url).with_options(headers={name: "billing-cron/3"}))
    assert [r.user_agent for r in api.requests] == ["billing-cron/2", "billing-cron/3"]  # one header, not two


# --- UNSET ---------------------------------------------------------------------------------------------------------


def test_unset_prints_as_unset_and_stays_one_instance() -> None:
    assert repr(UNSET) == "UNSET" and str(UNSET) == "UNSET"
    assert not UNSET
    assert copy.copy(UNSET) is UNSET and copy.deepcopy(UNSET) is UNSET
    assert pickle.loads(pickle.dumps(UNSET)) is UNSET
    assert "first_name=UNSET" in repr(UserResponseModel.from_dict(_minimal_user()))


@pytest.mark.parametrize(
    ("value", "default", "expected"),
    [(UNSET, None, None), (UNSET, "n/a", "n/a"), (None, "n/a", None), ("Ada", None, "Ada"), (0, 5, 0), ("", "x", "")],
)
def test_or_default_replaces_only_a_missing_value(value: object, default: object, expected: object) -> None:
    assert or_default(value, default) == expected
    assert not isinstance(or_default(value, default), Unset)


def _minimal_user() -> dict[str, Any]:
    body: dict[str, Any] = mock_api.load_fixture("user-all-optional.json")
    body.pop("first_name", None)
    return body


# --- sync_detailed says why parsed is None ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "strict", "error"),
    [
        (401, b'{"detail": {"status": "invalid_api_key", "message": "Invalid API key"}}', False, "AuthenticationError"),
        (200, b"<html>maintenance</html>", False, "ResponseDecodeError"),
        (200, b"[1, 2]", False, "ResponseDecodeError"),
        (200, b'{"user_id": 1}', True, "ResponseValidationError"),  # lenient parsing keeps drifted bodies
    ],
)
def test_sync_detailed_carries_the_error_beside_parsed_none(
    httpserver: HTTPServer, client_for: Callable[..., Any], status: int, body: bytes, strict: bool, error: str
) -> None:
    httpserver.expect_request("/v1/user").respond_with_data(body, status=status, content_type="application/json")
    answer = get_user.sync_detailed(client=client_for(httpserver.url_for(""), strict=strict, max_retries=0))
    assert answer.parsed is None
    assert type(answer.error).__name__ == error
    assert isinstance(answer.error, errors.ElevenLabsError) and str(answer.error)
    with pytest.raises(type(answer.error)):
        get_user.sync(client=client_for(httpserver.url_for(""), strict=strict, max_retries=0))


def test_sync_detailed_has_no_error_when_the_body_parses(
    httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Callable[[str], Any]
) -> None:
    httpserver.expect_request("/v1/user").respond_with_json(load_fixture(USER))
    answer = get_user.sync_detailed(client=client_for(httpserver.url_for("")))
    assert answer.parsed is not None and answer.error is None


@pytest.mark.parametrize(
    ("dist_infos", "expected"),
    [
        ({"elevenlabs_user_client-1.2.3.dist-info": "Metadata-Version: 2.4\nName: x\nVersion: 1.2.3\n\nbody"}, "1.2.3"),
        ({}, None),  # an editable install or a source checkout: importlib.metadata decides
        (
            {
                "elevenlabs_user_client-1.dist-info": "Version: 1\n",
                "elevenlabs_user_client-2.dist-info": "Version: 2\n",
            },
            None,
        ),
        ({"elevenlabs_user_client-1.0.dist-info": "Name: x\n\nVersion: 9 (in the body, not a header)\n"}, None),
        ({"other_package-1.0.dist-info": "Version: 1.0\n"}, None),
    ],
)
def test_the_version_is_read_beside_an_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dist_infos: dict[str, str], expected: str | None
) -> None:
    from elevenlabs_user_client import _version

    (tmp_path / "elevenlabs_user_client").mkdir()
    for name, metadata in dist_infos.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "METADATA").write_text(metadata)
    monkeypatch.setattr(_version, "__file__", str(tmp_path / "elevenlabs_user_client" / "_version.py"))
    assert _version._version_beside_the_package() == expected


def test_the_settings_are_typed_once_and_every_client_takes_them() -> None:
    # Client.__init__ spells the settings with their defaults; Settings types them for AuthenticatedClient and
    # from_env (**settings: Unpack[Settings]): the two can never drift apart.
    import inspect
    import typing

    from elevenlabs_user_client.client import AuthenticatedClient, AuthenticatedSettings, Client, Settings

    keyword = {
        name: param.annotation
        for name, param in inspect.signature(Client.__init__, eval_str=True).parameters.items()
        if param.kind is inspect.Parameter.KEYWORD_ONLY
    }
    assert typing.get_type_hints(Settings) == keyword and list(Settings.__annotations__) == list(keyword)
    assert set(typing.get_type_hints(AuthenticatedSettings)) == {*keyword, "prefix", "auth_header_name"}
    for function, typed in (
        (AuthenticatedClient.__init__, Settings),
        (AuthenticatedClient.from_env, AuthenticatedSettings),
    ):
        (variadic,) = [p for p in inspect.signature(function).parameters.values() if p.kind is p.VAR_KEYWORD]
        assert typing.get_args(variadic.annotation) == (typed,)  # Unpack[typed]
    # What one client was given, its copies are given: every setting, nothing else.
    client = AuthenticatedClient(base_url="https://api.example.invalid", token="a-key", max_retries=5, strict=True)
    copy = client.with_options(deadline=3)
    assert (copy.max_retries, copy.strict, copy.deadline, copy.token) == (5, True, 3, "a-key")
    with pytest.raises(TypeError, match="max_retrys"):
        AuthenticatedClient(base_url="https://api.example.invalid", token="a-key", max_retrys=5)  # type: ignore[call-arg]


# --- Connection settings in httpx_args (limits, http2, ...) reach the transport that actually connects.


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


# --- Code that uses the client is testable with the tools its authors use: httpx.MockTransport (as httpx documents
# testing), respx and pytest-httpx. Each hands the client a response httpx has already read: parsed models, the
# package's errors for error statuses, and retries as the mock sees them, sync and async.

BASE = "https://api.example.invalid"  # never reached: every test's transport is a mock
FAST = {"retry_backoff": 0.001, "max_retry_wait": 0.001}  # retries without waiting, as a user's tests would set


@pytest.fixture
def user(load_fixture: Callable[[str], Any]) -> dict[str, Any]:
    body: dict[str, Any] = load_fixture("upstream-example-user.json")
    return body


def _answers(*responses: tuple[int, Any]) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    """A MockTransport answering (status, JSON body) in turn, the last one from then on, and the requests it saw."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        status, body = responses[min(len(seen), len(responses)) - 1]
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handler), seen


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_mock_transport_parsed_model_errors_and_retries(user: dict[str, Any], mode: str) -> None:
    transport, seen = _answers((503, None), (200, user))
    client = AuthenticatedClient(base_url=BASE, token="test-key", httpx_args={"transport": transport}, **FAST)
    parsed = get_user.sync(client=client) if mode == "sync" else asyncio.run(get_user.asyncio(client=client))
    assert isinstance(parsed, UserResponseModel) and parsed.user_id == user["user_id"]
    assert len(seen) == 2 and seen[0].headers["xi-api-key"] == "test-key"  # one retry, as the mock saw it

    transport, seen = _answers((401, {"detail": {"status": "invalid_api_key", "message": "no"}}))
    client = AuthenticatedClient(base_url=BASE, token="test-key", httpx_args={"transport": transport})
    with pytest.raises(errors.AuthenticationError) as caught:
        get_user.sync(client=client) if mode == "sync" else asyncio.run(get_user.asyncio(client=client))
    assert caught.value.status_code == 401 and len(seen) == 1
    detailed = get_user.sync_detailed(client=client)
    assert detailed.status_code == 401 and isinstance(detailed.error, errors.AuthenticationError) and len(seen) == 2


def test_mock_transport_through_set_httpx_client(user: dict[str, Any]) -> None:
    transport, seen = _answers((200, user))
    client = AuthenticatedClient(base_url=BASE, token="test-key")
    client.set_httpx_client(httpx.Client(base_url=BASE, transport=transport))
    assert get_user.sync(client=client).user_id == user["user_id"] and len(seen) == 1


def test_a_mocked_body_is_still_bounded(user: dict[str, Any]) -> None:
    transport, _ = _answers((200, user))
    client = AuthenticatedClient(base_url=BASE, token="k", httpx_args={"transport": transport}, max_response_bytes=10)
    with pytest.raises(errors.ResponseTooLargeError):
        get_user.sync(client=client)


@respx.mock(base_url=BASE, assert_all_called=True)
def test_respx(respx_mock: respx.MockRouter, user: dict[str, Any]) -> None:
    route = respx_mock.get("/v1/user").mock(side_effect=[httpx.Response(429), httpx.Response(200, json=user)])
    client = AuthenticatedClient(base_url=BASE, token="test-key", **FAST)
    assert get_user.sync(client=client).user_id == user["user_id"]
    assert route.call_count == 2
    respx_mock.get("/v1/user/subscription").mock(return_value=httpx.Response(404, json={"detail": "gone"}))
    with pytest.raises(errors.NotFoundError):
        asyncio.run(get_user_subscription.asyncio(client=client))


def test_pytest_httpx(httpx_mock: HTTPXMock, user: dict[str, Any]) -> None:
    httpx_mock.add_response(url=f"{BASE}/v1/user", status_code=500)
    httpx_mock.add_response(url=f"{BASE}/v1/user", json=user)
    client = AuthenticatedClient(base_url=BASE, token="test-key", **FAST)
    assert get_user.sync(client=client).user_id == user["user_id"]
    assert [r.headers["xi-api-key"] for r in httpx_mock.get_requests()] == ["test-key", "test-key"]
    assert json.loads(httpx_mock.get_requests()[0].content or b"null") is None


def test_every_status_from_100_to_599_reaches_every_function_as_documented(user: dict[str, Any]) -> None:
    # A status Python's HTTPStatus does not list (Cloudflare's 520-527) included: *_detailed return a Response
    # with that status and the error sync() raises; sync() and asyncio() return the model or raise the package's error.
    for code in range(100, 600):
        transport, _ = _answers((code, user))
        client = AuthenticatedClient(base_url=BASE, token="k", httpx_args={"transport": transport}, max_retries=0)
        outcomes = []
        for call in (get_user.sync, lambda client: asyncio.run(get_user.asyncio(client=client))):
            try:
                outcomes.append(call(client=client))
            except errors.ElevenLabsError as err:
                outcomes.append(err)
        for detailed in (get_user.sync_detailed(client=client), asyncio.run(get_user.asyncio_detailed(client=client))):
            assert detailed.status_code == code and json.loads(detailed.content) == user
            assert (detailed.parsed is not None) == (code == 200) and (detailed.error is None) == (code == 200)
            assert type(detailed.error) is type(outcomes[0]) or code == 200
        if code == 200:
            assert all(isinstance(o, UserResponseModel) for o in outcomes)
        else:
            wanted = errors.InternalServerError if code >= 500 else errors.APIStatusError
            assert all(isinstance(o, wanted) and o.status_code == code for o in outcomes), (code, outcomes)


def test_many_keys_share_one_pool_each_call_sends_its_own(
    user: dict[str, Any], tmp_path: Any, mypy_strict: Any
) -> None:
    transport, seen = _answers((200, user))
    client = AuthenticatedClient(base_url=BASE, token="key-of-the-service", httpx_args={"transport": transport})
    keys = [f"account-key-{n}" for n in range(5)]
    for key in keys:
        assert get_user.sync(client=client.with_options(token=key, max_retries=0)).user_id == user["user_id"]
    asyncio.run(get_user.asyncio(client=client.with_options(token="account-key-async")))
    get_user.sync(client=client)
    assert [r.headers["xi-api-key"] for r in seen] == [*keys, "account-key-async", "key-of-the-service"]
    copy = client.with_options(token="account-key-secret")
    assert copy.get_httpx_client() is client.get_httpx_client()  # one pool
    assert "account-key-secret" not in repr(copy)
    with pytest.raises(errors.ConfigurationError):
        client.with_options(token="bad key é")
    # Typed: a user's code that does this passes mypy --strict.
    code = tmp_path / "many_keys.py"
    code.write_text(
        "from elevenlabs_user_client import AuthenticatedClient\n"
        "from elevenlabs_user_client.api.user import get_user\n"
        "from elevenlabs_user_client.models import UserResponseModel\n"
        "client = AuthenticatedClient.from_env()\n"
        "def quota(key: str) -> UserResponseModel:\n"
        "    return get_user.sync(client=client.with_options(token=key))\n"
    )
    done = mypy_strict(code)
    assert done.returncode == 0, done.stdout


def test_from_env_takes_the_typed_settings(tmp_path: Any, mypy_strict: Any) -> None:
    code = tmp_path / "settings.py"
    code.write_text(
        "from elevenlabs_user_client import AuthenticatedClient\n"
        "ok = AuthenticatedClient.from_env(max_retries=1, deadline=5.0, strict=True)\n"
        "typo = AuthenticatedClient.from_env(max_retrys=1)\n"
    )
    done = mypy_strict(code)
    assert done.returncode == 1 and ":3: error" in done.stdout and '"max_retrys"' in done.stdout, done.stdout
    assert ":2: error" not in done.stdout
