"""OpenAPI Overlay 1.0 (``update`` and ``remove`` actions, RFC 9535 JSONPath targets) applied to a document.

Semantics (Overlay 1.0, section "Action Object"): actions run in order; ``update`` merges into every node the target
selects, objects recursively, any other value replacing the old one, and an update aimed at an array appends to it;
``remove: true`` deletes every selected node. A target that selects nothing is a no-op, as the specification says:
the canonical-spec tests notice when an upstream rename leaves one of our actions without a target.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonpath_rfc9535 as jsonpath
import yaml

from .errors import SpecImportError
from .load import load_yaml_text
from .pointer import from_tokens, join


def load_overlay(path: Path) -> dict[str, Any]:
    try:
        overlay = load_yaml_text(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SpecImportError(f"cannot read overlay: {exc.strerror or exc}", source=str(path)) from None
    except yaml.YAMLError as exc:
        raise SpecImportError(f"unparseable YAML in overlay: {exc}", "", str(path)) from None
    check_overlay(overlay, str(path))
    return overlay  # type: ignore[no-any-return]


def check_overlay(overlay: Any, source: str) -> None:
    if not isinstance(overlay, dict) or not str(overlay.get("overlay", "")).startswith("1.0"):
        raise SpecImportError("not an Overlay 1.0 document (needs `overlay: 1.0.0`)", "/overlay", source)
    actions = overlay.get("actions")
    if not isinstance(actions, list) or not actions:
        raise SpecImportError("overlay needs a non-empty list of actions", "/actions", source)
    for index, action in enumerate(actions):
        where = join("/actions", index)
        if not isinstance(action, dict) or not isinstance(action.get("target"), str):
            raise SpecImportError("overlay action needs a JSONPath `target`", where, source)
        if ("update" in action) == (action.get("remove") is True):
            raise SpecImportError("overlay action needs exactly one of `update` or `remove: true`", where, source)


def apply_overlay(doc: dict[str, Any], overlay: dict[str, Any], source: str = "overlay") -> dict[str, Any]:
    check_overlay(overlay, source)
    for index, action in enumerate(overlay["actions"]):
        where = join("/actions", index, "target")
        try:
            nodes = list(jsonpath.finditer(action["target"], doc))
        except jsonpath.JSONPathError as exc:
            raise SpecImportError(f"invalid JSONPath {action['target']!r}: {exc}", where, source) from None
        if "update" in action:
            for node in nodes:
                _update(node.value, action["update"], from_tokens(node.location), source)
        else:
            # Deepest and last first, so list indices of the remaining selected nodes stay valid.
            for node in sorted(nodes, key=lambda n: n.location, reverse=True):
                _remove(doc, node.location, where, source)
    return doc


def _update(target: Any, update: Any, pointer: str, source: str) -> None:
    if isinstance(target, list):
        target.extend(copy.deepcopy(update) if isinstance(update, list) else [copy.deepcopy(update)])
    elif isinstance(target, dict) and isinstance(update, dict):
        for key, value in update.items():
            if isinstance(target.get(key), dict) and isinstance(value, dict):
                _update(target[key], value, join(pointer, key), source)
            else:
                target[key] = copy.deepcopy(value)
    else:
        raise SpecImportError("overlay update needs an object or array target", pointer, source)


def _remove(doc: dict[str, Any], location: tuple[str | int, ...], where: str, source: str) -> None:
    if not location:
        raise SpecImportError("overlay cannot remove the whole document", where, source)
    parent: Any = doc
    for token in location[:-1]:
        parent = parent[token]
    del parent[location[-1]]
