"""The request serializations the templates implement, and the parts of a spec that ask for another.

The generator hands the templates no parameter `style` / `explode` and no request-body `encoding`: the generated
code always sends OpenAPI's defaults (query: form, exploded; path and header: simple; cookie: form; a multipart
part: JSON for an object, text for a primitive, the file's own type for binary). A spec that asks for anything else
would be sent wrongly without a word, so generation refuses it, one line per place, before the generator runs
(scripts/generate.py). ElevenLabs' published document asks for none of it.
"""

from __future__ import annotations

from typing import Any

from scripts.spec_import.errors import SpecImportError
from scripts.spec_import.pointer import resolve_local_ref

# Per parameter location: the default style and explode (what the templates send), and the value kinds they send
# correctly there (path: str() of a bool is "True"; a list has no form in a path, header or cookie).
_PRIMITIVES = frozenset({"string", "integer", "number", "boolean"})
PARAMETER_DEFAULTS: dict[str, tuple[str, bool, frozenset[str]]] = {
    "query": ("form", True, _PRIMITIVES | {"array", "object"}),
    "path": ("simple", False, frozenset({"string", "integer", "number"})),
    "header": ("simple", False, _PRIMITIVES),
    "cookie": ("form", True, frozenset({"string"})),
}
# A form part's default Content-Type by value kind (OpenAPI's Encoding Object); binary parts carry the File's own.
DEFAULT_PART_TYPES = {"object": "application/json", "string": "text/plain", "integer": "text/plain",
                      "number": "text/plain", "boolean": "text/plain"}  # fmt: skip
FORM_BODIES = ("multipart/form-data", "application/x-www-form-urlencoded")


_JSON_KIND = {str: "string", bool: "boolean", int: "integer", float: "number", dict: "object", list: "array"}


def kinds(doc: dict[str, Any], schema: Any, where: str, seen: frozenset[str] = frozenset()) -> set[str]:
    """The JSON kinds a schema's values take ("binary" for a file; null left out); an array is "array", and its items
    ("array of <kind>") too. A schema that refers back to itself is "any" where it recurs."""
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
    return found


def _parameter_problems(doc: dict[str, Any], parameter: dict[str, Any], where: str) -> list[str]:
    location = parameter.get("in", "")
    if location not in PARAMETER_DEFAULTS:
        return []  # the generator itself refuses it
    what = f"{location} parameter {parameter.get('name')!r}"
    if "schema" not in parameter:  # e.g. `content: {application/json: ...}`: the generator leaves it out silently
        return [f"{what}: no `schema` (the generator drops such a parameter from the client)"]
    style, explode, supported = PARAMETER_DEFAULTS[location]
    found = kinds(doc, parameter["schema"], where)
    items = {k.removeprefix("array of ") for k in found if k.startswith("array of ")}
    plain = found - {f"array of {k}" for k in items}
    problems = []
    if parameter.get("style", style) != style:
        problems.append(f"{what}: style {parameter['style']!r} (the client sends style {style!r})")
    if parameter.get("explode", explode) != explode and plain & {"array", "object"}:
        problems.append(f"{what}: explode {parameter['explode']} (the client sends explode {explode})")
    # an untyped value ("any") is the caller's to choose; an array's items are sent as query values
    unsent = sorted((plain - supported - {"any"}) | {f"array of {k}" for k in items - _PRIMITIVES - {"any"}})
    if unsent:
        problems.append(f"{what}: {', '.join(unsent)} values (the client sends a {location} parameter correctly only "
                        f"for {', '.join(sorted(supported))})")  # fmt: skip
    return problems


def _encoding_problems(doc: dict[str, Any], media_type: str, content: dict[str, Any], where: str) -> list[str]:
    schema = content.get("schema", {})
    if isinstance(schema, dict) and "$ref" in schema:
        schema = resolve_local_ref(doc, schema["$ref"], where)
    properties = schema.get("properties", {}) if isinstance(schema, dict) else {}
    problems = []
    for name, encoding in (content.get("encoding") or {}).items():
        what = f"{media_type} part {name!r}"
        found = {k.removeprefix("array of ") for k in kinds(doc, properties.get(name, {}), where)} - {"array"}
        wanted = str(encoding.get("contentType", "")).split(";")[0].strip().lower()
        defaults = {DEFAULT_PART_TYPES.get(k, "") for k in found}
        if wanted and "binary" not in found and defaults != {wanted}:
            problems.append(f"{what}: contentType {wanted!r} (the client sends {' or '.join(sorted(defaults))})")
        if encoding.get("headers"):
            problems.append(f"{what}: part headers {sorted(encoding['headers'])} (the client sends none)")
        if media_type == "application/x-www-form-urlencoded":
            for key, default in {"style": "form", "explode": True, "allowReserved": False}.items():
                if encoding.get(key, default) != default:
                    problems.append(f"{what}: {key} {encoding[key]!r} (the client sends {key} {default!r})")
    if media_type == "application/x-www-form-urlencoded":  # httpx writes a nested object as its Python repr
        for name, prop in properties.items():
            nested = {k.removeprefix("array of ") for k in kinds(doc, prop, where)} - _PRIMITIVES - {"array", "any"}
            if nested:
                problems.append(f"{media_type} field {name!r}: {', '.join(sorted(nested))} values (the client sends "
                                "primitives and lists of them)")  # fmt: skip
    return problems


def unsupported(doc: dict[str, Any]) -> list[str]:
    """One line per place where `doc` asks for a serialization the generated client would not send as asked."""
    problems: list[str] = []
    paths = doc.get("paths")
    for path, item in paths.items() if isinstance(paths, dict) else ():
        for method, operation in item.items() if isinstance(item, dict) else ():
            if method == "parameters" or not isinstance(operation, dict) or method.startswith("x-"):
                continue
            where = f"{method.upper()} {path}"
            try:
                found = []
                for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
                    if not isinstance(parameter, dict):
                        continue  # the generator refuses it
                    if "$ref" in parameter:
                        parameter = resolve_local_ref(doc, parameter["$ref"], where)
                    found += _parameter_problems(doc, parameter, where)
                body = operation.get("requestBody") or {}
                if "$ref" in body:
                    body = resolve_local_ref(doc, body["$ref"], where)
                for media_type, content in (body.get("content") or {}).items():
                    if media_type in FORM_BODIES and isinstance(content, dict):
                        found += _encoding_problems(doc, media_type, content, where)
            except SpecImportError as err:
                found = [str(err)]
            problems += [f"{where}: {problem}" for problem in found]
    return problems
