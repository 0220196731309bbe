"""Which dialect a source is written in: OpenAPI 3.0, 3.1, 3.2, or the docs' per-endpoint markdown export."""

from __future__ import annotations

import re
from enum import Enum

from .errors import SpecImportError
from .load import Source

_VERSION = re.compile(r"^3\.(\d+)\.\d+$")


class Dialect(Enum):
    OAS30 = "OpenAPI 3.0"
    OAS31 = "OpenAPI 3.1"
    OAS32 = "OpenAPI 3.2"
    # The docs site's per-endpoint export: nominally 3.1.x, with its own spellings (see normalise_docs.py).
    DOCS = "docs markdown export"


def detect(source: Source) -> Dialect:
    doc = source.doc
    if "swagger" in doc:
        raise SpecImportError(
            f"unknown dialect: swagger {doc['swagger']!r} (only OpenAPI 3.x)", "/swagger", source.name
        )
    version = doc.get("openapi")
    match = _VERSION.match(version) if isinstance(version, str) else None
    if match is None or match.group(1) not in ("0", "1", "2"):
        raise SpecImportError(f"unknown dialect: openapi {version!r}", "/openapi", source.name)
    minor = match.group(1)
    if minor == "0":
        return Dialect.OAS30
    if minor == "2":
        return Dialect.OAS32
    info = doc.get("info")
    docs_version = isinstance(info, dict) and str(info.get("version", "")).startswith("endpoint_")
    return Dialect.DOCS if source.from_markdown or docs_version else Dialect.OAS31
