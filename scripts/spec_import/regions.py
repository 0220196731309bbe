"""Derive the ``Region`` schema from the document's ``servers``, so the generated package's region constants are data.

openapi-python-client 0.29.1 drops ``servers`` while parsing, so no template can see them; a string enum in
``components.schemas`` it does generate (``models/region.py``), and it names the members by ``x-enum-varnames``.
Runs after the overlay (which adds the servers); a document without servers gets no Region schema.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import SpecImportError
from .pointer import join

SCHEMA_NAME = "Region"
DESCRIPTION = (
    "Base URLs of the ElevenLabs regions, derived by the importer from this document's servers; "
    "each member is named by its server's x-region-name."
)
# The upper-cased name becomes a Python constant, so it must be an identifier the generator keeps as is.
_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")


def region_schema(servers: Any) -> dict[str, Any]:
    """The ``Region`` string enum for ``servers``: urls as values, upper-cased ``x-region-name`` as member names."""
    if not isinstance(servers, list):
        raise SpecImportError("servers is not a list", "/servers")
    urls: list[str] = []
    names: list[str] = []
    for index, server in enumerate(servers):
        where = join("/servers", index)
        if not isinstance(server, dict):
            raise SpecImportError("server is not an object", where)
        url, name = server.get("url"), server.get("x-region-name")
        if not isinstance(url, str) or not url:
            raise SpecImportError("server has no url", join(where, "url"))
        if name is None:
            raise SpecImportError(
                "server has no x-region-name (every server names its region)", join(where, "x-region-name")
            )
        if not isinstance(name, str) or not _NAME.match(name):
            raise SpecImportError(
                f"x-region-name {name!r} is not a lower-case name like 'eu_residency'", join(where, "x-region-name")
            )
        if url in urls:
            raise SpecImportError(f"server url {url!r} is listed twice", join(where, "url"))
        if name.upper() in names:
            raise SpecImportError(f"x-region-name {name!r} is used twice", join(where, "x-region-name"))
        urls.append(url)
        names.append(name.upper())
    return {"type": "string", "title": SCHEMA_NAME, "description": DESCRIPTION, "enum": urls, "x-enum-varnames": names}


def derive_region_schema(doc: dict[str, Any]) -> None:
    """Adds ``components.schemas.Region`` from ``doc['servers']`` (none when there are no servers).

    An equal existing definition is kept (re-importing changes nothing); a different one is an error, since the
    name would then mean two things.
    """
    if "servers" not in doc:
        return
    schema = region_schema(doc["servers"])
    components = doc.setdefault("components", {})
    if not isinstance(components, dict):
        raise SpecImportError("components is not an object", "/components")
    schemas = components.setdefault("schemas", {})
    if not isinstance(schemas, dict):
        raise SpecImportError("components.schemas is not an object", "/components/schemas")
    where = join("/components/schemas", SCHEMA_NAME)
    existing = schemas.get(SCHEMA_NAME)
    if existing is not None and existing != schema:
        raise SpecImportError(
            f"schema {SCHEMA_NAME} already exists and differs from the one derived from /servers", where
        )
    schemas[SCHEMA_NAME] = schema
