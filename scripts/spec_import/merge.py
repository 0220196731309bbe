"""Several sliced sources -> one document. Same name, same definition: fine; same name, different: an error."""

from __future__ import annotations

import copy
from typing import Any

from .errors import SpecImportError
from .pointer import join
from .walk import HTTP_METHODS

_SINGULAR = {
    "schemas": "schema",
    "responses": "response",
    "parameters": "parameter",
    "examples": "example",
    "requestBodies": "request body",
    "headers": "header",
    "securitySchemes": "security scheme",
    "links": "link",
    "callbacks": "callback",
    "pathItems": "path item",
}


def merge_documents(
    documents: list[tuple[str, dict[str, Any]]], fallback: list[tuple[str, dict[str, Any]]] | None = None
) -> dict[str, Any]:
    """``documents`` is (source name, sliced doc) in command-line order; the first source's info/servers win.

    ``fallback`` documents (older sources of operations the others lack) only add what is not defined yet.
    """
    merged: dict[str, Any] = {}
    origin: dict[str, str] = {}  # JSON pointer of each merged definition -> the source it came from
    for source, doc in documents:
        for key in ("openapi", "info", "servers", "security"):
            if key in doc and key not in merged:
                merged[key] = copy.deepcopy(doc[key])
        _merge_tags(merged, doc)
        paths = merged.setdefault("paths", {})
        for path, item in (doc.get("paths") or {}).items():
            target = paths.setdefault(path, {})
            for key, value in item.items():
                noun = f"operation {key.upper()} {path}" if key in HTTP_METHODS else f"path item field {key!r}"
                _put(target, key, value, join("/paths", path, key), noun, source, origin)
        for kind, entries in (doc.get("components") or {}).items():
            target = merged.setdefault("components", {}).setdefault(kind, {})
            for name, value in entries.items():
                noun = f"{_SINGULAR.get(kind, kind)} {name!r}"
                _put(target, name, value, join("/components", kind, name), noun, source, origin)
    for _source, doc in fallback or ():
        for key in ("openapi", "info", "servers", "security"):
            if key in doc and key not in merged:
                merged[key] = copy.deepcopy(doc[key])
        _merge_tags(merged, doc)
        for path, item in (doc.get("paths") or {}).items():
            target = merged.setdefault("paths", {}).setdefault(path, {})
            for key, value in item.items():
                target.setdefault(key, copy.deepcopy(value))
        for kind, entries in (doc.get("components") or {}).items():
            target = merged.setdefault("components", {}).setdefault(kind, {})
            for name, value in entries.items():
                target.setdefault(name, copy.deepcopy(value))
    return merged


def _put(
    target: dict[str, Any], key: str, value: Any, pointer: str, noun: str, source: str, origin: dict[str, str]
) -> None:
    if key not in target:
        target[key] = copy.deepcopy(value)
        origin[pointer] = source
    elif target[key] != value:
        raise SpecImportError(f"conflicting definitions of {noun} in {origin[pointer]} and {source}", pointer)


def _merge_tags(merged: dict[str, Any], doc: dict[str, Any]) -> None:
    known = {t.get("name") for t in merged.get("tags", [])}
    for tag in doc.get("tags") or []:
        if isinstance(tag, dict) and tag.get("name") not in known:
            merged.setdefault("tags", []).append(copy.deepcopy(tag))
            known.add(tag.get("name"))
