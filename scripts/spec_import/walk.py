"""Visiting a spec: every operation, every schema, every $ref. Passes use these; they never walk by hand.

The schema walker is pre-order and reads a node's children only after the caller has seen the node, so a pass
may rewrite a node in place (e.g. ``type: [integer, 'null']`` -> ``anyOf``) and the walk continues into the result.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .pointer import join

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# JSON Schema keywords whose value is a schema, a list of schemas, or a map of name -> schema.
_SCHEMA_VALUED = (
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
    "additionalItems",
    "contentSchema",
)
_SCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


@dataclass(frozen=True)
class Operation:
    path: str
    method: str
    pointer: str
    node: dict[str, Any]

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"


def iter_operations(doc: dict[str, Any]) -> Iterator[Operation]:
    paths = doc.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                yield Operation(path, method, join("/paths", path, method), op)


def iter_schemas(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object in the document (components, parameters, bodies, responses, headers), pre-order."""
    for root_pointer, root in _schema_roots(doc):
        yield from iter_subschemas(root, root_pointer)


def iter_subschemas(schema: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if not isinstance(schema, dict):
        return  # boolean schemas have nothing to visit
    yield pointer, schema
    for key in _SCHEMA_VALUED:
        if isinstance(schema.get(key), dict):
            yield from iter_subschemas(schema[key], join(pointer, key))
    for key in _SCHEMA_LISTS:
        if isinstance(schema.get(key), list):
            for index, item in enumerate(schema[key]):
                yield from iter_subschemas(item, join(pointer, key, index))
    for key in _SCHEMA_MAPS:
        if isinstance(schema.get(key), dict):
            for name, item in schema[key].items():
                yield from iter_subschemas(item, join(pointer, key, name))


def iter_refs(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """(pointer of the object holding it, ref string) for every ``$ref`` under ``node``."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield pointer, ref
        for key, value in node.items():
            yield from iter_refs(value, join(pointer, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from iter_refs(value, join(pointer, index))


def iter_nodes(node: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """Every JSON value under ``node`` with its pointer, pre-order (for construct checks)."""
    yield pointer, node
    if isinstance(node, dict):
        for key, value in list(node.items()):
            yield from iter_nodes(value, join(pointer, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from iter_nodes(value, join(pointer, index))


def iter_media_types(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every media type object of every operation's request body and responses."""
    for op in iter_operations(doc):
        containers = [(join(op.pointer, "requestBody"), op.node.get("requestBody"))]
        containers += [
            (join(op.pointer, "responses", status), response)
            for status, response in (op.node.get("responses") or {}).items()
        ]
        for pointer, container in containers:
            content = container.get("content") if isinstance(container, dict) else None
            for media_type, media in (content or {}).items() if isinstance(content, dict) else ():
                if isinstance(media, dict):
                    yield join(pointer, "content", media_type), media


def _media_schemas(container: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    content = container.get("content") if isinstance(container, dict) else None
    if isinstance(content, dict):
        for media_type, media in content.items():
            if isinstance(media, dict) and "schema" in media:
                yield join(pointer, "content", media_type, "schema"), media["schema"]


def _parameter_schemas(params: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    if isinstance(params, list):
        for index, param in enumerate(params):
            if isinstance(param, dict):
                if "schema" in param:
                    yield join(pointer, index, "schema"), param["schema"]
                yield from _media_schemas(param, join(pointer, index))


def _response_schemas(response: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    yield from _media_schemas(response, pointer)
    headers = response.get("headers") if isinstance(response, dict) else None
    if isinstance(headers, dict):
        for name, header in headers.items():
            if isinstance(header, dict) and "schema" in header:
                yield join(pointer, "headers", name, "schema"), header["schema"]


def _schema_roots(doc: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    components = doc.get("components")
    if isinstance(components, dict):
        for kind, entries in components.items():
            if not isinstance(entries, dict):
                continue
            for name, entry in entries.items():
                pointer = join("/components", kind, name)
                if kind == "schemas":
                    yield pointer, entry
                elif kind in ("parameters", "headers") and isinstance(entry, dict):
                    if "schema" in entry:
                        yield join(pointer, "schema"), entry["schema"]
                    yield from _media_schemas(entry, pointer)
                elif kind == "requestBodies":
                    yield from _media_schemas(entry, pointer)
                elif kind == "responses":
                    yield from _response_schemas(entry, pointer)
    paths = doc.get("paths")
    if isinstance(paths, dict):
        for path, item in paths.items():
            if isinstance(item, dict):
                yield from _parameter_schemas(item.get("parameters"), join("/paths", path, "parameters"))
    for op in iter_operations(doc):
        yield from _parameter_schemas(op.node.get("parameters"), join(op.pointer, "parameters"))
        yield from _media_schemas(op.node.get("requestBody"), join(op.pointer, "requestBody"))
        responses = op.node.get("responses")
        if isinstance(responses, dict):
            for status, response in responses.items():
                yield from _response_schemas(response, join(op.pointer, "responses", status))
