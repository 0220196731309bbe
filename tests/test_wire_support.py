"""How a spec's requests are written (scripts/wire_support.py): which parameters and form parts the templates write
in another style than their location's default, which have no defined form (generation refuses those, one line per
place), and `make generate` saying so."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scripts.paths import ROOT
from scripts.wire_support import survey, unsupported

_IDS = {"type": "array", "items": {"type": "string"}}
_FILTER = {"type": "object", "properties": {"a": {"type": "string"}}}
_NULLABLE_INT = {"anyOf": [{"type": "integer"}, {"type": "null"}]}


def _with_parameter(**parameter: Any) -> dict[str, Any]:
    parameter = {"name": "p", "required": parameter.get("in") == "path", **parameter}
    path = "/v1/things/{p}" if parameter["in"] == "path" else "/v1/things"
    operation = {"operationId": "get_things", "parameters": [parameter], "responses": {"204": {"description": "ok"}}}
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {path: {"get": operation}}}


# (parameter, outcome): None, no style to hand the templates (they write the value by its Python type); [style,
# explode], written by the runtime's _style in that style; a text, the one problem line says it (generation refuses
# the spec).
PARAMETERS: list[tuple[dict[str, Any], list[Any] | str | None]] = [
    ({"in": "query", "schema": _IDS}, None),
    ({"in": "query", "schema": _IDS, "style": "form", "explode": True}, None),  # the defaults, said aloud
    ({"in": "query", "schema": {"type": "boolean"}, "explode": False}, None),  # explode changes no primitive
    ({"in": "query", "schema": _FILTER}, None),
    ({"in": "query", "schema": _NULLABLE_INT}, None),
    ({"in": "query", "schema": {"type": "string", "enum": ["a", "b"]}}, None),
    ({"in": "query", "schema": {}}, None),  # untyped: the caller's value
    ({"in": "query", "schema": _IDS, "explode": False}, ["form", False]),
    ({"in": "query", "schema": _FILTER, "explode": False}, ["form", False]),
    ({"in": "query", "schema": _IDS, "style": "pipeDelimited"}, ["pipeDelimited", False]),
    ({"in": "query", "schema": _IDS, "style": "spaceDelimited", "explode": True}, ["spaceDelimited", True]),
    ({"in": "query", "schema": _FILTER, "style": "deepObject", "explode": True}, ["deepObject", True]),
    ({"in": "query", "schema": _FILTER, "style": "deepObject"}, ["deepObject", False]),  # one form only
    ({"in": "query", "schema": {"type": "array", "items": _FILTER}}, "query parameter 'p': array of object values"),
    ({"in": "query", "schema": {"type": "object", "properties": {"a": _IDS}}}, "'p': object of array values"),
    ({"in": "query", "schema": _IDS, "style": "deepObject"}, "style 'deepObject' on array values"),
    ({"in": "query", "schema": {"type": "integer"}, "style": "pipeDelimited"}, "style 'pipeDelimited' on integer"),
    ({"in": "query", "schema": _FILTER, "style": "spaceDelimited", "explode": True}, "exploded on object values"),
    ({"in": "query", "schema": _IDS, "style": "label"}, "query parameter 'p': style 'label' (a query parameter takes"),
    ({"in": "path", "schema": {"type": "string"}}, None),
    ({"in": "path", "schema": {"type": "integer"}, "style": "simple"}, None),
    ({"in": "path", "schema": {"type": "string"}, "style": "label"}, ["label", False]),
    ({"in": "path", "schema": {"type": "string"}, "style": "matrix", "explode": True}, ["matrix", True]),
    ({"in": "path", "schema": {"type": "boolean"}}, None),  # `true`: by its Python type (templates/parameters.jinja)
    ({"in": "query", "schema": {"enum": [True, None]}, "style": "pipeDelimited"}, "on boolean values"),  # by values
    ({"in": "path", "schema": {"const": 3}}, None),
    ({"in": "path", "schema": _NULLABLE_INT}, None),  # a null: the empty row, by its Python type as well
    ({"in": "path", "schema": _IDS}, None),  # `a,b`: simple, unexploded, by its Python type
    ({"in": "path", "schema": _IDS, "explode": True}, ["simple", True]),
    ({"in": "path", "schema": _FILTER, "explode": True}, ["simple", True]),
    ({"in": "path", "schema": _FILTER, "style": "form"}, "path parameter 'p': style 'form'"),
    ({"in": "header", "schema": {"anyOf": [{"type": "string"}, {"type": "null"}]}}, None),
    ({"in": "header", "schema": {"type": "boolean"}}, None),
    ({"in": "header", "schema": _IDS}, "header parameter 'p': array values"),
    ({"in": "header", "schema": _FILTER}, "header parameter 'p': object values"),
    ({"in": "cookie", "schema": {"type": "string"}}, None),
    ({"in": "cookie", "schema": {"type": "integer"}}, None),  # str() by its Python type
    ({"in": "cookie", "schema": _IDS, "explode": False}, ["form", False]),
    ({"in": "cookie", "schema": _IDS}, "cookie parameter 'p': exploded array values"),
    ({"in": "query", "content": {"application/json": {"schema": _FILTER}}}, "query parameter 'p': no `schema`"),
]


@pytest.mark.parametrize(("parameter", "outcome"), PARAMETERS)
def test_parameters_are_sent_as_is_written_in_their_style_or_refused(
    parameter: dict[str, Any], outcome: list[Any] | str | None
) -> None:
    doc = _with_parameter(**parameter)
    problems, styles = survey(doc)
    if isinstance(outcome, str):
        assert len(problems) == 1 and problems[0].startswith("GET /v1/things") and outcome in problems[0], problems
        assert styles == {}
        return
    assert problems == []
    operation = "get " + next(iter(doc["paths"]))
    assert styles == ({} if outcome is None else {operation: {parameter["in"]: {"p": outcome}}})


def test_a_shared_parameter_is_checked_where_it_is_used() -> None:
    doc = _with_parameter(**{"$ref": "#/components/parameters/Ids", "in": "query"})
    doc["components"] = {"parameters": {"Ids": {"name": "ids", "in": "query", "schema": _IDS, "explode": False}}}
    assert survey(doc) == ([], {"get /v1/things": {"query": {"ids": ["form", False]}}})


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
_CSV = "text/csv; charset=utf-8"
FORM = "application/x-www-form-urlencoded"
# (media type, the part's schema, its encoding entry, outcome): None, sent by default; a dict, this operation's
# styles; a text, the one problem line says it.
PARTS: list[tuple[str, dict[str, Any], dict[str, Any], dict[str, Any] | str | None]] = [
    (MULTIPART, _FILTER, {"contentType": "application/json"}, None),
    (MULTIPART, {"type": "array", "items": _FILTER}, {"contentType": "application/json"}, None),
    (MULTIPART, {"type": "boolean"}, {"contentType": "text/plain; charset=utf-8"}, None),
    (MULTIPART, _FILE, {"contentType": "image/png, image/jpeg"}, None),  # the File carries its own type
    (MULTIPART, {"type": "array", "items": _FILE}, {"contentType": "audio/mpeg"}, None),
    (MULTIPART, _FILTER, {"contentType": "application/geo+json"}, {"parts": {"x": "application/geo+json"}}),
    (MULTIPART, {"type": "string"}, {"contentType": _CSV}, {"parts": {"x": _CSV}}),
    (MULTIPART, _IDS, {"contentType": "text/markdown"}, {"parts": {"x": "text/markdown"}}),  # each repeated part
    (MULTIPART, _IDS, {"style": "pipeDelimited"}, None),  # style applies to urlencoded bodies only
    (MULTIPART, _FILTER, {"contentType": "application/xml"}, "part 'x': contentType 'application/xml'"),
    (MULTIPART, {"type": "integer"}, {"contentType": "application/json"}, "part 'x': contentType 'application/json'"),
    (MULTIPART, _FILE, {"headers": {"X-Rate": {"schema": {"type": "integer"}}}}, "part 'x': part headers ['X-Rate']"),
    (FORM, _IDS, {"explode": True}, None),
    (FORM, _IDS, {"explode": False}, {"fields": {"x": ["form", False]}}),
    (FORM, _FILTER, {}, {"fields": {"x": ["form", True]}}),  # its properties as fields, not a Python repr
    (FORM, _NULLABLE_INT, {}, {"fields": {"x": ["form", True]}}),  # a null is left out, not sent as `x=`
    (FORM, _FILTER, {"style": "deepObject", "explode": True}, {"fields": {"x": ["deepObject", True]}}),
    (FORM, {"type": "string"}, {"allowReserved": True}, "part 'x': allowReserved True"),
    (FORM, {"type": "array", "items": _FILTER}, {}, "field 'x': array of object values"),
    (FORM, {"type": "string"}, {"contentType": "application/json"}, "part 'x': contentType 'application/json'"),
]


@pytest.mark.parametrize(("media_type", "schema", "encoding", "outcome"), PARTS)
def test_form_parts_are_sent_by_default_written_as_asked_or_refused(
    media_type: str, schema: dict[str, Any], encoding: dict[str, Any], outcome: dict[str, Any] | str | None
) -> None:
    problems, styles = survey(_with_form(media_type, {"x": schema}, {"x": encoding} if encoding else {}))
    if isinstance(outcome, str):
        assert len(problems) == 1 and problems[0].startswith(f"POST /v1/upload: {media_type}"), problems
        assert outcome in problems[0], problems
        return
    assert problems == []
    assert styles == ({} if outcome is None else {"post /v1/upload": outcome})


def test_generation_refuses_such_a_spec_in_one_line_per_place(tmp_path: Path) -> None:
    doc = _with_parameter(**{"in": "query", "schema": {"type": "array", "items": _FILTER}})
    doc["paths"]["/v1/things"]["get"]["parameters"].append({"name": "d", "in": "query", "schema": _IDS,
                                                             "style": "deepObject"})  # fmt: skip
    (tmp_path / "spec.json").write_text(json.dumps(doc))
    done = subprocess.run(
        [sys.executable, "-m", "scripts.generate", "--spec", str(tmp_path / "spec.json"), "--output", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 2, done.stderr
    assert "GET /v1/things: query parameter 'p': array of object values" in lines[0]
    assert "GET /v1/things: query parameter 'd': style 'deepObject' on array values" in lines[1]
    assert not (tmp_path / "elevenlabs_user_client").exists()
