"""The docs site's per-endpoint export dialect, turned into upstream's spelling.

That export (a ```yaml block on each API reference markdown page) is generated from the same API, but:
enum items are ``- value: x``; a single constant is ``enum: [{type: stringLiteral, value: x}]``; every union is
``oneOf`` where upstream writes ``anyOf``; numbers carry ``format: double``; the 422 response has ``content: {}``;
``tags`` is a list of lists of SDK subpackages and ``operationId`` is the SDK method name (``get``); inline enums and
unions are pulled out into schemas named ``<Schema><Property>``. Each pass below undoes one of these.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from .config import ImportConfig
from .errors import SpecImportError
from .pointer import join
from .walk import iter_nodes, iter_operations, iter_refs, iter_schemas

_SCHEMA_PREFIX = "#/components/schemas/"
_ENUM_ITEM_KEYS = frozenset({"value", "name", "description"})


def enum_value_items(doc: dict[str, Any], config: ImportConfig) -> None:
    """``enum: [{value: usd}, ...]`` -> ``enum: [usd, ...]``; ``[{type: stringLiteral, value: x}]`` -> ``const: x``."""
    for pointer, schema in iter_schemas(doc):
        items = schema.get("enum")
        if not isinstance(items, list) or not any(isinstance(item, dict) for item in items):
            continue
        if all(isinstance(item, dict) and item.get("type") == "stringLiteral" for item in items):
            values = [item.get("value") for item in items]
            del schema["enum"]
            if len(values) == 1:
                schema["const"] = values[0]
            else:
                schema["enum"] = values
            continue
        values = []
        for index, item in enumerate(items):
            if not isinstance(item, dict) or "value" not in item or not set(item) <= _ENUM_ITEM_KEYS:
                raise SpecImportError("unsupported construct enum item", join(pointer, "enum", index))
            values.append(item["value"])
        schema["enum"] = values


def drop_double_format(doc: dict[str, Any], config: ImportConfig) -> None:
    """``format: double`` on numbers: the export adds it, upstream never has it, and it changes no Python type."""
    for _pointer, schema in iter_schemas(doc):
        if schema.get("format") == "double":
            del schema["format"]


def one_of_as_any_of(doc: dict[str, Any], config: ImportConfig) -> None:
    """The export spells every union ``oneOf``; upstream (pydantic) means and writes ``anyOf``."""
    for _pointer, schema in iter_schemas(doc):
        if "oneOf" in schema and "anyOf" not in schema and "discriminator" not in schema:
            schema["anyOf"] = schema.pop("oneOf")


def drop_empty_content(doc: dict[str, Any], config: ImportConfig) -> None:
    """``content: {}`` (the export's 422) says nothing about a body: leave the response without content."""
    for op in iter_operations(doc):
        for response in (op.node.get("responses") or {}).values():
            if isinstance(response, dict) and response.get("content") == {}:
                del response["content"]


def sdk_names_from_tags(doc: dict[str, Any], config: ImportConfig) -> None:
    """Nested ``tags`` + ``operationId: get`` are Fern's SDK group and method: write them as upstream does.

    ``[[subpackage_user, subpackage_user/subscription]]`` -> ``x-fern-sdk-group-name: [user, subscription]`` and
    ``x-fern-sdk-method-name: get``; the operationId becomes ``<method>_<path>`` (``get`` alone repeats on every page).
    """
    for op in iter_operations(doc):
        tags = op.node.get("tags")
        if isinstance(tags, list) and any(isinstance(tag, list) for tag in tags):
            flat = [t for tag in tags for t in (tag if isinstance(tag, list) else [tag])]
            if not all(isinstance(t, str) for t in flat):
                raise SpecImportError("unsupported construct tags", join(op.pointer, "tags"))
            group = [part.removeprefix("subpackage_") for part in flat[-1].split("/")]
            op.node["x-fern-sdk-group-name"] = group[0] if len(group) == 1 else group
            del op.node["tags"]
            method_name = op.node.get("operationId")
            if isinstance(method_name, str) and "x-fern-sdk-method-name" not in op.node:
                op.node["x-fern-sdk-method-name"] = method_name
            op.node["operationId"] = _operation_id(op.method, op.path)


def _operation_id(method: str, path: str) -> str:
    return method + "_" + re.sub(r"[^a-z0-9]+", "_", path.lower()).strip("_")


def drop_page_info(doc: dict[str, Any], config: ImportConfig) -> None:
    """The page's info (title "Get user subscription", version "endpoint_...") describes one page, not the API."""
    doc.pop("info", None)


def schema_names(doc: dict[str, Any], config: ImportConfig) -> None:
    """Docs-made schema names: renamed to upstream's (``docs_schema_names``) or inlined back where upstream has them."""
    rename_schemas(doc, config.docs_schema_names)
    inline_property_schemas(doc)


def rename_schemas(doc: dict[str, Any], names: dict[str, str]) -> None:
    """Docs-made schema names -> upstream's (the map lives in openapi/import-config.yaml)."""
    schemas = doc.get("components", {}).get("schemas")
    if not isinstance(schemas, dict):
        return
    for old, new in names.items():
        if old not in schemas:
            continue
        if new in schemas and schemas[new] != schemas[old]:
            raise SpecImportError(
                f"cannot rename schema {old!r} to {new!r}: a different {new!r} exists", join("/components/schemas", old)
            )
        schemas[new] = schemas.pop(old)
        _retarget_refs(doc, _SCHEMA_PREFIX + old, _SCHEMA_PREFIX + new)


def inline_property_schemas(doc: dict[str, Any]) -> None:
    """Put ``<Schema><Property>`` schemas back into the one property that uses them, where upstream has them."""
    schemas = doc.get("components", {}).get("schemas")
    if not isinstance(schemas, dict):
        return
    users: dict[str, list[str]] = {}
    for pointer, ref in iter_refs(doc):
        if ref.startswith(_SCHEMA_PREFIX):
            users.setdefault(ref.removeprefix(_SCHEMA_PREFIX), []).append(pointer)
    for parent_name, parent in list(schemas.items()):
        properties = parent.get("properties") if isinstance(parent, dict) else None
        if not isinstance(properties, dict):
            continue
        for prop_name, prop in properties.items():
            made = parent_name + "".join(part.capitalize() for part in prop_name.split("_"))
            where = join("/components/schemas", parent_name, "properties", prop_name)
            used_by = users.get(made, [])
            if made not in schemas or not used_by or not all(p.startswith(where) for p in used_by):
                continue
            for holder in _ref_holders(prop, _SCHEMA_PREFIX + made):
                siblings = {k: v for k, v in holder.items() if k != "$ref"}
                holder.clear()
                holder.update(copy.deepcopy(schemas[made]))
                holder.update(siblings)
            del schemas[made]


def _ref_holders(node: Any, ref: str) -> list[dict[str, Any]]:
    return [n for _pointer, n in iter_nodes(node) if isinstance(n, dict) and n.get("$ref") == ref]


def _retarget_refs(node: Any, old: str, new: str) -> None:
    for holder in _ref_holders(node, old):
        holder["$ref"] = new
