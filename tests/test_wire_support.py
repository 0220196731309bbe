"""Generation refuses a spec whose requests the templates would not send as it asks (scripts/wire_support.py): a
table of parameter and form-part serializations, and `make generate` saying so in one line per place."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scripts.paths import ROOT
from scripts.wire_support import unsupported

_IDS = {"type": "array", "items": {"type": "string"}}
_FILTER = {"type": "object", "properties": {"a": {"type": "string"}}}
_NULLABLE_INT = {"anyOf": [{"type": "integer"}, {"type": "null"}]}


def _with_parameter(**parameter: Any) -> dict[str, Any]:
    parameter = {"name": "p", "required": parameter.get("in") == "path", **parameter}
    path = "/v1/things/{p}" if parameter["in"] == "path" else "/v1/things"
    operation = {"operationId": "get_things", "parameters": [parameter], "responses": {"204": {"description": "ok"}}}
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {path: {"get": operation}}}


# (parameter, what the one problem line must say; None: sent as the spec asks)
PARAMETERS: list[tuple[dict[str, Any], str | None]] = [
    ({"in": "query", "schema": _IDS}, None),
    ({"in": "query", "schema": _IDS, "style": "form", "explode": True}, None),  # the defaults, said aloud
    ({"in": "query", "schema": {"type": "boolean"}, "explode": False}, None),  # explode changes no primitive
    ({"in": "query", "schema": _FILTER}, None),
    ({"in": "query", "schema": _NULLABLE_INT}, None),
    ({"in": "query", "schema": {"type": "string", "enum": ["a", "b"]}}, None),
    ({"in": "query", "schema": {}}, None),  # untyped: the caller's value
    ({"in": "query", "schema": _IDS, "explode": False}, "query parameter 'p': explode False"),
    ({"in": "query", "schema": _FILTER, "explode": False}, "query parameter 'p': explode False"),
    ({"in": "query", "schema": _IDS, "style": "pipeDelimited"}, "query parameter 'p': style 'pipeDelimited'"),
    ({"in": "query", "schema": _IDS, "style": "spaceDelimited"}, "query parameter 'p': style 'spaceDelimited'"),
    ({"in": "query", "schema": _FILTER, "style": "deepObject"}, "query parameter 'p': style 'deepObject'"),
    ({"in": "query", "schema": {"type": "array", "items": _FILTER}}, "query parameter 'p': array of object values"),
    ({"in": "path", "schema": {"type": "string"}}, None),
    ({"in": "path", "schema": {"type": "integer"}, "style": "simple"}, None),
    ({"in": "path", "schema": {"type": "string"}, "style": "label"}, "path parameter 'p': style 'label'"),
    ({"in": "path", "schema": {"type": "string"}, "style": "matrix"}, "path parameter 'p': style 'matrix'"),
    ({"in": "path", "schema": {"type": "boolean"}}, "path parameter 'p': boolean values"),
    ({"in": "path", "schema": {"enum": [True, None]}}, "path parameter 'p': boolean values"),  # kinds from the values
    ({"in": "path", "schema": {"const": 3}}, None),
    ({"in": "path", "schema": _IDS}, "path parameter 'p': array values"),
    ({"in": "header", "schema": {"anyOf": [{"type": "string"}, {"type": "null"}]}}, None),
    ({"in": "header", "schema": {"type": "boolean"}}, None),
    ({"in": "header", "schema": _IDS}, "header parameter 'p': array values"),
    ({"in": "header", "schema": _FILTER}, "header parameter 'p': object values"),
    ({"in": "cookie", "schema": {"type": "string"}}, None),
    ({"in": "cookie", "schema": {"type": "integer"}}, "cookie parameter 'p': integer values"),
    ({"in": "query", "content": {"application/json": {"schema": _FILTER}}}, "query parameter 'p': no `schema`"),
]


@pytest.mark.parametrize(("parameter", "said"), PARAMETERS)
def test_parameters_are_sent_as_the_spec_asks_or_refused(parameter: dict[str, Any], said: str | None) -> None:
    found = unsupported(_with_parameter(**parameter))
    if said is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith("GET /v1/things") and said in found[0], found


def test_a_shared_parameter_is_checked_where_it_is_used() -> None:
    doc = _with_parameter(**{"$ref": "#/components/parameters/Ids", "in": "query"})
    doc["components"] = {"parameters": {"Ids": {"name": "ids", "in": "query", "schema": _IDS, "explode": False}}}
    assert unsupported(doc) == ["GET /v1/things: query parameter 'ids': explode False (the client sends explode True)"]


def test_a_schema_that_refers_to_itself_is_read_once() -> None:
    doc = _with_parameter(**{"in": "query", "schema": {"$ref": "#/components/schemas/Tree"}})
    doc["components"] = {"schemas": {"Tree": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}}}
    assert unsupported(doc) == []  # the check ends (the generator itself then refuses this parameter)


def _with_form(media_type: str, properties: dict[str, Any], encoding: dict[str, Any]) -> dict[str, Any]:
    content = {"schema": {"type": "object", "properties": properties}, "encoding": encoding}
    operation = {"requestBody": {"content": {media_type: content}}, "responses": {"204": {"description": "ok"}}}
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/v1/upload": {"post": operation}}}


_FILE = {"type": "string", "format": "binary"}
MULTIPART = "multipart/form-data"
FORM = "application/x-www-form-urlencoded"
# (media type, the part's schema, its encoding entry, what the one problem line must say; None: sent as asked)
PARTS: list[tuple[str, dict[str, Any], dict[str, Any], str | None]] = [
    (MULTIPART, _FILTER, {"contentType": "application/json"}, None),
    (MULTIPART, {"type": "array", "items": _FILTER}, {"contentType": "application/json"}, None),
    (MULTIPART, {"type": "boolean"}, {"contentType": "text/plain; charset=utf-8"}, None),
    (MULTIPART, _FILE, {"contentType": "image/png, image/jpeg"}, None),  # the File carries its own type
    (MULTIPART, {"type": "array", "items": _FILE}, {"contentType": "audio/mpeg"}, None),
    (MULTIPART, _FILTER, {"contentType": "application/xml"}, "part 'x': contentType 'application/xml'"),
    (MULTIPART, {"type": "integer"}, {"contentType": "application/json"}, "part 'x': contentType 'application/json'"),
    (MULTIPART, _FILE, {"headers": {"X-Rate": {"schema": {"type": "integer"}}}}, "part 'x': part headers ['X-Rate']"),
    (FORM, _IDS, {"explode": True}, None),
    (FORM, _IDS, {"explode": False}, "part 'x': explode False"),
    (FORM, {"type": "string"}, {"allowReserved": True}, "part 'x': allowReserved True"),
    (FORM, _FILTER, {}, "field 'x': object values"),
]


@pytest.mark.parametrize(("media_type", "schema", "encoding", "said"), PARTS)
def test_form_parts_are_sent_as_the_spec_asks_or_refused(
    media_type: str, schema: dict[str, Any], encoding: dict[str, Any], said: str | None
) -> None:
    found = unsupported(_with_form(media_type, {"x": schema}, {"x": encoding} if encoding else {}))
    if said is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(f"POST /v1/upload: {media_type}") and said in found[0], found


def test_generation_refuses_such_a_spec_in_one_line_per_place(tmp_path: Path) -> None:
    doc = _with_parameter(**{"in": "query", "schema": _IDS, "explode": False})
    doc["paths"]["/v1/things"]["get"]["parameters"].append({"name": "d", "in": "query", "schema": _FILTER,
                                                             "style": "deepObject"})  # fmt: skip
    (tmp_path / "spec.json").write_text(json.dumps(doc))
    done = subprocess.run(
        [sys.executable, "-m", "scripts.generate", "--spec", str(tmp_path / "spec.json"), "--output", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 2, done.stderr
    assert "GET /v1/things: query parameter 'p': explode False" in lines[0]
    assert "GET /v1/things: query parameter 'd': style 'deepObject'" in lines[1]
    assert not (tmp_path / "elevenlabs_user_client").exists()
