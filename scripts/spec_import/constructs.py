"""Constructs the importer does not carry into the canonical spec: refused by name and JSON pointer.

Each is something the pinned generator (openapi-python-client 0.29.1) cannot turn into correct code, so importing
it silently would produce a client that is wrong rather than one that fails to build.
"""

from __future__ import annotations

from typing import Any

from .errors import SpecImportError
from .pointer import join
from .walk import iter_media_types, iter_operations, iter_schemas

# JSON Schema dynamic references: the generator resolves only plain $ref.
_SCHEMA_KEYWORDS = ("$dynamicRef", "$recursiveRef")
# 3.2 media-type fields for streamed items (JSON Lines, SSE): the generator would ignore the item schema.
_MEDIA_TYPE_FIELDS = ("itemSchema", "itemEncoding", "prefixEncoding")


def refuse_unsupported(doc: dict[str, Any]) -> None:
    for pointer, schema in iter_schemas(doc):
        for keyword in _SCHEMA_KEYWORDS:
            if keyword in schema:
                raise SpecImportError(f"unsupported construct {keyword!r}", join(pointer, keyword))
        discriminator = schema.get("discriminator")
        if isinstance(discriminator, dict) and "defaultMapping" in discriminator:
            raise SpecImportError(
                "unsupported construct 'defaultMapping' (OpenAPI 3.2)", join(pointer, "discriminator", "defaultMapping")
            )
    for op in iter_operations(doc):
        for index, param in enumerate(op.node.get("parameters") or []):
            if isinstance(param, dict) and param.get("in") == "querystring":
                raise SpecImportError(
                    "unsupported construct 'in: querystring' (OpenAPI 3.2)", join(op.pointer, "parameters", index, "in")
                )
    for pointer, media in iter_media_types(doc):
        for field in _MEDIA_TYPE_FIELDS:
            if field in media:
                raise SpecImportError(f"unsupported construct {field!r} (OpenAPI 3.2)", join(pointer, field))
