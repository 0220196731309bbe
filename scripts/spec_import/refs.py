"""``$ref`` with sibling keywords: where the generator would drop a sibling that changes generated code, keep it.

OpenAPI 3.1 allows keywords beside ``$ref``; openapi-python-client 0.29.1 reads such a schema as a bare reference
and drops every sibling. Wrapped as ``allOf: [{$ref}]`` with the siblings beside it, it honours ``default`` (the
generated field defaults to that member). ``description``, ``examples``, ``deprecated`` and the rest change no
generated code in either form (the attribute is documented with the referenced schema's description), so they stay
beside the ``$ref`` exactly as upstream wrote them.
"""

from __future__ import annotations

from typing import Any

from .config import ImportConfig
from .walk import iter_schemas


def wrap_refs_with_defaults(doc: dict[str, Any], config: ImportConfig) -> None:
    """``{$ref: X, default: d, ...}`` -> ``{allOf: [{$ref: X}], default: d, ...}`` (idempotent)."""
    for _pointer, schema in iter_schemas(doc):
        if "$ref" in schema and "default" in schema:
            ref = schema.pop("$ref")
            siblings = dict(schema)
            schema.clear()
            schema.update({"allOf": [{"$ref": ref}], **siblings})
