"""Error statuses and bad bodies from a real loopback server end in the package's error hierarchy."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest
from elevenlabs_user_client import errors
from elevenlabs_user_client.api.user import get_user, get_user_subscription
from pytest_httpserver import HTTPServer

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
