"""Stable Python names: the name lock (``openapi/names.yaml``) decides the class name of every schema.

openapi-python-client names a class after the schema's ``title`` (a component's or an inline object's title is the
whole name; an inline enum's title is appended to the class that holds it), and otherwise after where it sits
(``<Parent><Property>``, ``...Type0`` inside unions, ``...Item`` in lists). Left alone, names move whenever upstream
moves a schema without changing the wire: an enum becoming nullable gains ``Type0``, an inline enum hoisted into a
component takes the component's name, two components with one title collide and one is lost.

So the importer decides every name and writes it as ``title``:

- each schema that becomes a class (an enum or an object) has a *location*: its JSON pointer, with the union step
  left out where the union has one non-null member (so ``currency`` keeps its location when it becomes nullable);
- the lock maps location -> name (and the schema's *shape*: enum values or property names). A recorded location
  keeps its name whatever happens to the schema;
- a new location first takes the name of a recorded schema of the same shape whose location is gone (upstream
  hoisted or renamed it: ``SubscriptionStatusType`` keeps the name ``...Status`` it had inline); otherwise a
  readable default (its title if no other schema has it, else its component name; ``<Parent><Property>`` inline,
  never ``Type0``), made unique;
- a recorded enum whose location is gone while its shape is still on the wire under another name (upstream merged
  two identical enums into one schema) stays importable as its own component, listed under ``retained``.

The import writes the lock back: entries for every current location plus the retained ones. A rename is an edit of
the lock; deleting a ``retained`` entry retires that name.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import SpecImportError
from .load import load_yaml_text
from .nullability import is_null_schema
from .pointer import join
from .walk import iter_operations

HEADER = """\
# The name lock: the Python class name of every schema of the canonical spec (see openapi/README.md, "Python names").
# Written by `make update-spec`; edit a name here on purpose to rename a class (a breaking change for callers).
# schemas: location (JSON pointer; a nullable union's one member shares its property's location) -> name and shape.
# retained: names of enums upstream merged into another schema (`for`: its location); kept importable as a copy.
# Delete a retained entry to retire that name.
"""
_IDENTIFIER = re.compile(r"[A-Z][A-Za-z0-9]*\Z")


@dataclass
class Entry:
    name: str
    shape: str


@dataclass
class Lock:
    schemas: dict[str, Entry] = field(default_factory=dict)
    retained: dict[str, Entry] = field(default_factory=dict)  # name -> entry

    def by_location(self) -> dict[str, str]:
        """location -> class name, retained names included (each is a component of its own)."""
        found = {key: entry.name for key, entry in self.schemas.items()}
        found.update({join("/components/schemas", name): name for name in self.retained})
        return found


@dataclass
class Site:
    """A schema that the generator turns into a class."""

    location: str
    pointer: str  # where the schema is (differs from location for a union's one non-null member)
    schema: dict[str, Any]
    kind: str  # "enum" or "object"
    context: Context
    hint: str  # the readable suffix of a default inline name (the property name, Item, Response200, ...)
    component: str | None = None
    name: str = ""


@dataclass
class Context:
    """What encloses an inline schema: the class holding it (once named), or the generator's fixed parent name."""

    holder: Site | None = None
    outer: str = ""  # the generator's parent name when no class holds it (operations: the endpoint), else ""
    base: str = ""  # the readable prefix of a default name when no class holds it

    @property
    def generator_prefix(self) -> str:
        """What the generator puts before an inline enum's title."""
        return self.holder.name if self.holder is not None else self.outer

    @property
    def readable_prefix(self) -> str:
        return self.holder.name if self.holder is not None else self.base


# --- reading and writing the lock ---------------------------------------------------------------


def load_lock(path: Path | None) -> Lock:
    if path is None or not path.exists():
        return Lock()
    try:
        raw = load_yaml_text(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SpecImportError(f"cannot read the name lock: {exc}", source=str(path)) from None
    if not isinstance(raw, dict):
        raise SpecImportError("the name lock must be a mapping", "", str(path))
    lock = Lock()
    for section in ("schemas", "retained"):
        entries = raw.get(section) or {}
        if not isinstance(entries, dict):
            raise SpecImportError(f"{section} must map locations to entries", f"/{section}", str(path))
        for key, entry in entries.items():
            where = join(f"/{section}", key)
            if section == "retained":
                entry = {"name": key, **(entry if isinstance(entry, dict) else {})}
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise SpecImportError("lock entry needs a name", where, str(path))
            if not _IDENTIFIER.match(entry["name"]) or _class_name(entry["name"]) != entry["name"]:
                raise SpecImportError(
                    f"{entry['name']!r} is not a PascalCase class name the generator keeps as is",
                    join(where, "name"),
                    str(path),
                )
            target = lock.retained if section == "retained" else lock.schemas
            target[key] = Entry(entry["name"], str(entry.get("for" if section == "retained" else "shape", "")))
    seen: dict[str, str] = {}
    for key, entry in [*lock.schemas.items(), *(("retained/" + k, e) for k, e in lock.retained.items())]:
        if entry.name in seen:
            raise SpecImportError(f"name {entry.name!r} is locked twice ({seen[entry.name]} and {key})", "", str(path))
        seen[entry.name] = key
    return lock


def dump_lock(lock: Lock) -> str:
    data: dict[str, Any] = {"schemas": {k: {"name": e.name, "shape": e.shape} for k, e in sorted(lock.schemas.items())}}
    if lock.retained:
        data["retained"] = {name: {"for": e.shape} for name, e in sorted(lock.retained.items())}
    return HEADER + yaml.dump(data, Dumper=yaml.SafeDumper, sort_keys=False, width=120, allow_unicode=True)


# --- where the classes are ----------------------------------------------------------------------


def _class_name(text: str) -> str:
    # The generator's own conversion, so a locked name is exactly the class name it writes.
    from openapi_python_client.strings import ClassName  # noqa: PLC0415 - the pinned generator

    return str(ClassName(text, ""))


def shape(schema: dict[str, Any]) -> str:
    """What identifies a schema that moved: an enum's values, or an object's property names (hashed: short lines)."""
    if "enum" in schema:
        return "enum: " + " | ".join(sorted(str(v) for v in schema["enum"]))
    found = schema.get("properties")
    props: list[str] = sorted(found) if isinstance(found, dict) else []
    digest = hashlib.sha256("\n".join(sorted(props)).encode()).hexdigest()[:12]
    return f"object: {len(props)} properties, sha256 {digest}"


def _kind(schema: dict[str, Any]) -> str | None:
    """ "enum" or "object" when the generator makes a class of ``schema`` (its checks, in its order), else None."""
    if "$ref" in schema:
        return None
    members = [m for key in ("allOf", "anyOf", "oneOf") for m in schema.get(key) or []]
    if len(members) == 1 and isinstance(members[0], dict) and "$ref" in members[0]:
        return None  # a one-reference wrapper: the generator uses the referenced class
    values = schema.get("enum")
    if isinstance(values, list) and any(v is not None for v in values):
        kinds = {type(v) for v in values if v is not None}
        return "enum" if kinds in ({str}, {int}) else None
    if schema.get("anyOf") or schema.get("oneOf"):
        return None
    allof = schema.get("allOf")
    if schema.get("type") == "object" or allof or (schema.get("type") is None and schema.get("properties")):
        return "object"
    return None


def _inline_sites(
    schema: Any, location: str, context: Context, hint: str, pointer: str | None = None
) -> Iterator[Site]:
    """Classes at and below an inline schema (properties, items, union members, additionalProperties)."""
    pointer = location if pointer is None else pointer
    if not isinstance(schema, dict):
        return
    kind = _kind(schema)
    if kind is None:
        yield from _children(schema, location, context, hint, None, pointer)
        return
    site = Site(location, pointer, schema, kind, context, hint)
    yield site
    yield from _children(schema, location, context, hint, site, pointer)


def _children(
    schema: dict[str, Any], location: str, context: Context, hint: str, site: Site | None, pointer: str
) -> Iterator[Site]:
    """``location`` is the schema's pointer, except that a union's only non-null member shares its union's."""
    own = site is not None and site.kind == "object"
    inner = Context(holder=site) if own else context
    prefix = "" if own else hint
    for name, prop in (schema.get("properties") or {}).items():
        yield from _inline_sites(
            prop,
            join(location, "properties", name),
            inner,
            prefix + _class_name(name),
            join(pointer, "properties", name),
        )
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        yield from _inline_sites(
            extra,
            join(location, "additionalProperties"),
            inner,
            prefix + "AdditionalProperty",
            join(pointer, "additionalProperties"),
        )
    if isinstance(schema.get("items"), dict):
        yield from _inline_sites(
            schema["items"], join(location, "items"), context, hint + "Item", join(pointer, "items")
        )
    for union in ("anyOf", "oneOf", "allOf"):
        members = schema.get(union)
        if not isinstance(members, list):
            continue
        real = [i for i, m in enumerate(members) if isinstance(m, dict) and not is_null_schema(m)]
        for number, index in enumerate(real, start=1):
            member = members[index]
            if union == "allOf":
                if "$ref" not in member:  # an allOf's own members merge into this schema's class
                    yield from _children(
                        member, join(location, union, index), context, hint, site, join(pointer, union, index)
                    )
                continue
            alone = len(real) == 1
            title = member.get("title")
            suffix = "" if alone else _class_name(title) if isinstance(title, str) and title else f"Option{number}"
            where = location if alone else join(location, union, index)
            yield from _inline_sites(member, where, context, hint + suffix, join(pointer, union, index))


def find_sites(doc: dict[str, Any]) -> list[Site]:
    """Every class-making schema, parents before children: components by name, then operations."""
    sites: list[Site] = []
    schemas = (doc.get("components") or {}).get("schemas") or {}
    for name in sorted(schemas):
        schema = schemas[name]
        pointer = join("/components/schemas", name)
        if not isinstance(schema, dict):
            continue
        kind = _kind(schema)
        if kind is None:  # e.g. a list or union component: its inline classes have no generator prefix
            sites.extend(_children(schema, pointer, Context(base=_class_name(name)), "", None, pointer))
            continue
        site = Site(pointer, pointer, schema, kind, Context(), "", component=name)
        sites.append(site)
        sites.extend(_children(schema, pointer, Context(), "", site, pointer))
    for op in iter_operations(doc):
        endpoint = _class_name(_python_identifier(str(op.node.get("operationId") or _operation_id(op.path, op.method))))
        context = Context(outer=endpoint, base=endpoint)
        for index, param in enumerate(op.node.get("parameters") or []):
            if isinstance(param, dict) and isinstance(param.get("schema"), dict):
                where = join(op.pointer, "parameters", index, "schema")
                sites.extend(_inline_sites(param["schema"], where, context, _class_name(str(param.get("name")))))
        body = op.node.get("requestBody")
        content = (body.get("content") if isinstance(body, dict) else None) or {}
        for media_type, media in content.items():
            if isinstance(media, dict) and isinstance(media.get("schema"), dict):
                where = join(op.pointer, "requestBody", "content", media_type, "schema")
                outer = endpoint + _class_name(_BODY_TYPES.get(media_type, "json")) if len(content) > 1 else endpoint
                sites.extend(_inline_sites(media["schema"], where, Context(outer=outer, base=outer), "Body"))
        for status, response in (op.node.get("responses") or {}).items():
            content = (response.get("content") if isinstance(response, dict) else None) or {}
            for media_type, media in content.items():
                if isinstance(media, dict) and isinstance(media.get("schema"), dict):
                    where = join(op.pointer, "responses", status, "content", media_type, "schema")
                    sites.extend(_inline_sites(media["schema"], where, context, "Response" + _class_name(status)))
    return sites


_BODY_TYPES = {
    "application/x-www-form-urlencoded": "data",
    "multipart/form-data": "files",
    "application/octet-stream": "content",
}


def _operation_id(path: str, method: str) -> str:
    return f"{method}_{path.replace('{', '').replace('}', '').replace('/', '_').strip('_')}"


def _python_identifier(text: str) -> str:
    from openapi_python_client.strings import PythonIdentifier  # noqa: PLC0415 - the pinned generator

    return str(PythonIdentifier(text, ""))


# --- deciding the names -------------------------------------------------------------------------


def assign_names(doc: dict[str, Any], lock: Lock) -> Lock:
    """Names every class-making schema of ``doc`` (as ``title``) from ``lock``; returns the lock to write."""
    sites = find_sites(doc)
    by_location = {site.location: site for site in sites}
    # Recorded schemas whose location no longer makes a class: moved (their location now refers to a component),
    # or gone. Candidates for the name of a new component, in the lock's order.
    unplaced = {key: entry for key, entry in lock.schemas.items() if key not in by_location}
    moved_to: dict[str, list[str]] = {}
    for key in unplaced:
        target = _referenced_component(doc, key)
        if target is not None:
            moved_to.setdefault(join("/components/schemas", target), []).append(key)
    taken = {lock.schemas[key].name for key in by_location if key in lock.schemas}
    titles = _title_counts(doc)
    new = Lock()
    for site in sites:
        recorded = lock.schemas.get(site.location)
        if recorded is not None:
            site.name = recorded.name
        else:
            site.name = _moved_name(site, unplaced, moved_to) or _default_name(site, titles, taken)
        taken.add(site.name)
        _check_prefix(site)
        new.schemas[site.location] = Entry(site.name, shape(site.schema))
        _set_title(site)
    # Recorded enums that upstream merged into a component another name took: kept importable as their own
    # component (a copy of the shared schema; its members compare equal to the shared class's, both being str).
    wanted: dict[str, str] = {name: entry.shape for name, entry in lock.retained.items()}
    wanted.update(
        {unplaced[key].name: component for component, keys in moved_to.items() for key in keys if key in unplaced}
    )
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for name, holder_location in sorted(wanted.items()):
        holder = by_location.get(holder_location)
        if holder is None or holder.kind != "enum" or name in taken:
            continue  # its schema left the wire, or the name is back on a schema of its own
        if name in schemas:
            raise SpecImportError(f"retained name {name!r} is also a schema's name", join("/components/schemas", name))
        schemas[name] = {**{k: v for k, v in holder.schema.items() if k != "title"}, "title": name}
        new.retained[name] = Entry(name, holder_location)
        taken.add(name)
    return new


def _referenced_component(doc: dict[str, Any], location: str) -> str | None:
    """The component the schema at ``location`` now refers to (directly, via allOf, or as a nullable union)."""
    node: Any = doc
    for token in location.lstrip("/").split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or token not in node:
            return None
        node = node[token]
    if not isinstance(node, dict):
        return None
    members = [m for m in node.get("anyOf") or node.get("allOf") or [node] if not is_null_schema(m)]
    ref = members[0].get("$ref") if len(members) == 1 and isinstance(members[0], dict) else None
    prefix = "#/components/schemas/"
    return (
        ref[len(prefix) :].replace("~1", "/").replace("~0", "~")
        if isinstance(ref, str) and ref.startswith(prefix)
        else None
    )


def _moved_name(site: Site, unplaced: dict[str, Entry], moved_to: dict[str, list[str]]) -> str | None:
    """A new component takes the name of the first recorded schema that now refers to it; failing that, of a
    recorded schema of the same shape whose location is gone (a rename upstream)."""
    if site.component is None:
        return None
    kind = site.kind + ":"
    for key in moved_to.get(site.location, []):
        if key in unplaced and unplaced[key].shape.startswith(kind):
            return unplaced.pop(key).name
    wanted = shape(site.schema)
    for key, entry in unplaced.items():
        if entry.shape == wanted and not any(key in keys for keys in moved_to.values()):
            return unplaced.pop(key).name
    return None


def _title_counts(doc: dict[str, Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name, schema in ((doc.get("components") or {}).get("schemas") or {}).items():
        title = schema.get("title") if isinstance(schema, dict) else None
        key = _class_name(title if isinstance(title, str) and title else name)
        counts[key] = counts.get(key, 0) + 1
    return counts


def _default_name(site: Site, titles: dict[str, int], taken: set[str]) -> str:
    if site.component is not None:
        title = site.schema.get("title")
        base = _class_name(title) if isinstance(title, str) and title else _class_name(site.component)
        if titles.get(base, 0) > 1 or base in taken:
            base = _class_name(site.component)  # FastAPI's X-Input / X-Output share the title X
    else:
        base = _class_name(site.context.readable_prefix + site.hint)
    name, number = base, 2
    while name in taken:
        name, number = f"{base}{number}", number + 1
    return name


def _check_prefix(site: Site) -> None:
    prefix = site.context.generator_prefix
    inline_enum = site.kind == "enum" and site.component is None and prefix
    if inline_enum and (not site.name.startswith(prefix) or site.name == prefix):
        raise SpecImportError(
            f"locked name {site.name!r} of an inline enum must start with the name of the "
            f"class that holds it, {prefix!r}, and add to it",
            site.location,
        )


def _set_title(site: Site) -> None:
    """The title that makes the generator write ``site.name``."""
    prefix = site.context.generator_prefix
    inline_enum = site.kind == "enum" and site.component is None and prefix
    title = site.name[len(prefix) :] if inline_enum else site.name
    current = site.schema.get("title")
    if not (isinstance(current, str) and current and _class_name(current) == title):
        site.schema["title"] = title  # upstream's own title is kept when it already gives this name


def class_names(doc: dict[str, Any]) -> dict[str, str]:
    """location -> the class name the generator gives the schema there, read from the titles (what the lock wrote)."""
    result: dict[str, str] = {}
    for site in find_sites(doc):  # parents first, so an inline enum's holder is named already
        title = site.schema.get("title")
        own = _class_name(title) if isinstance(title, str) and title else ""
        prefix = site.context.generator_prefix
        if site.component is not None:
            site.name = own or _class_name(site.component)
        elif site.kind == "enum":
            site.name = _class_name(prefix + (own or site.hint))
        else:
            site.name = own or _class_name(prefix + site.hint)
        result[site.location] = site.name
    return result
