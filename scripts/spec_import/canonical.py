"""Canonical order, so the same input always gives the same bytes and diffs stay small.

Top level: openapi, info, servers, security, tags, paths, components (then anything else, as found). Paths sorted;
in a path item the shared fields, then methods in HTTP order. Components in the specification's order, each map
sorted by name. Inside operations and schemas the source's own order is kept (property order as upstream).
"""

from __future__ import annotations

from typing import Any

from .walk import HTTP_METHODS

TOP_LEVEL = ("openapi", "info", "servers", "security", "tags", "paths", "components")
_PATH_ITEM = ("$ref", "summary", "description", "servers", "parameters", *HTTP_METHODS)
_COMPONENTS = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
)


def _ordered(node: dict[str, Any], first: tuple[str, ...]) -> dict[str, Any]:
    result = {key: node[key] for key in first if key in node}
    result.update((key, value) for key, value in node.items() if key not in result)
    return result


def canonical_order(doc: dict[str, Any]) -> dict[str, Any]:
    result = _ordered(doc, TOP_LEVEL)
    if isinstance(result.get("paths"), dict):
        result["paths"] = {
            path: _ordered(item, _PATH_ITEM) if isinstance(item, dict) else item
            for path, item in sorted(result["paths"].items())
        }
    if isinstance(result.get("components"), dict):
        components = _ordered(result["components"], _COMPONENTS)
        result["components"] = {
            kind: dict(sorted(entries.items())) if isinstance(entries, dict) else entries
            for kind, entries in components.items()
        }
    return result
