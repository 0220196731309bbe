"""The canonical spec's response schemas, read at test time: a validator per schema, and self-contained copies.

Bodies are validated with jsonschema (Draft 2020-12, the dialect of OpenAPI 3.1) against a `referencing.Registry`
that holds the whole spec as one resource, so `#/components/schemas/...` references resolve inside it.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import re
from collections.abc import Callable, Collection
from functools import cache
from typing import TYPE_CHECKING, Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from scripts.paths import CANONICAL_SPEC
from scripts.spec_import import pointer
from scripts.spec_import.load import load_yaml_text

if TYPE_CHECKING:
    # referencing does not re-export its Resolver type at the top level.
    from referencing._core import Resolver

SPEC_URI = "urn:elevenlabs-user-client:canonical-spec"

# Keywords whose value is a map of names to schemas, a list of schemas, or one schema (Draft 2020-12).
_SCHEMA_MAPS = {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
_SCHEMA_LISTS = {"anyOf", "oneOf", "allOf", "prefixItems"}
_SCHEMA_VALUES = {
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
}
# OpenAPI annotations that are not JSON Schema; generators need not see them.
_OPENAPI_ONLY = {"example", "discriminator", "xml", "externalDocs"}


def canonical_json(value: Any) -> str:
    """Bodies compared as JSON text: Python's == says 1 == 1.0 == True, JSON does not, and neither may a round trip.

    Formatted strings are compared by what they mean: a model writes a date-time back in Python's ISO form
    (`+00:00` for a received `Z`, six fractional digits) and a UUID in lower case. Other strings pass unchanged,
    so a field the client leaves as text still has to round-trip character for character.
    """
    return json.dumps(_formatted_as_parsed(value), sort_keys=True)


_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})", re.ASCII)
_UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}", re.ASCII)


def _formatted_as_parsed(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _formatted_as_parsed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_formatted_as_parsed(item) for item in value]
    if isinstance(value, str):
        if _DATE_TIME.fullmatch(value):
            with contextlib.suppress(ValueError):  # e.g. hour 24: not a date-time after all, compared as text
                return datetime.datetime.fromisoformat(value).isoformat()
        elif _UUID.fullmatch(value):
            return value.lower()
    return value


class SpecLookupError(LookupError):
    """The spec lacks what a test asked for (an operation, a response, a schema)."""


@cache
def load_spec() -> dict[str, Any]:
    spec = load_yaml_text(CANONICAL_SPEC.read_text(encoding="utf-8"))
    if not isinstance(spec, dict):
        raise SpecLookupError(f"{CANONICAL_SPEC} is not a mapping")
    return spec


@cache
def _registry() -> Registry:
    return Registry().with_resource(SPEC_URI, Resource(contents=load_spec(), specification=DRAFT202012))


def response_schema_pointer(operation: str, status: str = "200") -> str:
    """JSON pointer (in the spec) to the JSON body schema of "METHOD /path"'s response `status`."""
    method, _, path = operation.partition(" ")
    try:
        media = load_spec()["paths"][path][method.lower()]["responses"][status]["content"]
        media["application/json"]["schema"]
    except (KeyError, TypeError) as err:
        raise SpecLookupError(f"spec has no JSON {status} response schema for {operation}") from err
    return "#" + pointer.from_tokens(
        ["paths", path, method.lower(), "responses", status, "content", "application/json", "schema"]
    )


def component_pointer(name: str) -> str:
    if name not in load_spec().get("components", {}).get("schemas", {}):
        raise SpecLookupError(f"spec has no components.schemas.{name}")
    return f"#/components/schemas/{name}"


def schema_name_at(pointer: str) -> str:
    """The component name a pointer leads to: itself, or the target of the `$ref` found there."""
    node = _registry().resolver(base_uri=SPEC_URI).lookup(pointer).contents
    ref = node.get("$ref", pointer) if isinstance(node, dict) else pointer
    prefix = "#/components/schemas/"
    if not ref.startswith(prefix):
        raise SpecLookupError(f"{pointer} is not a named component schema")
    return ref.removeprefix(prefix)


# The formats strict parsing checks; jsonschema checks a format only when asked to, "date-time" only with
# rfc3339-validator installed (a dev dependency).
FORMATS = FormatChecker(formats=("date-time", "date", "uuid"))
if set(FORMATS.checkers) != {"date-time", "date", "uuid"}:
    raise ImportError(f"jsonschema can check only {sorted(FORMATS.checkers)} here: is rfc3339-validator installed?")


@cache
def validator(pointer: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": SPEC_URI + pointer}, registry=_registry(), format_checker=FORMATS)


def violations(pointer: str, body: Any) -> list[str]:
    """Every jsonschema message for body, each prefixed with where it occurred (`$.subscription: ...`)."""
    found = []
    for error in validator(pointer).iter_errors(body):
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        found.append(f"${where}: {error.message}")
    return sorted(found)


def inlined(pointer: str) -> dict[str, Any]:
    """A self-contained copy of the schema at pointer: every `$ref` replaced by its target, OpenAPI-only keys dropped.

    hypothesis-jsonschema cannot follow references into another document, hence the copy. Siblings of a `$ref`
    (e.g. `description`) are kept next to the target's keywords. A reference cycle raises SpecLookupError.
    """
    resolver = _registry().resolver(base_uri=SPEC_URI)
    resolved = resolver.lookup(pointer)
    result = _inline_schema(resolved.contents, resolved.resolver, ())
    if not isinstance(result, dict):
        raise SpecLookupError(f"{pointer} is not a schema object")
    return result


def _inline_schema(node: Any, resolver: Resolver[Any], active: tuple[str, ...]) -> Any:
    if not isinstance(node, dict):
        return node  # boolean schemas
    if "$ref" in node:
        ref = node["$ref"]
        if ref in active:
            raise SpecLookupError(f"reference cycle through {ref}; cannot inline")
        target = resolver.lookup(ref)
        merged = dict(_inline_schema(target.contents, target.resolver, (*active, ref)))
        merged.update(_inline_keywords({k: v for k, v in node.items() if k != "$ref"}, resolver, active))
        return merged
    return _inline_keywords(node, resolver, active)


def _inline_keywords(node: dict[str, Any], resolver: Resolver[Any], active: tuple[str, ...]) -> dict[str, Any]:
    def sub(value: Any) -> Any:
        return _inline_schema(value, resolver, active)

    handlers: dict[str, Callable[[Any], Any]] = {}
    handlers.update({k: lambda v: {name: sub(s) for name, s in v.items()} for k in _SCHEMA_MAPS})
    handlers.update({k: lambda v: [sub(s) for s in v] for k in _SCHEMA_LISTS})
    handlers.update({k: sub for k in _SCHEMA_VALUES})
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _OPENAPI_ONLY or key.startswith("x-"):
            continue
        out[key] = handlers[key](value) if key in handlers else value
    return out


def enum_values(name: str) -> list[Any]:
    """The values of enum component `name`, in the spec's order."""
    schema = load_spec().get("components", {}).get("schemas", {}).get(name)
    if not isinstance(schema, dict) or not isinstance(schema.get("enum"), list):
        raise SpecLookupError(f"spec has no enum components.schemas.{name}")
    return list(schema["enum"])


def unlisted(known: Collection[Any], hint: str) -> str:
    """`hint`, made longer until `known` does not hold it: a name or value upstream has not used, whatever it adds."""
    value = hint
    while value in known:
        value += "_not_yet"
    return value


def not_in_enum(name: str, hint: str = "paused") -> str:
    """A value enum `name` does not list, whatever upstream adds to it."""
    return unlisted(set(enum_values(name)), hint)


def not_a_property(name: str, hint: str) -> str:
    """A property name component schema `name` does not declare, whatever upstream adds to it."""
    schema = load_spec().get("components", {}).get("schemas", {}).get(name)
    if not isinstance(schema, dict):
        raise SpecLookupError(f"spec has no components.schemas.{name}")
    return unlisted(set(schema.get("properties", {})), hint)
