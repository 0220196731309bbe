"""How each request of a spec is written on the wire, read from the spec before the generator runs.

The generator hands the templates no parameter `style` / `explode` and no request-body `encoding`, so the templates
alone would always send OpenAPI's defaults (query: form, exploded; path and header: simple; cookie: form; a
multipart part: JSON for an object, text for a primitive, the file's own type for binary). `survey` reads the spec
for every place that asks for more and returns both:
- the styles: per operation, the parameters, form fields and parts the templates must write another way
  (scripts/generate.py hands them to the templates as `wire.jinja`; the runtime's `_style.py` writes them);
- the problems: what has no defined form or nothing to send (an array of objects in a query, part headers...), one
  line per place; generation refuses the spec with them.
ElevenLabs' published document asks for none of it.
"""

from __future__ import annotations

from typing import Any

from scripts.spec_import.errors import SpecImportError
from scripts.spec_import.pointer import resolve_local_ref

_PRIMITIVES = frozenset({"string", "integer", "number", "boolean"})
# Per parameter location: the styles it may take, the default first. Which values need more than str() (a bool, a
# list, a model, a datetime, a null) the templates decide from the generator's Python types
# (templates/parameters.jinja); this survey gives them only what the generator drops: a style or explode other than
# the location's default.
LOCATIONS: dict[str, tuple[str, ...]] = {
    "query": ("form", "spaceDelimited", "pipeDelimited", "deepObject"),
    "path": ("simple", "label", "matrix"),
    "header": ("simple",),
    "cookie": ("form",),
}
# A form part's default Content-Type by value kind (OpenAPI's Encoding Object); binary parts carry the File's own.
DEFAULT_PART_TYPES = {"object": "application/json", "string": "text/plain", "integer": "text/plain",
                      "number": "text/plain", "boolean": "text/plain"}  # fmt: skip
FORM_BODIES = ("multipart/form-data", "application/x-www-form-urlencoded")

_JSON_KIND = {str: "string", bool: "boolean", int: "integer", float: "number", dict: "object", list: "array"}


def _resolved(doc: dict[str, Any], schema: Any, where: str) -> Any:
    return resolve_local_ref(doc, schema["$ref"], where) if isinstance(schema, dict) and "$ref" in schema else schema


def kinds(doc: dict[str, Any], schema: Any, where: str, seen: frozenset[str] = frozenset()) -> set[str]:
    """The JSON kinds a schema's values take ("binary" for a file; null left out); an array is "array", and its items
    ("array of <kind>") too; an object "object", and its properties' values ("object of <kind>") too. A schema that
    refers back to itself is "any" where it recurs."""
    if isinstance(schema, dict) and "$ref" in schema:
        ref = schema["$ref"]
        return {"any"} if ref in seen else kinds(doc, resolve_local_ref(doc, ref, where), where, seen | {ref})
    if not isinstance(schema, dict):
        return {"any"}
    members = [m for key in ("anyOf", "oneOf", "allOf") for m in schema.get(key, [])]
    if members:
        return set().union(*(kinds(doc, m, where, seen) for m in members))
    declared = schema.get("type")
    if declared is None:
        values = schema.get("enum", [schema["const"]] if "const" in schema else [])
        declared = [_JSON_KIND[type(v)] for v in values if type(v) in _JSON_KIND] or (
            "object" if "properties" in schema else "any"
        )
    found = set(declared if isinstance(declared, list) else [declared]) - {"null"}
    if "string" in found and schema.get("format") == "binary":
        found = (found - {"string"}) | {"binary"}
    if "array" in found:
        found |= {f"array of {k}" for k in kinds(doc, schema.get("items", {}), where, seen)}
    if "object" in found:
        values = [*(schema.get("properties") or {}).values()]
        extra = schema.get("additionalProperties")
        values += [extra] if isinstance(extra, dict) else []
        found |= {f"object of {k}" for v in values for k in kinds(doc, v, where, seen) if "of " not in k}
    return found


def nullable(doc: dict[str, Any], schema: Any, where: str, seen: frozenset[str] = frozenset()) -> bool:
    """True when null is one of the schema's values (`type: null`, a null member, `nullable: true`)."""
    if isinstance(schema, dict) and "$ref" in schema:
        ref = schema["$ref"]
        return ref not in seen and nullable(doc, resolve_local_ref(doc, ref, where), where, seen | {ref})
    if not isinstance(schema, dict):
        return False
    declared = schema.get("type")
    if schema.get("nullable") is True or declared == "null" or (isinstance(declared, list) and "null" in declared):
        return True
    members = [m for key in ("anyOf", "oneOf") for m in schema.get(key, [])]
    return None in (schema.get("enum") or []) or any(nullable(doc, m, where, seen) for m in members)


def _nested(found: set[str]) -> list[str]:
    """The kinds with no defined form in a parameter: arrays of non-primitives, objects holding objects or arrays."""
    inner = {k for k in found if k.count(" of ") == 1 and k.split(" of ")[1] not in _PRIMITIVES | {"any"}}
    return sorted(inner)


def _parameter(doc: dict[str, Any], parameter: dict[str, Any], where: str) -> tuple[list[str], list[Any] | None]:
    """(problems, [style, explode] when the templates must write this parameter with the runtime's _style)."""
    location = parameter.get("in", "")
    if location not in LOCATIONS:
        return [], None  # the generator itself refuses it
    what = f"{location} parameter {parameter.get('name')!r}"
    if "schema" not in parameter:  # e.g. `content: {application/json: ...}`: the generator leaves it out silently
        return [f"{what}: no `schema` (the generator drops such a parameter from the client)"], None
    styles = LOCATIONS[location]
    style = parameter.get("style", styles[0])
    explode = parameter.get("explode", style == "form")
    found = kinds(doc, parameter["schema"], where) - {"any"}
    problems = [f"{what}: {k} values (no form is defined for them in a {location})" for k in _nested(found)]
    if location == "header" and found & {"array", "object"}:
        problems.append(f"{what}: {' and '.join(sorted(found & {'array', 'object'}))} values (the generator takes "
                        "only primitives in a header)")  # fmt: skip
    elif style not in styles:
        problems.append(f"{what}: style {style!r} (a {location} parameter takes {', '.join(styles)})")
    elif style == "deepObject" and {k for k in found if " of " not in k} != {"object"}:
        others = sorted({k for k in found if " of " not in k} - {"object"})
        problems.append(f"{what}: style 'deepObject' on {', '.join(others)} values (it writes objects only)")
    elif style in ("spaceDelimited", "pipeDelimited") and found and not found & {"array", "object"}:
        problems.append(f"{what}: style {style!r} on {', '.join(sorted(found))} values (it delimits "
                        "arrays and objects only)")  # fmt: skip
    elif style in ("spaceDelimited", "pipeDelimited") and explode and "object" in found:
        problems.append(f"{what}: style {style!r} exploded on object values (no form is defined)")
    elif location == "cookie" and explode and found & {"array", "object"}:
        problems.append(f"{what}: exploded {' and '.join(sorted(found & {'array', 'object'}))} values (a cookie "
                        "holds one value; explode: false writes them as a list)")  # fmt: skip
    if problems:
        return problems, None
    if style != styles[0] or (explode != (style == "form") and found & {"array", "object"}):
        return [], [style, explode]
    return [], None


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def _encoding(
    doc: dict[str, Any], media_type: str, content: dict[str, Any], where: str
) -> tuple[list[str], dict[str, Any]]:
    """(problems, {"parts": {name: Content-Type}} for multipart or {"fields": {name: [style, explode]}} for forms)."""
    schema = _resolved(doc, content.get("schema", {}), where)
    properties = schema.get("properties", {}) if isinstance(schema, dict) else {}
    multipart = media_type == "multipart/form-data"
    problems, parts, fields = [], {}, {}
    for name, encoding in (content.get("encoding") or {}).items():
        what = f"{media_type} part {name!r}"
        found = {k.removeprefix("array of ") for k in kinds(doc, properties.get(name, {}), where)} - {"array"}
        found = {k for k in found if not k.startswith("object of")}
        wanted = str(encoding.get("contentType", "")).split(";")[0].strip().lower()
        defaults = {DEFAULT_PART_TYPES.get(k, "") for k in found}
        if wanted and "binary" not in found and defaults != {wanted}:
            writable = multipart and (
                (found <= _PRIMITIVES and wanted.startswith("text/")) or (found == {"object"} and _is_json(wanted))
            )
            if writable:
                parts[name] = encoding["contentType"]
            else:
                problems.append(f"{what}: contentType {wanted!r} (the client writes these values only as "
                                f"{' or '.join(sorted(defaults))})")  # fmt: skip
        if encoding.get("headers"):
            problems.append(f"{what}: part headers {sorted(encoding['headers'])} (the client has no value to send)")
        if not multipart:
            if encoding.get("allowReserved", False):
                problems.append(f"{what}: allowReserved True (the client percent-encodes reserved characters)")
            if "style" in encoding or "explode" in encoding:
                fields[name] = {"in": "query", "name": name, "schema": properties.get(name, {}),
                                **{k: encoding[k] for k in ("style", "explode") if k in encoding}}  # fmt: skip

    # An object field is written as form writes objects (its properties as fields) unless styled, and a null field is
    # left out: httpx would write an object's Python repr and a null as `name=`. Both go through _style.form.
    def needs_form(schema: Any) -> bool:
        return any("object" in k for k in kinds(doc, schema, where)) or nullable(doc, schema, where)

    if not multipart:
        for name, prop in properties.items():
            if name not in fields and needs_form(prop):
                fields[name] = {"in": "query", "name": name, "schema": prop}
    styled = {}
    for name, field in fields.items():
        said, style = _parameter(doc, field, where)
        problems += [p.replace("query parameter", f"{media_type} field", 1) for p in said]
        if style is None and not said and needs_form(field["schema"]):
            asked = field.get("style", "form")
            style = [asked, field.get("explode", asked == "form")]
        if style is not None:
            styled[name] = style
    return problems, ({"parts": parts} if parts else {}) | ({"fields": styled} if styled else {})


def survey(doc: dict[str, Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """(one line per place where `doc` asks for a serialization with no defined form or nothing to send, the styles
    keyed by "<method> <path>": {"query" | "path" | "cookie": {name: [style, explode]}, "parts": {...},
    "fields": {...}})."""
    problems: list[str] = []
    styles: dict[str, dict[str, Any]] = {}
    paths = doc.get("paths")
    for path, item in paths.items() if isinstance(paths, dict) else ():
        for method, operation in item.items() if isinstance(item, dict) else ():
            if method == "parameters" or not isinstance(operation, dict) or method.startswith("x-"):
                continue
            where = f"{method.upper()} {path}"
            wire: dict[str, Any] = {}
            try:
                found = []
                for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
                    if not isinstance(parameter, dict):
                        continue  # the generator refuses it
                    parameter = _resolved(doc, parameter, where)
                    said, style = _parameter(doc, parameter, where)
                    found += said
                    if style is not None:
                        wire.setdefault(parameter["in"], {})[parameter["name"]] = style
                body = _resolved(doc, operation.get("requestBody") or {}, where)
                for media_type, content in (body.get("content") or {}).items():
                    if media_type in FORM_BODIES and isinstance(content, dict):
                        said, written = _encoding(doc, media_type, content, where)
                        found += said
                        wire.update(written)
            except SpecImportError as err:
                found = [str(err)]
            problems += [f"{where}: {problem}" for problem in found]
            if wire:
                styles[f"{method} {path}"] = wire
    return problems, styles


def unsupported(doc: dict[str, Any]) -> list[str]:
    """One line per place where `doc` asks for a serialization the generated client cannot send as asked."""
    return survey(doc)[0]
