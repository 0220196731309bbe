"""Per-call options (`with_options` and the old `with_*` methods), the User-Agent, `__version__`, `UNSET` and the
error that `sync_detailed` carries beside `parsed=None` — against loopback servers."""

from __future__ import annotations

import asyncio
import copy
import importlib.metadata
import pickle
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import CANARY_KEY
from elevenlabs_user_client import UNSET, Unset, __version__, errors, or_default
from elevenlabs_user_client.api.user import get_user
from elevenlabs_user_client.models import UserResponseModel
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from scripts import mock_api

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
