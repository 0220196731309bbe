"""The importer's one explicit configuration object, read from ``openapi/import-config.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from scripts.paths import CANONICAL_SPEC, OPENAPI_DIR

from .errors import SpecImportError
from .load import load_yaml_text
from .walk import HTTP_METHODS

DEFAULT_CONFIG_FILE = OPENAPI_DIR / "import-config.yaml"
ALL_OPERATIONS = "all"
_OPERATION = re.compile(r"^([A-Za-z]+) (/\S*)$")


@dataclass(frozen=True)
class ImportConfig:
    # ("GET", "/v1/user") pairs to keep, or None for every operation of every source.
    operations: tuple[tuple[str, str], ...] | None
    overlay: Path | None
    output: Path = CANONICAL_SPEC
    # Header parameters that carry the credential: removed, the overlay's security scheme models them instead.
    auth_headers: tuple[str, ...] = ("xi-api-key",)
    # Docs-export schema name -> upstream schema name (see openapi/README.md, "Docs markdown pages").
    docs_schema_names: dict[str, str] = field(default_factory=dict)
    # The name lock (openapi/names.yaml) and the record of the stored sources (openapi/upstream/SOURCE.yaml).
    names: Path | None = None
    record: Path | None = None
    yaml_width: int = 120
    yaml_indent: int = 2

    def with_operations(self, operations: str | list[str] | tuple[str, ...] | None) -> ImportConfig:
        return replace(self, operations=parse_operations(operations, "operations"))


def parse_operations(value: Any, where: str) -> tuple[tuple[str, str], ...] | None:
    if value is None or value == ALL_OPERATIONS:
        return None
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise SpecImportError(f"operations must be a list of 'METHOD /path' or {ALL_OPERATIONS!r}", where)
    result: list[tuple[str, str]] = []
    for index, item in enumerate(value):
        match = _OPERATION.match(item) if isinstance(item, str) else None
        if match is None or match.group(1).lower() not in HTTP_METHODS:
            raise SpecImportError(f"operation must look like 'GET /v1/user', got {item!r}", f"{where}/{index}")
        result.append((match.group(1).upper(), match.group(2)))
    return tuple(result)


def load_config(path: Path = DEFAULT_CONFIG_FILE) -> ImportConfig:
    try:
        raw = load_yaml_text(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SpecImportError(f"cannot read import config: {exc}", source=str(path)) from None
    if not isinstance(raw, dict):
        raise SpecImportError("import config must be a mapping", "", str(path))
    base = path.parent
    overlay = raw.get("overlay")
    names = raw.get("docs_schema_names") or {}
    if not isinstance(names, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in names.items()):
        raise SpecImportError("docs_schema_names must map names to names", "/docs_schema_names", str(path))
    headers = raw.get("auth_headers", ["xi-api-key"])
    if not isinstance(headers, list) or not all(isinstance(h, str) for h in headers):
        raise SpecImportError("auth_headers must be a list of header names", "/auth_headers", str(path))
    dump = raw.get("yaml", {}) or {}
    return ImportConfig(
        operations=parse_operations(raw.get("operations"), "/operations"),
        overlay=(base / overlay) if isinstance(overlay, str) else None,
        output=base / raw["output"] if isinstance(raw.get("output"), str) else CANONICAL_SPEC,
        auth_headers=tuple(h.lower() for h in headers),
        docs_schema_names=dict(names),
        names=_path(base, raw, "names"),
        record=_path(base, raw, "record"),
        yaml_width=int(dump.get("width", 120)),
        yaml_indent=int(dump.get("indent", 2)),
    )


def _path(base: Path, raw: dict[str, Any], key: str) -> Path | None:
    value = raw.get(key)
    return base / value if isinstance(value, str) else None
