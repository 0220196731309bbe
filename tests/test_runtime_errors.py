"""The errors module: every failure the caller meets is one of the package's errors: error statuses and bad bodies from
a real loopback server, decoding limits, odd error bodies, use after close, a client crossing event loops, bad
configuration named at construction."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest
from conftest import CANARY_KEY
from elevenlabs_user_client import AuthenticatedClient, errors
from elevenlabs_user_client.api.user import get_user, get_user_subscription
from keepalive_server import KeepAliveServer
from pytest_httpserver import HTTPServer

from scripts.paths import FIXTURES_DIR

# --- Error statuses and bad bodies from a real loopback server end in the package's error hierarchy.

DETAIL = {"detail": {"status": "invalid_api_key", "message": "Invalid API key"}}
VALIDATION = {"detail": [{"loc": ["query", "include"], "msg": "field required", "type": "missing"}]}


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (409, errors.ConflictError),
        (422, errors.UnprocessableEntityError),
        (429, errors.RateLimitError),
        (500, errors.InternalServerError),
        (503, errors.InternalServerError),
        (418, errors.APIStatusError),
    ],
)
def test_each_status_raises_its_class_with_detail_headers_and_request_id(
    httpserver: HTTPServer, client_for: Callable[..., Any], status: int, cls: type[errors.APIStatusError]
) -> None:
    httpserver.expect_request("/v1/user").respond_with_json(DETAIL, status=status, headers={"x-request-id": "req-7"})
    client = client_for(httpserver.url_for(""), max_retries=0)

    with pytest.raises(cls) as caught:
        get_user.sync(client=client)

    err = caught.value
    assert type(err) is cls
    assert isinstance(err, errors.ElevenLabsError)
    assert err.status_code == status
    assert err.detail == DETAIL["detail"]
    assert err.request_id == "req-7"
    assert err.headers["x-request-id"] == "req-7"
    assert str(err).startswith(f"{status} ")
    assert "invalid_api_key: Invalid API key (request id req-7)" in str(err)


def test_401_message_reads_like_a_sentence(httpserver: HTTPServer, client_for: Callable[..., Any]) -> None:
    httpserver.expect_request("/v1/user").respond_with_json(DETAIL, status=401, headers={"request-id": "abc"})
    with pytest.raises(errors.AuthenticationError) as caught:
        get_user.sync(client=client_for(httpserver.url_for("")))
    assert str(caught.value) == "401 Unauthorized: invalid_api_key: Invalid API key (request id abc)"


def test_422_lists_the_validation_errors(httpserver: HTTPServer, client_for: Callable[..., Any]) -> None:
    httpserver.expect_request("/v1/user/subscription").respond_with_json(VALIDATION, status=422)
    with pytest.raises(errors.UnprocessableEntityError) as caught:
        get_user_subscription.sync(client=client_for(httpserver.url_for("")))
    assert caught.value.detail == VALIDATION["detail"]
    assert "query.include: field required" in str(caught.value)


def test_async_raises_the_same_classes(httpserver: HTTPServer, client_for: Callable[..., Any]) -> None:
    httpserver.expect_request("/v1/user").respond_with_json(DETAIL, status=403)
    with pytest.raises(errors.PermissionDeniedError):
        asyncio.run(get_user.asyncio(client=client_for(httpserver.url_for(""))))


def test_detailed_variants_return_the_raw_answer_without_raising(
    httpserver: HTTPServer, client_for: Callable[..., Any]
) -> None:
    httpserver.expect_request("/v1/user").respond_with_json(DETAIL, status=404, headers={"x-trace-id": "t-1"})
    client = client_for(httpserver.url_for(""))

    sync_answer = get_user.sync_detailed(client=client)
    async_answer = asyncio.run(get_user.asyncio_detailed(client=client_for(httpserver.url_for(""))))

    for answer in (sync_answer, async_answer):
        assert answer.status_code == 404
        assert answer.parsed is None
        assert json.loads(answer.content) == DETAIL
        assert answer.headers["x-trace-id"] == "t-1"


def test_detailed_parses_a_success(httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Any) -> None:
    httpserver.expect_request("/v1/user").respond_with_json(load_fixture("upstream-example-user.json"))
    answer = get_user.sync_detailed(client=client_for(httpserver.url_for("")))
    assert answer.status_code == 200
    assert answer.parsed is not None and answer.parsed.user_id == "1234567890"


def test_a_redirect_is_an_unexpected_status_of_the_hierarchy(
    httpserver: HTTPServer, client_for: Callable[..., Any]
) -> None:
    httpserver.expect_request("/v1/user").respond_with_data("", status=302, headers={"Location": "/elsewhere"})
    with pytest.raises(errors.UnexpectedStatus) as caught:
        get_user.sync(client=client_for(httpserver.url_for("")))
    assert isinstance(caught.value, errors.APIStatusError)
    assert caught.value.status_code == 302
    assert caught.value.content == b""


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (b"<html><body>502 Bad Gateway</body></html>", "text/html", "<html><body>502"),
        (b'{"user_id": "1234567890", "subscr', "application/json", '{"user_id"'),
        (b"", "application/json", "empty body"),
        (b'[{"user_id": "1"}]', "application/json", "got array"),
        (b'"just a string"', "application/json", "got 'just a string'"),
    ],
    ids=["html", "truncated", "empty", "list", "string"],
)
def test_a_body_that_is_not_the_documented_json_raises_a_decode_error(
    httpserver: HTTPServer, client_for: Callable[..., Any], body: bytes, content_type: str, expected: str
) -> None:
    httpserver.expect_request("/v1/user").respond_with_data(body, status=200, content_type=content_type)
    with pytest.raises(errors.ResponseDecodeError) as caught:
        get_user.sync(client=client_for(httpserver.url_for("")))
    assert caught.value.status_code == 200
    assert caught.value.body == body
    assert str(caught.value).startswith("200: ")
    assert expected in str(caught.value)


def test_an_html_error_page_keeps_its_status_class_and_shows_an_excerpt(
    httpserver: HTTPServer, client_for: Callable[..., Any]
) -> None:
    page = "<html>" + "x" * 5000 + "</html>"
    httpserver.expect_request("/v1/user").respond_with_data(page, status=502, content_type="text/html")
    with pytest.raises(errors.InternalServerError) as caught:
        get_user.sync(client=client_for(httpserver.url_for(""), max_retries=0))
    message = str(caught.value)
    assert message.startswith("502 Bad Gateway: '<html>xxx")
    assert len(message) < 400  # an excerpt, not the page
    assert caught.value.detail is None


def test_connection_refused_is_a_connection_error_caused_by_httpx(client_for: Callable[..., Any]) -> None:
    import socket

    import httpx

    with socket.socket() as sock:  # a port nobody listens on: bind, then close before connecting
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(errors.APIConnectionError) as caught:
        get_user.sync(client=client_for(f"http://127.0.0.1:{port}", max_retries=1))
    assert not isinstance(caught.value, errors.APITimeoutError)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert "GET /v1/user" in str(caught.value)


def test_stock_unexpected_status_name_is_part_of_the_hierarchy() -> None:
    assert issubclass(errors.UnexpectedStatus, errors.APIStatusError)
    assert issubclass(errors.APITimeoutError, errors.APIConnectionError)
    for name in errors.__all__:
        value = getattr(errors, name)
        if isinstance(value, type):
            assert issubclass(value, errors.ElevenLabsError), name


# --- Everything is the package's error: decoding limits, odd error bodies, use after close, a client crossing event
# loops, bad configuration named at construction.

DEEP = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = b'{"a":' * 50_000 + b"1" + b"}" * 50_000
LONG_NUMBER = b'{"user_id": ' + b"9" * 50_000 + b"}"


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT, LONG_NUMBER], ids=["deep-array", "deep-object", "long-number"])
def test_hostile_json_is_a_decode_error_from_sync(
    httpserver: HTTPServer, client_for: Callable[..., Any], body: bytes
) -> None:
    httpserver.expect_request("/v1/user").respond_with_data(body, content_type="application/json")
    with pytest.raises(errors.ResponseDecodeError, match="refused"):
        get_user.sync(client=client_for(httpserver.url_for("")))


@pytest.mark.parametrize("body", [DEEP, LONG_NUMBER], ids=["deep", "long-number"])
def test_hostile_json_leaves_sync_detailed_with_the_raw_answer(
    httpserver: HTTPServer, client_for: Callable[..., Any], body: bytes
) -> None:
    httpserver.expect_request("/v1/user").respond_with_data(body, content_type="application/json")
    answer = get_user.sync_detailed(client=client_for(httpserver.url_for("")))
    assert answer.status_code == 200
    assert answer.parsed is None
    assert answer.content == body


@pytest.mark.parametrize("body", [DEEP, b'{"detail": ' + DEEP + b"}"], ids=["deep", "deep-detail"])
def test_a_hostile_401_body_is_still_the_authentication_error(
    httpserver: HTTPServer, client_for: Callable[..., Any], body: bytes
) -> None:
    httpserver.expect_request("/v1/user").respond_with_data(body, status=401, content_type="application/json")
    with pytest.raises(errors.AuthenticationError) as caught:
        get_user.sync(client=client_for(httpserver.url_for("")))
    assert len(str(caught.value)) < 400


@pytest.mark.parametrize(
    ("detail", "expected"),
    [
        ([{"loc": None, "msg": "bad"}], "422 Unprocessable Entity: bad"),
        ([{"loc": 7, "msg": "bad"}], "422 Unprocessable Entity: 7: bad"),
        ([{"loc": ["query", 3], "msg": "bad"}], "422 Unprocessable Entity: query.3: bad"),
        ([{"loc": "header"}], "422 Unprocessable Entity: header: {'loc': 'header'}"),
        ([{}], "422 Unprocessable Entity: {}"),
        ([None, 3, "text"], "422 Unprocessable Entity: None; 3; text"),
        ([], "422 Unprocessable Entity: the server gave no details (empty `detail` list)"),
        (None, "422 Unprocessable Entity: the server gave no details"),
        ({"message": None}, "422 Unprocessable Entity: {'message': None}"),
    ],
)
def test_odd_422_bodies_give_a_useful_message(
    httpserver: HTTPServer, client_for: Callable[..., Any], detail: Any, expected: str
) -> None:
    httpserver.expect_request("/v1/user").respond_with_json({"detail": detail}, status=422)
    with pytest.raises(errors.UnprocessableEntityError) as caught:
        get_user.sync(client=client_for(httpserver.url_for("")))
    assert str(caught.value) == expected
    assert caught.value.detail == detail


def test_a_client_used_after_its_with_block_raises_the_package_error(
    httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Any
) -> None:
    httpserver.expect_request("/v1/user").respond_with_json(load_fixture("upstream-example-user.json"))
    client = client_for(httpserver.url_for(""))
    with client:
        get_user.sync(client=client)
    with pytest.raises(errors.ClientClosedError, match="closed"):
        get_user.sync(client=client)


def test_an_async_client_used_after_its_with_block_raises_the_package_error(
    httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Any
) -> None:
    httpserver.expect_request("/v1/user").respond_with_json(load_fixture("upstream-example-user.json"))
    client = client_for(httpserver.url_for(""))

    async def twice() -> None:
        async with client:
            await get_user.asyncio(client=client)
        await get_user.asyncio(client=client)

    with pytest.raises(errors.ClientClosedError):
        asyncio.run(twice())


def test_one_client_works_from_two_event_loops(client_for: Callable[..., Any]) -> None:
    # A keep-alive server: the first loop's connection stays in the pool, bound to a loop that is closed.
    server = KeepAliveServer(FIXTURES_DIR / "upstream-example-user.json")
    try:
        client = client_for(f"http://127.0.0.1:{server.port}")
        first = asyncio.run(get_user.asyncio(client=client))
        second = asyncio.run(get_user.asyncio(client=client))  # the first loop is closed by now
        assert first.user_id == second.user_id == "1234567890"
    finally:
        server.kill()


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:abc", "127.0.0.1:8080", "ftp://127.0.0.1", "http://", "not a url at all"]
)
def test_a_bad_base_url_from_the_environment_fails_at_construction_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    monkeypatch.setenv("ELEVENLABS_BASE_URL", url)
    with pytest.raises(errors.ConfigurationError, match="ELEVENLABS_BASE_URL"):
        AuthenticatedClient.from_env()


@pytest.mark.parametrize("url", [None, 42, "http://127.0.0.1:abc", ""])
def test_a_bad_base_url_argument_fails_at_construction(url: Any) -> None:
    with pytest.raises(errors.ConfigurationError, match="base_url="):
        AuthenticatedClient(base_url=url, token=CANARY_KEY)


def test_configuration_errors_are_value_errors_too() -> None:
    # Callers that caught the ValueError attrs raised for bad settings keep working.
    with pytest.raises(ValueError):
        AuthenticatedClient(base_url="http://127.0.0.1:1", token="")


def test_a_body_that_is_valid_json_but_huge_in_numbers_parses_normally(
    httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Any
) -> None:
    body = load_fixture("upstream-example-user.json")
    body["padding"] = [10**30] * 2000 + [1.5e300]  # many numbers, each of ordinary length
    httpserver.expect_request("/v1/user").respond_with_data(json.dumps(body), content_type="application/json")
    user = get_user.sync(client=client_for(httpserver.url_for("")))
    assert user.additional_properties["padding"][0] == 10**30


def test_a_redirect_loop_is_the_package_error(httpserver: HTTPServer, client_for: Callable[..., Any]) -> None:
    httpserver.expect_request("/v1/user").respond_with_data("", status=307, headers={"Location": "/v1/user"})
    with pytest.raises(errors.APIConnectionError, match="TooManyRedirects"):
        get_user.sync(client=client_for(httpserver.url_for(""), follow_redirects=True))
