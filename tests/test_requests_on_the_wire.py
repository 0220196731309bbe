"""Requests exactly as the spec says (issue 22's findings on the whole API, on a spec that has what the User slice
lacks): multipart booleans are `true` / `false`, a null multipart field is left out, and a parameter the caller did
not set is not sent (the server applies its default; a deprecated one never goes unasked)."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
from generated import generated_package

PACKAGE = "tiny_request_client"
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "tiny", "version": "1"},
    "paths": {
        "/v1/voices/{voice_id}": {
            "post": {
                "operationId": "edit_voice",
                "tags": ["voices"],
                "parameters": [
                    {"name": "voice_id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "with_settings", "in": "query", "deprecated": True,
                     "schema": {"type": "boolean", "default": True}},
                    {"name": "page_size", "in": "query", "schema": {"type": "integer", "default": 30}},
                    {"name": "X-Trace", "in": "header", "schema": {"anyOf": [{"type": "string"}, {"type": "null"}]}},
                    {"name": "session", "in": "cookie", "schema": {"anyOf": [{"type": "string"}, {"type": "null"}]}},
                ],
                "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                    "$ref": "#/components/schemas/Body_edit_voice"}}}},
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {}}}}},
            }
        },
        "/v1/events/{at}/{ids}": {
            "get": {
                "operationId": "get_events",
                "tags": ["voices"],
                "parameters": [
                    {"name": "at", "in": "path", "required": True, "schema": {"type": "string", "format": "date-time"}},
                    {"name": "ids", "in": "path", "required": True,
                     "schema": {"type": "array", "items": {"type": "string"}}},
                    {"name": "X-Count", "in": "header", "schema": {"anyOf": [{"type": "integer"}, {"type": "null"}]}},
                    {"name": "since", "in": "cookie", "schema": {"type": "string", "format": "date"}},
                ],
                "responses": {"204": {"description": "ok"}},
            }
        },
    },
    "components": {"schemas": {
        "Body_edit_voice": {"type": "object", "title": "Body_edit_voice", "required": ["name", "remove_noise"],
                            "properties": {"name": {"type": "string"}, "remove_noise": {"type": "boolean"},
                                           "enhance": {"anyOf": [{"type": "boolean"}, {"type": "null"}]},
                                           "description": {"anyOf": [{"type": "string"}, {"type": "null"}]}}},
    }},
}  # fmt: skip


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_package(tmp_path_factory.mktemp("requests"), PACKAGE, SPEC) as package:
        yield package


def _sent(package: ModuleType, **arguments: Any) -> httpx.Request:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    client = package.Client(
        base_url="https://api.example.invalid", httpx_args={"transport": httpx.MockTransport(handler)}
    )
    endpoint = importlib.import_module(f"{PACKAGE}.api.voices.edit_voice")
    endpoint.sync(client=client, voice_id="v1", **arguments)
    (request,) = seen
    return request


def _parts(request: httpx.Request) -> dict[str, str]:
    body = request.read().decode()
    boundary = request.headers["content-type"].split("boundary=")[1]
    parts = {}
    for chunk in body.split("--" + boundary)[1:-1]:
        head, _, value = chunk.strip("\r\n").partition("\r\n\r\n")
        parts[head.split('name="')[1].split('"')[0]] = value
    return parts


def test_multipart_booleans_are_json_booleans_and_nulls_are_left_out(package: ModuleType) -> None:
    body = importlib.import_module(f"{PACKAGE}.models").BodyEditVoice
    request = _sent(package, body=body(name="n", remove_noise=True, enhance=False, description=None))
    assert _parts(request) == {"name": "n", "remove_noise": "true", "enhance": "false"}


def test_a_parameter_the_caller_did_not_set_is_not_sent(package: ModuleType) -> None:
    body = importlib.import_module(f"{PACKAGE}.models").BodyEditVoice(name="n", remove_noise=False)
    assert _sent(package, body=body).url.params.multi_items() == []
    request = _sent(package, body=body, with_settings=False, page_size=5)
    assert request.url.params.multi_items() == [("with_settings", "false"), ("page_size", "5")]
    endpoint = importlib.import_module(f"{PACKAGE}.api.voices.edit_voice")
    assert "Default: True" in (endpoint.sync.__doc__ or "")  # the documented default stays in the docs


def test_a_null_header_or_cookie_is_left_out(package: ModuleType) -> None:
    # Null has no form in a header or a cookie; httpx raised TypeError for it before.
    body = importlib.import_module(f"{PACKAGE}.models").BodyEditVoice(name="n", remove_noise=False)
    request = _sent(package, body=body, x_trace=None, session=None)
    assert "x-trace" not in request.headers and "cookie" not in request.headers
    request = _sent(package, body=body, x_trace="t-1", session="s-1")
    assert request.headers["x-trace"] == "t-1" and request.headers["cookie"] == "session=s-1"


def test_values_with_no_text_form_in_the_generated_code_are_written_as_json_writes_them(package: ModuleType) -> None:
    # A datetime in a path (str() would write a space, not ISO 8601's T), a list in a path (str() would write its
    # repr), an `int | None` header and a date cookie (httpx raised TypeError for both).
    seen: list[httpx.Request] = []
    client = package.Client(
        base_url="https://api.example.invalid",
        httpx_args={"transport": httpx.MockTransport(lambda r: seen.append(r) or httpx.Response(204))},
    )
    endpoint = importlib.import_module(f"{PACKAGE}.api.voices.get_events")
    at = datetime.datetime(2026, 12, 5, 19, 30, tzinfo=datetime.UTC)
    endpoint.sync_detailed(at, ["a", "b/c"], client=client, x_count=3, since=datetime.date(2026, 12, 1))
    (request,) = seen
    assert request.url.raw_path == b"/v1/events/2026-12-05T19%3A30%3A00%2B00%3A00/a,b%2Fc"
    assert request.headers["x-count"] == "3" and request.headers["cookie"] == "since=2026-12-01"
