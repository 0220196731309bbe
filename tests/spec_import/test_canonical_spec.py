"""The canonical spec is upstream's slice, field by field, except the deviations listed in openapi/README.md.

"Upstream" is whatever `make update-spec` imported last (openapi/upstream/SOURCE.yaml), in the importer's one
spelling but without our additions: no overlay, no key-header removal, no name-lock titles. The name lock's titles
are checked against openapi/names.yaml instead of the table.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from functools import cache
from typing import Any

from document_differences import differences
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from scripts.paths import CANONICAL_SPEC, OPENAPI_DIR, PACKAGE_DIR
from scripts.spec_import import load_config
from scripts.spec_import.load import load_yaml_text
from scripts.spec_import.names import class_names, find_sites, load_lock
from scripts.spec_import.pipeline import build
from scripts.spec_import.record import load_record

RECORD = OPENAPI_DIR / "upstream" / "SOURCE.yaml"
README = OPENAPI_DIR / "README.md"
CONFIG = OPENAPI_DIR / "import-config.yaml"
_ROW = re.compile(r"^\| `(/[^`]*)` \| (added|removed|changed) \| .+ \|$")


def canonical() -> dict[str, Any]:
    return load_yaml_text(CANONICAL_SPEC.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _upstream() -> dict[str, Any]:
    record = load_record(RECORD)
    assert record is not None, f"{RECORD} is missing: run `make update-spec SRC=...`"
    config = dataclasses.replace(load_config(), auth_headers=())
    return build(record.paths(), config, overlay=False, naming=False, fallback=record.kept()).doc


def upstream() -> dict[str, Any]:
    return copy.deepcopy(_upstream())


def without_lock_titles(spec: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with each title the name lock decides put back to ``base``'s (the lock is checked on its own)."""
    spec = copy.deepcopy(spec)
    for site in find_sites(spec):
        node: Any = base
        for token in site.pointer.lstrip("/").split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            node = (
                node.get(token)
                if isinstance(node, dict)
                else node[int(token)]
                if isinstance(node, list) and token.isdigit() and int(token) < len(node)
                else None
            )
        if isinstance(node, dict) and "title" in node:
            site.schema["title"] = node["title"]
        else:
            site.schema.pop("title", None)
    return spec


def retained(spec: dict[str, Any]) -> set[str]:
    return set(load_lock(OPENAPI_DIR / "names.yaml").retained)


def deviations() -> dict[str, str]:
    """The README's "Deliberate deviations from upstream" table: JSON pointer -> added/removed/changed."""
    section = README.read_text(encoding="utf-8").split("## Deliberate deviations from upstream", 1)[1]
    rows = {m.group(1): m.group(2) for line in section.splitlines() if (m := _ROW.match(line))}
    assert rows, "no deviation rows found in openapi/README.md"
    return rows


def schema_closure(doc: dict[str, Any], roots: list[Any]) -> set[str]:
    names: set[str] = set()
    pending = list(roots)
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
                if name not in names:
                    names.add(name)
                    pending.append(doc["components"]["schemas"][name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return names


def upstream_slice(spec: dict[str, Any]) -> dict[str, Any]:
    """What the canonical spec would be with no deviations: upstream's info, operations and schemas."""
    up = upstream()
    paths = {path: {method: up["paths"][path][method] for method in item} for path, item in spec["paths"].items()}
    schemas = schema_closure(up, list(paths.values()))
    return {
        "openapi": up["openapi"],
        "info": up.get("info", {}),
        "paths": paths,
        "components": {"schemas": {name: up["components"]["schemas"][name] for name in sorted(schemas)}},
    }


def test_canonical_spec_is_valid_openapi_31() -> None:
    spec = canonical()
    validate(spec, cls=OpenAPIV31SpecValidator)
    assert spec["openapi"] == "3.1.0"


def test_operations_are_the_configured_list() -> None:
    configured = load_yaml_text(CONFIG.read_text())["operations"]
    spec = canonical()
    kept = sorted(f"{method.upper()} {path}" for path, item in spec["paths"].items() for method in item)
    assert kept == sorted(configured)


def test_schemas_are_exactly_upstreams_ref_closure() -> None:
    """Plus the schemas the deviation table declares as added (the importer's Region, derived from /servers)."""
    spec = canonical()
    added = {
        pointer.removeprefix("/components/schemas/")
        for pointer, kind in deviations().items()
        if kind == "added" and pointer.count("/") == 3 and pointer.startswith("/components/schemas/")
    }
    assert added == {"Region"}
    assert set(spec["components"]["schemas"]) == set(upstream_slice(spec)["components"]["schemas"]) | added | retained(
        spec
    )


def test_only_listed_deviations_from_upstream() -> None:
    spec = canonical()
    base = upstream_slice(spec)
    found = differences(base, without_lock_titles(spec, base))
    found = {p: k for p, k in found.items() if p.removeprefix("/components/schemas/") not in retained(spec)}
    rows = deviations()
    unexplained = {p: k for p, k in found.items() if not any(p == r or p.startswith(r + "/") for r in rows)}
    assert unexplained == {}, (
        "the canonical spec differs from its recorded sources (openapi/upstream/SOURCE.yaml) where openapi/README.md's "
        "deviation table lists nothing. If an overlay action (openapi/overlay.yaml) makes the change on purpose, add a "
        "row `| `<pointer>` | added/removed/changed | why |` per pointer; otherwise the spec was edited by hand or "
        "the importer changed: run `make update-spec SRC=<source>`"
    )
    wrong_kind = {p: (k, rows[p]) for p, k in found.items() if p in rows and rows[p] != k}
    assert wrong_kind == {}, "(found, table says): upstream changed what the row describes; fix the row's kind"
    stale = [r for r in rows if not any(p == r or p.startswith(r + "/") for p in found)]
    assert stale == [], (
        "deviation rows that no longer match any difference: upstream now has what the row describes; delete the "
        "row from openapi/README.md (and the overlay action behind it)"
    )


def test_class_names_are_the_name_locks() -> None:
    lock = load_lock(OPENAPI_DIR / "names.yaml")
    assert class_names(canonical()) == lock.by_location(), (
        "openapi/names.yaml and the spec disagree: run `make update-spec` (never edit the spec by hand)"
    )


def test_generated_models_are_the_locked_names() -> None:
    """The name computation agrees with the generator: every class in client/ models is a locked name."""
    lock = load_lock(OPENAPI_DIR / "names.yaml")
    generated = {
        m
        for f in (PACKAGE_DIR / "models").glob("*.py")
        for m in re.findall(r"^class (\w+)", f.read_text(), re.MULTILINE)
    }
    assert generated == {e.name for e in lock.schemas.values()} | set(lock.retained)


def test_secret_marking_only_on_xi_api_key() -> None:
    spec = canonical()
    marked: list[str] = []

    def walk(node: Any, pointer: str) -> None:
        if isinstance(node, dict):
            if node.get("x-secret") is True:
                marked.append(pointer)
            for key, value in node.items():
                walk(value, f"{pointer}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{pointer}/{index}")

    walk(spec, "")
    assert marked == ["/components/schemas/UserResponseModel/properties/xi_api_key"]
    prop = spec["components"]["schemas"]["UserResponseModel"]["properties"]["xi_api_key"]
    assert prop["anyOf"] == [{"type": "string"}, {"type": "null"}]
    assert "xi_api_key" not in spec["components"]["schemas"]["UserResponseModel"]["required"]


def test_servers_security_and_generated_names() -> None:
    spec = canonical()
    regions = {s["x-region-name"]: s["url"] for s in spec["servers"]}
    assert regions == {
        "production": "https://api.elevenlabs.io",
        "us": "https://api.us.elevenlabs.io",
        "eu_residency": "https://api.eu.residency.elevenlabs.io",
        "in_residency": "https://api.in.residency.elevenlabs.io",
        "sg_residency": "https://api.sg.residency.elevenlabs.io",
    }
    assert all(s.get("description") for s in spec["servers"])
    scheme = spec["components"]["securitySchemes"]["ApiKeyAuth"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "xi-api-key")
    assert list(spec["components"]["securitySchemes"]) == ["ApiKeyAuth"]
    assert spec["security"] == [{"ApiKeyAuth": []}]
    ids = {}
    for path, item in spec["paths"].items():
        op = item["get"]
        ids[path] = (op["operationId"], op["tags"], op["security"])
        assert not any(p.get("in") == "header" for p in op.get("parameters", []))
    assert ids == {
        "/v1/user": ("get_user", ["user"], [{"ApiKeyAuth": []}]),
        "/v1/user/subscription": ("get_user_subscription", ["user"], [{"ApiKeyAuth": []}]),
    }


def test_region_schema_is_the_servers() -> None:
    spec = canonical()
    region = spec["components"]["schemas"]["Region"]
    assert region["type"] == "string" and region["title"] == "Region"
    assert region["enum"] == [s["url"] for s in spec["servers"]]
    assert region["x-enum-varnames"] == [s["x-region-name"].upper() for s in spec["servers"]]


def test_upstream_examples_are_kept() -> None:
    spec, up = canonical(), upstream()
    for name, schema in spec["components"]["schemas"].items():
        if "example" in up["components"]["schemas"].get(name, {}):
            assert schema["example"] == up["components"]["schemas"][name]["example"], name
