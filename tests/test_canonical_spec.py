"""The canonical spec is upstream's slice, field by field, except the deviations listed in openapi/README.md.

Checked against the stored upstream copy directly (not through the importer), so an importer bug cannot hide here.
"""

from __future__ import annotations

import gzip
import json
import re
from typing import Any

import yaml
from document_differences import differences
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from scripts.paths import CANONICAL_SPEC, OPENAPI_DIR

UPSTREAM = OPENAPI_DIR / "upstream" / "elevenlabs-openapi-2026-08-22.json.gz"
README = OPENAPI_DIR / "README.md"
CONFIG = OPENAPI_DIR / "import-config.yaml"
_ROW = re.compile(r"^\| `(/[^`]*)` \| (added|removed|changed) \| .+ \|$")


def canonical() -> dict[str, Any]:
    return yaml.safe_load(CANONICAL_SPEC.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def upstream() -> dict[str, Any]:
    return json.loads(gzip.decompress(UPSTREAM.read_bytes()))  # type: ignore[no-any-return]


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
        "info": up["info"],
        "paths": paths,
        "components": {"schemas": {name: up["components"]["schemas"][name] for name in sorted(schemas)}},
    }


def test_canonical_spec_is_valid_openapi_31() -> None:
    spec = canonical()
    validate(spec, cls=OpenAPIV31SpecValidator)
    assert spec["openapi"] == "3.1.0"


def test_operations_are_the_configured_list() -> None:
    configured = yaml.safe_load(CONFIG.read_text())["operations"]
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
    assert set(spec["components"]["schemas"]) == set(upstream_slice(spec)["components"]["schemas"]) | added


def test_only_listed_deviations_from_upstream() -> None:
    spec = canonical()
    found = differences(upstream_slice(spec), spec)
    rows = deviations()
    unexplained = {p: k for p, k in found.items() if not any(p == r or p.startswith(r + "/") for r in rows)}
    assert unexplained == {}, "differences from upstream missing from openapi/README.md's deviation table"
    wrong_kind = {p: (k, rows[p]) for p, k in found.items() if p in rows and rows[p] != k}
    assert wrong_kind == {}
    stale = [r for r in rows if not any(p == r or p.startswith(r + "/") for p in found)]
    assert stale == [], "deviation rows that no longer match any difference"


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
