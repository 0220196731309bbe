"""Reading one source: a file path or http(s) URL, gzip or not, JSON, YAML, or a docs markdown page."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import yaml

from .errors import SpecImportError

_GZIP_MAGIC = b"\x1f\x8b"
_FENCE = re.compile(r"^```ya?ml[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_MARKDOWN_HINT = re.compile(r"^(#{1,6} |```)", re.MULTILINE)
_BOOL_TAG = "tag:yaml.org,2002:bool"


class SpecLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # C parser when present
    """Safe loading with YAML 1.2 booleans: only true/false. YAML 1.1 also reads on/off/yes/no/y/n as booleans,
    which would silently turn an enum value like ``on`` into ``True``."""


SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
SpecLoader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml_text(text: str) -> Any:
    """YAML (or JSON) text -> Python values, with SpecLoader; yaml.YAMLError on bad input."""
    return yaml.load(text, Loader=SpecLoader)  # noqa: S506 - a SafeLoader


@dataclass
class Source:
    name: str
    doc: dict[str, Any]
    from_markdown: bool
    raw: bytes = b""  # the bytes read (gunzipped): what `make update-spec` keeps


def read_bytes(location: str | Path, *, timeout: float = 30.0) -> bytes:
    """The bytes of a path or URL, gunzipped when gzipped."""
    name = str(location)
    raw = _fetch(name, timeout) if _is_url(name) else _read_file(Path(name))
    if raw.startswith(_GZIP_MAGIC):
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise SpecImportError(f"corrupt gzip data: {exc}", source=name) from None
    return raw


def read_source(location: str | Path, *, timeout: float = 30.0) -> Source:
    name = str(location)
    raw = read_bytes(name, timeout=timeout)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpecImportError(f"not UTF-8 text (byte {exc.start})", source=name) from None
    source = parse_text(text, name)
    source.raw = raw
    return source


def parse_text(text: str, name: str) -> Source:
    if text.lstrip().startswith("{"):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecImportError(
                f"unparseable JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}", "", name
            ) from None
        return Source(name, _as_document(doc, name), from_markdown=False)
    parse_error: SpecImportError | None = None
    try:
        doc = _load_yaml(text, name)
        if isinstance(doc, dict) and ("openapi" in doc or "swagger" in doc):
            return Source(name, _as_document(doc, name), from_markdown=False)
    except SpecImportError as exc:
        parse_error = exc
    if _MARKDOWN_HINT.search(text):
        block = _FENCE.search(text)
        if block is None:
            raise SpecImportError("markdown page without an embedded ```yaml block", "", name)
        return Source(name, _as_document(_load_yaml(block.group(1), name), name), from_markdown=True)
    if parse_error is not None:
        raise parse_error
    return Source(name, _as_document(doc, name), from_markdown=False)


def _load_yaml(text: str, name: str) -> Any:
    try:
        return load_yaml_text(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise SpecImportError(f"unparseable YAML{where}: {problem}", "", name) from None


def _as_document(doc: Any, name: str) -> dict[str, Any]:
    if not isinstance(doc, dict):
        raise SpecImportError(f"expected an OpenAPI document (a mapping), got {type(doc).__name__}", "", name)
    result: dict[str, Any] = _string_keys(doc)
    return result


def _string_keys(node: Any) -> Any:
    # YAML reads unquoted `200:` as an int key; OpenAPI keys are strings (and JSON pointers need them so).
    if isinstance(node, dict):
        return {str(key): _string_keys(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_string_keys(value) for value in node]
    return node


def _is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SpecImportError(f"cannot read source: {exc.strerror or exc}", source=str(path)) from None


def _fetch(url: str, timeout: float) -> bytes:
    try:
        response = httpx.get(url, timeout=timeout, follow_redirects=True)
    except httpx.HTTPError as exc:
        raise SpecImportError(f"cannot fetch source: {type(exc).__name__}", source=url) from None
    if response.status_code != 200:
        raise SpecImportError(f"cannot fetch source: HTTP {response.status_code}", source=url)
    return response.content
