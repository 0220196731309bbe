"""One spelling of "may be null": ``anyOf: [<each non-null branch>, {type: 'null'}]``, as upstream (pydantic) writes it.

Every way ElevenLabs' documents have said "nullable" becomes that form, so the canonical spec (and so the generated
package) is the same whatever dialect or era the source was written in:

- 3.0 ``nullable: true`` on a type, an enum, a ``$ref`` or a one-``$ref`` ``allOf`` wrapper;
- 3.1 type lists ``type: [X, 'null']``; ``anyOf``/``oneOf`` with a ``{type: 'null'}`` (or ``const: null``) member;
  ``const: null``; an enum that lists null where the type allows it;
- the 3.2-era ``{type: 'null', anyOf: [...]}`` (or ``oneOf``, ``$ref``, ``allOf`` beside ``type: 'null'``), which
  upstream wrote meaning "one of these, or null".

Anything else that mentions null and could mean two things stops the import with its JSON pointer.
"""

from __future__ import annotations

import copy
from typing import Any

from .config import ImportConfig
from .errors import SpecImportError
from .pointer import join
from .walk import iter_schemas

NULL_SCHEMA: dict[str, Any] = {"type": "null"}
# Keywords that describe the value as a whole; they stay beside anyOf, the rest moves into the non-null branch.
ANNOTATIONS = frozenset(
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
# Keywords that say what a value is: beside `type: 'null'` they mean the 3.2-era "these, or null".
_NULL_COMPANIONS = ("anyOf", "oneOf", "$ref", "allOf")


def _split(schema: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    outer = {k: v for k, v in schema.items() if k in ANNOTATIONS or k.startswith("x-")}
    inner = {k: v for k, v in schema.items() if k not in outer}
    return outer, inner


def is_null_schema(schema: Any) -> bool:
    """``{type: 'null'}`` (annotations aside): the schema that accepts only null."""
    return isinstance(schema, dict) and _split(schema)[1] == NULL_SCHEMA


def _replace(schema: dict[str, Any], new: dict[str, Any]) -> None:
    schema.clear()
    schema.update(new)


def _branches(inner: dict[str, Any]) -> list[Any]:
    """The non-null alternatives ``inner`` stands for (its anyOf members, a lone allOf/oneOf member, or itself)."""
    if list(inner) == ["anyOf"] and isinstance(inner["anyOf"], list):
        return list(inner["anyOf"])
    for wrapper in ("allOf", "oneOf"):  # 3.0's way to put siblings beside a $ref; a one-member oneOf
        if list(inner) == [wrapper] and isinstance(inner[wrapper], list) and len(inner[wrapper]) == 1:
            return list(inner[wrapper])
    return [inner]


def _flatten(members: list[Any]) -> list[Any]:
    """``[{anyOf: [A, B]}, C]`` -> ``[A, B, C]`` (what inlining a union or a nullable member leaves)."""
    flat: list[Any] = []
    for member in members:
        if isinstance(member, dict) and list(member) == ["anyOf"] and isinstance(member["anyOf"], list):
            flat.extend(_flatten(member["anyOf"]))
        else:
            flat.append(member)
    return flat


def _take_nullable_keyword(schema: dict[str, Any], pointer: str) -> bool:
    if "nullable" not in schema:
        return False
    flag = schema.pop("nullable")
    if not isinstance(flag, bool):
        raise SpecImportError(f"unsupported construct 'nullable: {flag!r}' (not a boolean)", join(pointer, "nullable"))
    return flag


def _take_null_type(schema: dict[str, Any], pointer: str) -> bool:
    """Reads null out of ``type``; True when the schema said null besides something else."""
    types = schema.get("type")
    if isinstance(types, list):
        if not types or not all(isinstance(t, str) for t in types):
            raise SpecImportError("unsupported construct 'type' list", join(pointer, "type"))
        concrete = [t for t in dict.fromkeys(types) if t != "null"]
        if not concrete:
            schema["type"] = "null"
            return False
        if len(concrete) == 1:
            schema["type"] = concrete[0]
        else:
            # type: [string, integer, ...]: one branch each, the other keywords copied into every branch
            outer, inner = _split(schema)
            del inner["type"]
            _replace(schema, {"anyOf": [{"type": t, **copy.deepcopy(inner)} for t in concrete], **outer})
        return "null" in types
    if types == "null" and any(k in schema for k in _NULL_COMPANIONS):
        del schema["type"]  # the 3.2-era {type: 'null', anyOf: [...]}: "these, or null"
        return True
    if types == "null":
        _, inner = _split(schema)
        extra = sorted(set(inner) - {"type", "const", "enum"})
        if extra:
            raise SpecImportError(
                f"unsupported construct 'type: null' beside {', '.join(extra)}", join(pointer, "type")
            )
    return False


def _take_null_const_and_enum(
    schema: dict[str, Any], pointer: str, in_nullable_union: bool, already_nullable: bool
) -> bool:
    if "const" in schema and schema["const"] is None:
        _, inner = _split(schema)
        if set(inner) - {"const", "type"} or inner.get("type", "null") != "null":
            raise SpecImportError("unsupported construct 'const: null' beside other keywords", join(pointer, "const"))
        del schema["const"]
        schema["type"] = "null"
        return False
    values = schema.get("enum")
    if not isinstance(values, list) or None not in values:
        return False
    kept = [v for v in values if v is not None]
    declared = schema.get("type")
    if not kept:
        del schema["enum"]
        schema["type"] = "null"
        return False
    if declared not in (None, "null") and not (already_nullable or in_nullable_union):
        raise SpecImportError(
            f"unsupported construct enum listing null while type {declared!r} excludes it", join(pointer, "enum")
        )
    schema["enum"] = kept
    return True


def _canonical(schema: dict[str, Any], pointer: str, in_nullable_union: bool) -> None:
    nullable = _take_nullable_keyword(schema, pointer)
    nullable |= _take_null_type(schema, pointer)
    nullable |= _take_null_const_and_enum(schema, pointer, in_nullable_union, nullable)
    for union in ("anyOf", "oneOf"):
        members = schema.get(union)
        if not isinstance(members, list):
            continue
        members = _flatten(members) if union == "anyOf" else members
        non_null = [m for m in members if not is_null_schema(m)]
        if len(non_null) < len(members):
            nullable = True
            if union == "oneOf" and len(non_null) > 1:
                schema["oneOf"] = non_null  # exactly one of these, or null: the oneOf stays a oneOf
                continue
            del schema[union]
            if union == "oneOf" and "anyOf" in schema:
                raise SpecImportError("unsupported construct oneOf with null beside anyOf", join(pointer, union))
            schema["anyOf"] = non_null
        else:
            schema[union] = members
    if not nullable:
        return
    outer, inner = _split(schema)
    if not inner:
        _replace(schema, outer)  # nullable, otherwise unconstrained: any value, null included
        return
    branches = [b for b in _flatten(_branches(inner)) if not is_null_schema(b)]
    _replace(schema, {"anyOf": [*branches, dict(NULL_SCHEMA)], **outer})


def one_null_spelling(doc: dict[str, Any], config: ImportConfig | None = None) -> None:
    """Rewrite every schema of ``doc`` to the one spelling of nullability (idempotent)."""
    found = list(iter_schemas(doc))
    members_of_nullable_unions = {
        id(member)
        for _pointer, schema in found
        for union in ("anyOf", "oneOf")
        if isinstance(schema.get(union), list) and any(_says_null(m) for m in schema[union])
        for member in schema[union]
    }
    # Children before parents: a parent then sees its members already in the one spelling.
    for pointer, schema in reversed(found):
        _canonical(schema, pointer, id(schema) in members_of_nullable_unions)


def _says_null(member: Any) -> bool:
    if not isinstance(member, dict):
        return False
    if is_null_schema(member) or member.get("nullable") is True or member.get("const", 0) is None:
        return True
    types = member.get("type")
    return isinstance(types, list) and "null" in types
