"""Dialect passes that fit in no other module: each source becomes plain OpenAPI 3.1 before slicing.

Every pass is a small named function ``(doc, config) -> None`` that edits in place and is idempotent; the order
lives in one place, ``pipeline.SOURCE_PASSES``.
"""

from __future__ import annotations

from typing import Any

from .config import ImportConfig
from .walk import iter_operations, iter_schemas

TARGET_VERSION = "3.1.0"


def set_target_version(doc: dict[str, Any], config: ImportConfig) -> None:
    # openapi-python-client 0.29 accepts 3.0.x and 3.1.x only; everything below is written for 3.1.
    doc["openapi"] = TARGET_VERSION


def exclusive_bounds_to_numbers(doc: dict[str, Any], config: ImportConfig) -> None:
    """3.0's boolean ``exclusiveMinimum: true`` beside ``minimum`` -> 3.1's numeric ``exclusiveMinimum``."""
    for _pointer, schema in iter_schemas(doc):
        for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
            flag = schema.get(exclusive)
            if flag is True and bound in schema:
                schema[exclusive] = schema.pop(bound)
            elif isinstance(flag, bool):
                del schema[exclusive]


def one_value_enum_as_const(doc: dict[str, Any], config: ImportConfig) -> None:
    """``enum: [x]`` -> ``const: x``: upstream writes a one-value field both ways (the ``kind`` of the pending-change
    models, March 2026); one spelling, so both generate the same Python API (a ``Literal``)."""
    for _pointer, schema in iter_schemas(doc):
        values = schema.get("enum")
        if isinstance(values, list) and len(values) == 1 and "const" not in schema and values[0] is not None:
            schema["const"] = schema.pop("enum")[0]


def drop_32_only_fields(doc: dict[str, Any], config: ImportConfig) -> None:
    """Fields 3.2 added that 3.1 (and so the generator and validator) reject, and that change no generated code.

    Operations that only 3.2 can express (``query``, ``additionalOperations``, ``in: querystring``, ``itemSchema``)
    are not dropped here: slicing and the construct check refuse them where they would be kept.
    """
    doc.pop("$self", None)
    for tag in doc.get("tags") or []:
        if isinstance(tag, dict):
            for key in ("summary", "parent", "kind"):
                tag.pop(key, None)
    for server in doc.get("servers") or []:
        if isinstance(server, dict):
            server.pop("name", None)
    for op in iter_operations(doc):
        for response in (op.node.get("responses") or {}).values():
            if isinstance(response, dict):
                response.pop("summary", None)
                for media in (response.get("content") or {}).values():
                    _examples_32_to_31(media)
    for scheme in (doc.get("components", {}).get("securitySchemes") or {}).values():
        if isinstance(scheme, dict):
            scheme.pop("deprecated", None)
            scheme.pop("oauth2MetadataUrl", None)


def _examples_32_to_31(media: Any) -> None:
    for example in (media.get("examples") or {}).values() if isinstance(media, dict) else ():
        if isinstance(example, dict) and "dataValue" in example:
            example.setdefault("value", example.pop("dataValue"))
            example.pop("serializedValue", None)


def remove_auth_header_parameters(doc: dict[str, Any], config: ImportConfig) -> None:
    """The API key header parameter goes: the overlay's ``ApiKeyAuth`` security scheme carries the key instead,
    so the generated functions take no key argument and the key lives only in the AuthenticatedClient."""
    wanted = set(config.auth_headers)

    def keep(param: Any) -> bool:
        return not (
            isinstance(param, dict) and param.get("in") == "header" and str(param.get("name", "")).lower() in wanted
        )

    holders: list[dict[str, Any]] = [op.node for op in iter_operations(doc)]
    holders += [item for item in (doc.get("paths") or {}).values() if isinstance(item, dict)]
    for holder in holders:
        params = holder.get("parameters")
        if isinstance(params, list):
            kept = [p for p in params if keep(p)]
            if kept:
                holder["parameters"] = kept
            else:
                del holder["parameters"]
