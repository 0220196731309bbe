"""Code that uses the client is testable with the tools its authors use: httpx.MockTransport (as httpx documents
testing), respx and pytest-httpx. Each hands the client a response httpx has already read: parsed models, the
package's errors for error statuses, and retries as the mock sees them, sync and async."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from elevenlabs_user_client import AuthenticatedClient, errors
from elevenlabs_user_client.api.user import get_user, get_user_subscription
from elevenlabs_user_client.models import UserResponseModel
from pytest_httpx import HTTPXMock

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


def test_many_keys_share_one_pool_each_call_sends_its_own(user: dict[str, Any], tmp_path: Any) -> None:
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
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", str(code)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_from_env_takes_the_typed_settings(tmp_path: Any) -> None:
    import subprocess
    import sys

    code = tmp_path / "settings.py"
    code.write_text(
        "from elevenlabs_user_client import AuthenticatedClient\n"
        "ok = AuthenticatedClient.from_env(max_retries=1, deadline=5.0, strict=True)\n"
        "typo = AuthenticatedClient.from_env(max_retrys=1)\n"
    )
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", str(code)], capture_output=True, text=True)
    assert done.returncode == 1 and ":3: error" in done.stdout and '"max_retrys"' in done.stdout, done.stdout
    assert ":2: error" not in done.stdout
