"""One spelling of "may be null": ``anyOf: [<the schema>, {type: 'null'}]``, as upstream (pydantic) writes it.

3.0's ``nullable: true`` and 3.1 type lists (``type: [integer, 'null']``) both become that form, so the canonical
spec and the generator see a single construct whatever dialect the source used.
"""

from __future__ import annotations

from typing import Any

from .errors import SpecImportError
from .walk import iter_schemas

NULL_SCHEMA: dict[str, Any] = {"type": "null"}
# Keywords that describe the property as a whole; they stay beside anyOf, the rest moves into the non-null branch.
_ANNOTATIONS = frozenset(
    {
        "title",
        "description",
        "default",
        "deprecated",
        "example",
        "examples",
        "readOnly",
        "writeOnly",
        "externalDocs",
        "xml",
        "$comment",
    }
)


def _split(schema: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    outer = {k: v for k, v in schema.items() if k in _ANNOTATIONS or k.startswith("x-")}
    inner = {k: v for k, v in schema.items() if k not in outer}
    return outer, inner


def _without_null_enum(branch: dict[str, Any]) -> dict[str, Any]:
    if isinstance(branch.get("enum"), list) and None in branch["enum"]:
        branch = {**branch, "enum": [v for v in branch["enum"] if v is not None]}
    return branch


def _replace(schema: dict[str, Any], new: dict[str, Any]) -> None:
    schema.clear()
    schema.update(new)


def make_nullable(schema: dict[str, Any]) -> None:
    """Rewrite ``schema`` in place to also accept null (idempotent)."""
    for union in ("anyOf", "oneOf"):
        if isinstance(schema.get(union), list):
            if NULL_SCHEMA not in schema[union]:
                schema[union].append(dict(NULL_SCHEMA))
            return
    outer, inner = _split(schema)
    if list(inner) == ["allOf"] and isinstance(inner["allOf"], list) and len(inner["allOf"]) == 1:
        inner = inner["allOf"][0]  # 3.0's way to put siblings beside a $ref
    _replace(schema, {"anyOf": [_without_null_enum(inner), dict(NULL_SCHEMA)], **outer})


def type_lists_to_any_of(doc: dict[str, Any]) -> None:
    """``type: [X, 'null']`` -> ``anyOf: [{type: X, ...}, {type: 'null'}]``; ``type: [X]`` -> ``type: X``."""
    for pointer, schema in iter_schemas(doc):
        types = schema.get("type")
        if not isinstance(types, list):
            continue
        if not types or not all(isinstance(t, str) for t in types):
            raise SpecImportError("unsupported construct 'type' list", pointer + "/type")
        concrete = [t for t in dict.fromkeys(types) if t != "null"]
        nullable = "null" in types
        if len(concrete) == 1 and not nullable:
            schema["type"] = concrete[0]
            continue
        if not concrete:
            schema["type"] = "null"
            continue
        outer, inner = _split(schema)
        branches = [_without_null_enum({**inner, "type": t}) for t in concrete]
        if nullable:
            branches.append(dict(NULL_SCHEMA))
        _replace(schema, {"anyOf": branches, **outer})


def nullable_keyword_to_any_of(doc: dict[str, Any]) -> None:
    """OpenAPI 3.0 ``nullable: true`` -> the 3.1 form above (``nullable: false`` just goes)."""
    for _pointer, schema in iter_schemas(doc):
        if "nullable" not in schema:
            continue
        nullable = schema.pop("nullable") is True
        if nullable:
            make_nullable(schema)


def flatten_nested_any_of(doc: dict[str, Any]) -> None:
    """``anyOf: [{anyOf: [A, B]}, C]`` -> ``anyOf: [A, B, C]`` (what inlining a union into a nullable leaves)."""
    for _pointer, schema in iter_schemas(doc):
        members = schema.get("anyOf")
        if not isinstance(members, list):
            continue
        while any(_is_bare_any_of(m) for m in members):
            members = [part for m in members for part in (m["anyOf"] if _is_bare_any_of(m) else [m])]
        schema["anyOf"] = members


def _is_bare_any_of(member: Any) -> bool:
    return isinstance(member, dict) and list(member) == ["anyOf"] and isinstance(member["anyOf"], list)
