"""Defaults beside a ``$ref``, and defaults the generator cannot hold: kept where they change generated code.

OpenAPI 3.1 allows keywords beside ``$ref``; openapi-python-client 0.29.1 reads such a schema as a bare reference
and drops every sibling. Wrapped as ``allOf: [{$ref}]`` with the siblings beside it, it honours ``default`` for an
enum or scalar target (the generated field defaults to that value). A model (object) class takes no default at all:
a default on a schema that resolves to a model, directly or as a union member, makes the generator drop the whole
schema ("ModelProperty cannot have a default value"). Such a default moves to ``x-default`` (the value stays in the
spec; callers that omit the field get the server's default, which is the same value). ``description``,
``examples``, ``deprecated`` and the other siblings change no generated code in either form (the attribute is
documented with the referenced schema's description), so they stay beside the ``$ref`` as upstream wrote them.
"""

from __future__ import annotations

from typing import Any

from .config import ImportConfig
from .walk import iter_schemas

_PREFIX = "#/components/schemas/"


def keep_defaults(doc: dict[str, Any], config: ImportConfig) -> None:
    """(idempotent)"""
    schemas = (doc.get("components") or {}).get("schemas") or {}
    for _pointer, schema in iter_schemas(doc):
        if "default" not in schema:
            continue
        if _refused_default(schema, schemas):
            schema["x-default"] = schema.pop("default")
        elif "$ref" in schema:
            ref = schema.pop("$ref")
            siblings = dict(schema)
            schema.clear()
            schema.update({"allOf": [{"$ref": ref}], **siblings})


def _refused_default(schema: dict[str, Any], schemas: dict[str, Any]) -> bool:
    """A default the generator cannot hold: any non-null one on a model, an object one on a union with a model
    (a union tries each member; only a model could take an object)."""
    default = schema["default"]
    if default is None or not _makes_model(schema, schemas, set()):
        return False
    return isinstance(default, dict) or not (schema.get("anyOf") or schema.get("oneOf"))


def _makes_model(schema: Any, schemas: dict[str, Any], seen: set[str]) -> bool:
    """Whether the generator's type for ``schema`` is, or has as a union member, a model class."""
    if not isinstance(schema, dict):
        return False
    ref = schema.get("$ref")
    if isinstance(ref, str):
        name = ref.removeprefix(_PREFIX)
        if not ref.startswith(_PREFIX) or name in seen:
            return False
        return _makes_model(schemas.get(name), schemas, seen | {name})
    members = [m for key in ("anyOf", "oneOf") for m in schema.get(key) or []]
    if members:
        return any(_makes_model(m, schemas, seen) for m in members)
    allof = schema.get("allOf") or []
    if len(allof) == 1:
        return _makes_model(allof[0], schemas, seen)
    if "enum" in schema:
        return False
    return bool(allof) or schema.get("type") == "object" or (schema.get("type") is None and "properties" in schema)
