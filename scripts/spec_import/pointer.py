"""JSON pointers (RFC 6901): the importer's way of saying where something is."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import SpecImportError


def escape(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(base: str, *tokens: str | int) -> str:
    return base + "".join("/" + escape(t) for t in tokens)


def from_tokens(tokens: Iterable[str | int]) -> str:
    return join("", *tokens)


def resolve_local_ref(doc: dict[str, Any], ref: str, where: str) -> Any:
    """The node a local ``#/...`` reference names; SpecImportError when it names nothing."""
    if not ref.startswith("#/"):
        raise SpecImportError(f"unsupported construct external $ref {ref!r}", where)
    node: Any = doc
    for raw in ref[2:].split("/"):
        token = unescape(raw)
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise SpecImportError(f"unresolvable $ref {ref!r}", where)
    return node
