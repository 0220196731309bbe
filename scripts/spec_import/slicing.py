"""Keep the configured operations and everything they reference (transitively); drop the rest."""

from __future__ import annotations

import copy
from typing import Any

from .errors import SpecImportError
from .pointer import join, resolve_local_ref, unescape
from .walk import HTTP_METHODS, iter_operations, iter_refs

# Path item fields that belong to every operation under the path, so they travel with a kept operation.
_PATH_ITEM_SHARED = ("summary", "description", "servers", "parameters")
# 3.2 ways to declare operations that 3.1 (and the generator) cannot express.
_PATH_ITEM_32_OPERATIONS = ("query", "additionalOperations")


def slice_document(
    doc: dict[str, Any], operations: tuple[tuple[str, str], ...] | None, source: str
) -> tuple[dict[str, Any], set[tuple[str, str]]]:
    """The sliced copy and the (METHOD, path) pairs it holds; ``operations=None`` keeps every operation."""
    wanted = None if operations is None else set(operations)
    paths: dict[str, Any] = {}
    found: set[tuple[str, str]] = set()
    for op in iter_operations(doc):
        key = (op.method.upper(), op.path)
        if wanted is not None and key not in wanted:
            continue
        item = doc["paths"][op.path]
        if op.path not in paths:
            paths[op.path] = {k: copy.deepcopy(item[k]) for k in _PATH_ITEM_SHARED if k in item}
        paths[op.path][op.method] = copy.deepcopy(op.node)
        found.add(key)
    if wanted is None:
        _refuse_32_operations(doc, source)

    sliced: dict[str, Any] = {k: copy.deepcopy(doc[k]) for k in ("openapi", "info", "servers", "security") if k in doc}
    used_tags = {t for item in paths.values() for m in HTTP_METHODS for t in (item.get(m) or {}).get("tags", [])}
    tags = [copy.deepcopy(t) for t in doc.get("tags") or [] if isinstance(t, dict) and t.get("name") in used_tags]
    if tags:
        sliced["tags"] = tags
    sliced["paths"] = paths
    components = _closure(doc, paths, source)
    _add_security_schemes(doc, sliced, paths, components)
    if components:
        sliced["components"] = components
    return sliced, found


def _refuse_32_operations(doc: dict[str, Any], source: str) -> None:
    for path, item in (doc.get("paths") or {}).items():
        for key in _PATH_ITEM_32_OPERATIONS:
            if isinstance(item, dict) and key in item:
                raise SpecImportError(f"unsupported construct {key!r}", join("/paths", path, key), source)


def _closure(doc: dict[str, Any], paths: dict[str, Any], source: str) -> dict[str, Any]:
    components: dict[str, dict[str, Any]] = {}
    pending = [(join("/paths", path), item) for path, item in paths.items()]
    while pending:
        pointer, node = pending.pop()
        for holder, ref in iter_refs(node, pointer):
            target = _component_address(ref, holder, source)
            kind, name = target
            if name in components.get(kind, {}):
                continue
            try:
                value = resolve_local_ref(doc, ref, holder)
            except SpecImportError as exc:
                raise SpecImportError(exc.message, exc.pointer, source) from None
            components.setdefault(kind, {})[name] = copy.deepcopy(value)
            pending.append((join("/components", kind, name), value))
    return components


def _component_address(ref: str, holder: str, source: str) -> tuple[str, str]:
    if not ref.startswith("#/"):
        raise SpecImportError(f"unsupported construct external $ref {ref!r}", holder, source)
    tokens = [unescape(t) for t in ref[2:].split("/")]
    if len(tokens) != 3 or tokens[0] != "components":
        raise SpecImportError(f"unsupported construct $ref {ref!r} (only #/components/<kind>/<name>)", holder, source)
    return tokens[1], tokens[2]


def _add_security_schemes(
    doc: dict[str, Any], sliced: dict[str, Any], paths: dict[str, Any], components: dict[str, dict[str, Any]]
) -> None:
    requirements = list(sliced.get("security") or [])
    for item in paths.values():
        for method in HTTP_METHODS:
            requirements += (item.get(method) or {}).get("security") or []
    schemes = (doc.get("components") or {}).get("securitySchemes") or {}
    for requirement in requirements:
        for name in requirement if isinstance(requirement, dict) else ():
            if name in schemes:
                components.setdefault("securitySchemes", {})[name] = copy.deepcopy(schemes[name])
