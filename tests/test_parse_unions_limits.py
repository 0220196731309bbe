"""Unions choose the member the data names (a const or enum it matches, the fields it has, a closed member that would
drop a field), and strict mode checks the value constraints the spec states; on a spec with what the whole upstream
API has and the User slice lacks."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from generated import generated_package

PACKAGE = "tiny_union_client"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(title: str, required: list[str], closed: bool = False, **properties: Any) -> dict[str, Any]:
    schema = {"type": "object", "title": title, "required": required, "properties": properties}
    return {**schema, "additionalProperties": False} if closed else schema


SCHEMAS: dict[str, Any] = {
    "Region": {"type": "string", "enum": ["https://api.example.invalid"], "x-enum-varnames": ["PRODUCTION"]},
    # ElevenLabs' media generations: the status names the member (the first one would "parse" any status leniently).
    "InProgress": _object("InProgress", ["status"], status={"type": "string", "enum": ["pending", "generating"]}),
    "Completed": _object("Completed", ["status", "url"], status={"const": "completed", "type": "string"},
                         url={"type": "string"}),
    # JSON-schema properties: a literal's type is one of four; an array's is "array".
    "Literal": _object("Literal", ["type"], type={"type": "string", "enum": ["string", "number"]}),
    "Array": _object("Array", ["type", "items"], type={"const": "array", "type": "string"}, items={}),
    # A closed member that takes a subset of the fields would drop the others.
    "Small": _object("Small", ["a"], closed=True, a={"type": "integer"}),
    "Large": _object("Large", ["a"], a={"type": "integer"}, b={"type": "integer"}),
    # Both fit; the data names the second's fields.
    "Loose": _object("Loose", [], x={"type": "integer"}),
    "Named": _object("Named", ["x", "y"], x={"type": "integer"}, y={"type": "integer"}),
    "Limited": _object("Limited", [], count={"type": "integer", "minimum": 0, "exclusiveMaximum": 10, "multipleOf": 5},
                       code={"type": "string", "minLength": 2, "maxLength": 3, "pattern": "^a"},
                       tags={"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 1,
                             "uniqueItems": True},
                       score={"anyOf": [{"type": "number", "maximum": 1.5}, {"type": "null"}]}),
    "Holder": _object("Holder", [], media={"anyOf": [_ref("InProgress"), _ref("Completed")]},
                      prop={"anyOf": [_ref("Literal"), _ref("Array")]},
                      sized={"anyOf": [_ref("Small"), _ref("Large")]},
                      named={"anyOf": [_ref("Loose"), _ref("Named")]},
                      limited=_ref("Limited")),
}  # fmt: skip
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "tiny", "version": "1"},
    "paths": {
        "/holder": {
            "get": {
                "operationId": "get_holder",
                "tags": ["things"],
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": _ref("Holder")}}}
                },
            }
        }
    },
    "components": {"schemas": SCHEMAS},
}


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_package(tmp_path_factory.mktemp("unions"), PACKAGE, SPEC) as package:
        yield importlib.import_module(f"{package.__name__}.models")


# (field, value, the member it must become)
CHOICES = [
    ("media", {"status": "completed", "url": "u"}, "Completed"),
    ("media", {"status": "pending"}, "InProgress"),
    ("prop", {"type": "array", "items": {"type": "string"}}, "Array"),
    ("prop", {"type": "number"}, "Literal"),
    ("sized", {"a": 1, "b": 2}, "Large"),
    ("sized", {"a": 1}, "Small"),
    ("named", {"x": 1, "y": 2}, "Named"),
    ("named", {"x": 1}, "Loose"),
]


@pytest.mark.parametrize(("field", "value", "member"), CHOICES, ids=[f"{c[0]}:{json.dumps(c[1])}" for c in CHOICES])
def test_a_union_becomes_the_member_the_data_names(models: ModuleType, field: str, value: Any, member: str) -> None:
    body = {field: value}
    for strict in (False, True):
        parsed = models.Holder.from_dict(json.loads(json.dumps(body)), strict=strict)
        assert type(getattr(parsed, field)).__name__ == member
        assert parsed.to_dict() == body  # every field received, given back


LIMITS = [
    ({"count": 5, "code": "ab", "tags": [1, 2], "score": 1.5}, []),
    ({"score": None}, []),
    ({"count": -5}, ["limited.count: -5 is below the minimum 0"]),
    ({"count": 3}, ["limited.count: 3 is not a multiple of 5"]),
    ({"count": 10}, ["limited.count: 10 is not below the exclusive maximum 10"]),
    ({"code": "b"}, ["limited.code: 'b' is shorter than the minimum length 2",
                     "limited.code: 'b' does not match the pattern '^a'"]),
    ({"code": "abcd"}, ["limited.code: 'abcd' is longer than the maximum length 3"]),
    ({"tags": []}, ["limited.tags: 0 items are fewer than the minimum 1"]),
    ({"tags": [2, 2, 0]}, ["limited.tags: 3 items are not unique", "limited.tags[2]: 0 is below the minimum 1"]),
    ({"score": 2}, ["limited.score: 2 is above the maximum 1.5"]),
]  # fmt: skip


@pytest.mark.parametrize(("limited", "problems"), LIMITS, ids=[json.dumps(c[0]) for c in LIMITS])
def test_strict_mode_checks_the_value_constraints(models: ModuleType, limited: Any, problems: list[str]) -> None:
    errors = importlib.import_module(f"{PACKAGE}.errors")
    body = {"limited": limited}
    assert models.Holder.from_dict(body).to_dict() == body  # lenient keeps the values as they came
    try:
        models.Holder.from_dict(body, strict=True)
        found: list[str] = []
    except errors.ResponseValidationError as err:
        found = err.violations
    assert found == problems
