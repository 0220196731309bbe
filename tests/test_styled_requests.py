"""A spec asking for every parameter style and form encoding OpenAPI defines, generated, called with the values of
OpenAPI's Style Examples table, and each request read as it reached a server on 127.0.0.1 (sync and async)."""

from __future__ import annotations

import asyncio
import email.parser
import importlib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from generated import generated_package, ref
from wire_check import Sent, recording_server

PACKAGE = "styled_request_client"
_COLORS = {"type": "array", "items": {"type": "string"}}
_NUMS = {"type": "array", "items": {"type": "integer"}}
_OK = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}


def _query(name: str, schema: dict[str, Any], **style: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": schema, **style}


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "styled", "version": "1"},
    "servers": [{"url": "https://api.example.invalid"}],
    "paths": {
        "/v1/things/{label}/{matrix}/{on}/{shade}": {"get": {
            "operationId": "get_things", "tags": ["things"], "responses": _OK,
            "parameters": [
                {"name": "label", "in": "path", "required": True, "schema": _COLORS, "style": "label",
                 "explode": True},
                {"name": "matrix", "in": "path", "required": True, "schema": ref("Rgb"), "style": "matrix",
                 "explode": True},
                {"name": "on", "in": "path", "required": True, "schema": {"type": "boolean"}},
                {"name": "shade", "in": "path", "required": True, "schema": ref("Color"), "style": "matrix"},
                _query("csv", _COLORS, explode=False), _query("pipes", _NUMS, style="pipeDelimited"),
                _query("spaces", _COLORS, style="spaceDelimited"),
                _query("filter", ref("Rgb"), style="deepObject", explode=True),
                _query("flat", ref("Rgb"), explode=False), _query("spread", ref("Rgb")),
                _query("shades", {"type": "array", "items": ref("Color")}, explode=False),
                _query("page", {"type": "integer"}),
                {"name": "n", "in": "cookie", "schema": {"type": "integer"}},
                {"name": "tags", "in": "cookie", "schema": _COLORS, "explode": False},
            ],
        }},
        "/v1/upload": {"post": {
            "operationId": "upload", "tags": ["things"], "responses": _OK,
            "requestBody": {"required": True, "content": {"multipart/form-data": {
                "schema": ref("Body_upload"),
                "encoding": {"note": {"contentType": "text/markdown"}, "meta": {"contentType": "application/geo+json"}},
            }}},
        }},
        "/v1/form": {"post": {
            "operationId": "send_form", "tags": ["things"], "responses": _OK,
            "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {
                "schema": ref("Body_form"),
                "encoding": {"ids": {"style": "pipeDelimited"}, "rgb": {"style": "deepObject", "explode": True}},
            }}},
        }},
    },
    "components": {"schemas": {
        "Rgb": {"type": "object", "title": "Rgb",
                "properties": {"R": {"type": "integer"}, "G": {"type": "integer"}, "B": {"type": "integer"}}},
        "Color": {"type": "string", "enum": ["blue", "black", "brown"], "title": "Color"},
        "Body_upload": {"type": "object", "title": "Body_upload", "required": ["note"], "properties": {
            "note": {"type": "string"}, "meta": ref("Rgb"), "file": {"type": "string", "format": "binary"}}},
        "Body_form": {"type": "object", "title": "Body_form", "required": ["ids"], "properties": {
            "ids": _COLORS, "rgb": ref("Rgb"), "spread": ref("Rgb"), "flag": {"type": "boolean"}}},
    }},
}  # fmt: skip


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_package(tmp_path_factory.mktemp("styled"), PACKAGE, SPEC) as package:
        yield package


def _call(package: ModuleType, operation: str, asynchronous: bool, *args: Any, **kwargs: Any) -> Sent:
    endpoint = importlib.import_module(f"{PACKAGE}.api.things.{operation}")
    with recording_server() as (url, seen):
        client = package.AuthenticatedClient(base_url=url, token="test-key", max_retries=0)
        if asynchronous:
            asyncio.run(endpoint.asyncio_detailed(*args, client=client, **kwargs))
        else:
            endpoint.sync_detailed(*args, client=client, **kwargs)
    (sent,) = seen
    return sent


def _header(sent: Sent, name: str) -> str | None:
    return next((value for key, value in sent.headers if key.lower() == name), None)


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_parameters_are_written_in_the_style_the_spec_asks(package: ModuleType, asynchronous: bool) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    rgb, blue, brown = models.Rgb(r=100, g=200, b=150), models.Color.BLUE, models.Color.BROWN
    sent = _call(
        package, "get_things", asynchronous, ["blue", "black"], rgb, True, blue,
        csv=["blue", "black", "brown"], pipes=[1, 2], spaces=["x", "y"], filter_=rgb, flat=rgb, spread=rgb,
        shades=[blue, brown], page=2, n=5, tags=["t1", "t2"],
    )  # fmt: skip
    assert sent.target == (
        "/v1/things/.blue.black/;R=100;G=200;B=150/true/;shade=blue"
        "?csv=blue,black,brown&pipes=1%7C2&spaces=x%20y&filter%5BR%5D=100&filter%5BG%5D=200&filter%5BB%5D=150"
        "&flat=R,100,G,200,B,150&R=100&G=200&B=150&shades=blue,brown&page=2"
    )
    assert _header(sent, "cookie") == "n=5; tags=t1,t2"


def test_styled_parameters_the_caller_did_not_set_are_not_sent(package: ModuleType) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    sent = _call(package, "get_things", False, ["a"], models.Rgb(), False, models.Color.BLACK)
    assert sent.target == "/v1/things/.a/;matrix/false/;shade=black"  # an empty object: the table's empty row
    assert _header(sent, "cookie") is None


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_form_parts_take_the_types_and_styles_the_spec_asks(package: ModuleType, asynchronous: bool) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    rgb = models.Rgb(r=100, g=200, b=150)
    sent = _call(package, "upload", asynchronous, body=models.BodyUpload(note="# hi", meta=rgb))
    message = email.parser.BytesParser().parsebytes(
        f"Content-Type: {_header(sent, 'content-type')}\n\n".encode() + sent.body
    )
    types = {part.get_param("name", header="content-disposition"): part.get_content_type()
             for part in message.get_payload()}  # fmt: skip
    assert types == {"note": "text/markdown", "meta": "application/geo+json"}
    sent = _call(package, "send_form", asynchronous, body=models.BodyForm(ids=["a", "b"], rgb=rgb, flag=True))
    assert sent.body == b"flag=true&ids=a%7Cb&rgb%5BR%5D=100&rgb%5BG%5D=200&rgb%5BB%5D=150"


def test_the_styled_package_type_checks(package: ModuleType, mypy_strict: Callable[[Path], Any]) -> None:
    # The whole published API is type-checked by `make check`, but it asks for no style: this package does.
    done = mypy_strict(Path(package.__file__).parent)
    assert done.returncode == 0, done.stdout
