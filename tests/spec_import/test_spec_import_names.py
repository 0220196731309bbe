"""Null spellings and Python names: one meaning, one spelling; names that move only when the lock is edited."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from scripts import generate
from scripts.paths import ROOT
from scripts.spec_import import SpecImportError, load_config, load_spec
from scripts.spec_import.load import load_yaml_text
from scripts.spec_import.names import class_names, load_lock
from scripts.spec_import.pipeline import run_import

HISTORY = sorted((ROOT / "tests" / "upstream_history").glob("*.json.gz"))
NULL = {"type": "null"}
A, B = {"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}
CANONICAL_AB = {"anyOf": [A, B, NULL], "description": "d"}


def tiny(version: str, prop: dict[str, Any]) -> dict[str, Any]:
    obj = {"type": "object", "properties": {"x": {"type": "integer"}}}
    return {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/v1/user": {
                "get": {
                    "operationId": "get_user_info",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/T"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "A": {**obj, "title": "A"},
                "B": {**obj, "title": "B"},
                "T": {"type": "object", "title": "T", "properties": {"p": prop}},
            }
        },
    }


def imported(tmp_path: Path, version: str, prop: dict[str, Any]) -> dict[str, Any]:
    source = tmp_path / f"spec-{version}.json"
    source.write_text(json.dumps(tiny(version, prop)))
    doc = load_spec([source], operations=["GET /v1/user"], overlay=False, names=False)
    return doc["components"]["schemas"]["T"]["properties"]["p"]  # type: ignore[no-any-return]


ENUM = {"type": "string", "enum": ["a", "b"]}
# (dialect, spelling) -> the one form. Every spelling upstream has used for "nullable".
SPELLINGS: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
    (
        "3.0 nullable type",
        "3.0.3",
        {"type": "string", "nullable": True, "description": "d"},
        {"anyOf": [{"type": "string"}, NULL], "description": "d"},
    ),
    (
        "3.0 nullable enum listing null",
        "3.0.3",
        {**ENUM, "enum": ["a", "b", None], "nullable": True},
        {"anyOf": [ENUM, NULL]},
    ),
    ("3.0 nullable $ref", "3.0.3", {**A, "nullable": True}, {"anyOf": [A, NULL]}),
    (
        "3.0 nullable allOf wrapper",
        "3.0.3",
        {"allOf": [A], "nullable": True, "description": "d"},
        {"anyOf": [A, NULL], "description": "d"},
    ),
    ("3.0 anyOf + nullable", "3.0.4", {"anyOf": [A, B], "nullable": True, "description": "d"}, CANONICAL_AB),
    (
        "3.1 type list",
        "3.1.0",
        {"type": ["string", "null"], "description": "d"},
        {"anyOf": [{"type": "string"}, NULL], "description": "d"},
    ),
    (
        "3.1 type list with enum",
        "3.1.0",
        {"type": ["string", "null"], "enum": ["a", "b", None]},
        {"anyOf": [ENUM, NULL]},
    ),
    ("3.1 anyOf with null", "3.1.0", CANONICAL_AB, CANONICAL_AB),
    ("3.1 anyOf with null first", "3.1.0", {"anyOf": [NULL, A, B], "description": "d"}, CANONICAL_AB),
    ("3.1 oneOf with one member and null", "3.1.0", {"oneOf": [A, NULL]}, {"anyOf": [A, NULL]}),
    ("3.1 oneOf of two and null", "3.1.0", {"oneOf": [A, B, NULL]}, {"anyOf": [{"oneOf": [A, B]}, NULL]}),
    ("3.1 const null member", "3.1.0", {"anyOf": [A, B, {"const": None}], "description": "d"}, CANONICAL_AB),
    ("3.1 enum listing null, no type", "3.1.0", {"enum": ["a", None]}, {"anyOf": [{"const": "a"}, NULL]}),
    ("3.1 nested nullable member", "3.1.0", {"anyOf": [{"anyOf": [A, NULL]}, B], "description": "d"}, CANONICAL_AB),
    ("3.2 type null beside anyOf", "3.2.0", {"type": "null", "anyOf": [A, B], "description": "d"}, CANONICAL_AB),
    (
        "3.2 type null beside oneOf",
        "3.2.0",
        {"type": "null", "oneOf": [A], "description": "d"},
        {"anyOf": [A, NULL], "description": "d"},
    ),
    ("3.2 type null beside $ref", "3.2.0", {"type": "null", **A}, {"anyOf": [A, NULL]}),
    ("not nullable stays", "3.1.0", {"anyOf": [A, B], "description": "d"}, {"anyOf": [A, B], "description": "d"}),
    ("only null", "3.1.0", {"const": None}, NULL),
]


@pytest.mark.parametrize(("version", "spelling", "expected"), [s[1:] for s in SPELLINGS], ids=[s[0] for s in SPELLINGS])
def test_every_null_spelling_becomes_the_one_form(
    version: str, spelling: dict[str, Any], expected: dict[str, Any], tmp_path: Path
) -> None:
    assert imported(tmp_path, version, copy.deepcopy(spelling)) == expected


UNCERTAIN = [
    (
        "enum listing null that its type excludes",
        {"type": "string", "enum": ["a", None]},
        "enum listing null while type 'string' excludes it",
        "/components/schemas/T/properties/p/enum",
    ),
    (
        "type null beside properties",
        {"type": "null", "properties": {"a": {}}},
        "'type: null' beside properties",
        "/components/schemas/T/properties/p/type",
    ),
    (
        "nullable not a boolean",
        {"type": "string", "nullable": "yes"},
        "'nullable: 'yes'' (not a boolean)",
        "/components/schemas/T/properties/p/nullable",
    ),
    (
        "const null beside a type",
        {"type": "string", "const": None},
        "'const: null' beside other keywords",
        "/components/schemas/T/properties/p/const",
    ),
]


@pytest.mark.parametrize(("spelling", "message", "pointer"), [u[1:] for u in UNCERTAIN], ids=[u[0] for u in UNCERTAIN])
def test_null_spellings_that_could_mean_two_things_stop_the_import(
    spelling: dict[str, Any], message: str, pointer: str, tmp_path: Path
) -> None:
    with pytest.raises(SpecImportError, match=re.escape(message)) as caught:
        imported(tmp_path, "3.1.0", spelling)
    assert caught.value.pointer == pointer


# --- the same document in its 3.0 and 3.2 spellings --------------------------------------------


def respell(node: Any, dialect: str) -> Any:
    """The canonical spec's nullable unions written as 3.0 (`anyOf` + `nullable: true`) or 3.2-era
    (`type: 'null'` beside `anyOf`, or beside a lone `$ref`)."""
    if isinstance(node, list):
        return [respell(v, dialect) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: respell(v, dialect) for k, v in node.items()}
    members = node.get("anyOf")
    if isinstance(members, list) and NULL in members:
        rest = [m for m in members if m != NULL]
        del node["anyOf"]
        if dialect == "3.0":
            if len(rest) == 1 and "$ref" not in rest[0]:
                return {**rest[0], **node, "nullable": True}
            return {"anyOf": rest, **node, "nullable": True}
        if len(rest) == 1 and "$ref" in rest[0]:
            return {"type": "null", **rest[0], **node}
        return {"type": "null", "anyOf": rest, **node}
    return node


def test_30_and_32_spellings_of_one_document_generate_identical_packages(tmp_path: Path) -> None:
    # The canonical slice without our additions holds every nullable form the two operations use.
    sliced = load_spec([ROOT / "openapi" / "elevenlabs-user.yaml"], overlay=False, names=False)
    packages = []
    for dialect, version in (("3.0", "3.0.4"), ("3.2", "3.2.0")):
        doc = respell(copy.deepcopy(sliced), dialect)
        doc["openapi"] = version
        source = tmp_path / f"{dialect}.json"
        source.write_text(json.dumps(doc))
        if dialect == "3.2":
            pending = doc["components"]["schemas"]["ExtendedSubscriptionResponseModel"]["properties"]["pending_change"]
            assert pending["type"] == "null" and len(pending["anyOf"]) == 2  # the real March 2026 spelling
        out = tmp_path / f"{dialect}.yaml"
        run_import([source], load_config(), output=out)
        packages.append(generate.generate_into(tmp_path / f"pkg-{dialect}", out))
    assert generate.tree_differences(*packages) == []
    assert out.read_bytes() == (ROOT / "openapi" / "elevenlabs-user.yaml").read_bytes()
    model = (packages[1] / "models" / "extended_subscription_response_model.py").read_text()
    assert re.search(r"pending_change: .*None", model)  # the 3.2 spelling keeps None


# --- stable names over upstream's real history ---------------------------------------------------


def wire_schemas(doc: dict[str, Any]) -> set[str]:
    return set((doc.get("components") or {}).get("schemas") or {})


def test_replaying_upstream_history_removes_no_name_whose_schema_is_on_the_wire(tmp_path: Path) -> None:
    """The 21 real versions in order through one working copy (one spec, one lock): every public class name stays
    while its schema (by location, or moved to a component) is on the wire."""
    out, lock_file = tmp_path / "spec.yaml", tmp_path / "names.yaml"
    previous: dict[str, str] = {}
    seen: list[str] = []
    for version in HISTORY:
        run_import([version], load_config(), output=out, names_file=lock_file)
        doc = load_yaml_text(out.read_text())
        lock = load_lock(lock_file)
        names = class_names(doc)
        assert names == lock.by_location(), version.name
        public = set(names.values()) | set(lock.retained)
        gone = {name for name in previous.values() if name not in public}
        assert gone == set(), f"{version.name}: {sorted(gone)} disappeared"
        assert not any(re.search(r"Type\d+$", name) for name in public), version.name
        previous = {**names, **{n: n for n in lock.retained}}
        seen.append(version.name)
    assert len(seen) == 21
    # The real moves: an enum became nullable (2025-03-14), an inline enum became SubscriptionStatusType and back.
    assert "ExtendedSubscriptionResponseModelCurrency" in previous.values()
    assert {"SubscriptionResponseModelStatus", "ExtendedSubscriptionResponseModelStatus"} <= set(previous.values())


def test_a_lock_edit_renames_and_an_upstream_rename_keeps_the_name(tmp_path: Path) -> None:
    out, lock_file, source = tmp_path / "spec.yaml", tmp_path / "names.yaml", tmp_path / "up.json"
    source.write_text(json.dumps(load_spec([ROOT / "openapi" / "elevenlabs-user.yaml"], overlay=False, names=False)))
    run_import([source], load_config(), output=out, names_file=lock_file)
    text = lock_file.read_text()
    key = "/components/schemas/InvoiceResponseModel/properties/payment_intent_status"
    assert load_yaml_text(text)["schemas"][key]["name"] == "InvoiceResponseModelPaymentIntentStatus"  # no Type0
    lock_file.write_text(
        text.replace("name: InvoiceResponseModelPaymentIntentStatus\n", "name: InvoiceResponseModelIntentStatus\n")
    )
    run_import([source], load_config(), output=out, names_file=lock_file)
    assert class_names(load_yaml_text(out.read_text()))[key] == "InvoiceResponseModelIntentStatus"
    # Upstream renames component Price (same wire shape): the Python class keeps its name.
    source.write_text(
        source.read_text()
        .replace('/Price"', '/Cost"')
        .replace('"Price": {', '"Cost": {')
        .replace('"title": "Price"', '"title": "Cost"')
    )
    run_import([source], load_config(), output=out, names_file=lock_file)
    names = class_names(load_yaml_text(out.read_text()))
    assert names["/components/schemas/Cost"] == "Price"
    assert "/components/schemas/Cost" in load_lock(lock_file).schemas


def test_a_bad_lock_entry_is_an_importer_error(tmp_path: Path) -> None:
    lock_file = tmp_path / "names.yaml"
    lock_file.write_text("schemas:\n  /components/schemas/Price:\n    name: not a class\n")
    with pytest.raises(SpecImportError, match="not a PascalCase class name"):
        run_import([HISTORY[-1]], load_config(), output=tmp_path / "s.yaml", names_file=lock_file)
    lock_file.write_text(
        "schemas:\n  /components/schemas/ModerationStatusResponseModel/properties/warning_status:\n"
        "    name: Elsewhere\n"
    )
    with pytest.raises(SpecImportError, match="must start with the name of the class that holds it"):
        run_import([HISTORY[-1]], load_config(), output=tmp_path / "s.yaml", names_file=lock_file)


# --- $ref siblings ----------------------------------------------------------------------------------


def test_ref_siblings_are_kept_and_a_default_reaches_the_generated_code(tmp_path: Path) -> None:
    doc = tiny("3.1.0", {"$ref": "#/components/schemas/Q", "description": "Beside the ref.", "default": "high"})
    schemas = doc["components"]["schemas"]
    schemas["Q"] = {"type": "string", "enum": ["low", "high"], "title": "Q"}
    props = schemas["T"]["properties"]
    props["n"] = {"$ref": "#/components/schemas/Q", "description": "Kept."}
    # Defaults a model cannot hold (upstream's ArrayJsonSchemaProperty.items): the generator would drop T.
    props["m"] = {"$ref": "#/components/schemas/A", "default": {"x": 1}}
    props["u"] = {"oneOf": [A, B], "default": {"x": 2}, "description": "A union with an object default."}
    props["e"] = {"$ref": "#/components/schemas/Q", "enum": ["low"], "default": "low"}  # a wrapper, not an enum
    source, out = tmp_path / "s.json", tmp_path / "s.yaml"
    source.write_text(json.dumps(doc))
    config = load_config().with_operations(["GET /v1/user"])
    run_import([source], config, output=out, overlay=False, names_file=tmp_path / "names.yaml")
    props = load_yaml_text(out.read_text())["components"]["schemas"]["T"]["properties"]
    assert props["p"] == {
        "allOf": [{"$ref": "#/components/schemas/Q"}],
        "description": "Beside the ref.",
        "default": "high",
    }
    assert props["n"] == {"$ref": "#/components/schemas/Q", "description": "Kept."}  # no effect on code either way
    assert props["m"] == {"$ref": "#/components/schemas/A", "x-default": {"x": 1}}
    assert props["u"] == {"oneOf": [A, B], "x-default": {"x": 2}, "description": "A union with an object default."}
    package = generate.generate_into(tmp_path / "pkg", out)
    model = (package / "models" / "t.py").read_text()
    assert re.search(r"^    p: Q \| Unset = Q\.HIGH$", model, re.MULTILINE)
    generated = {
        m for f in (package / "models").glob("*.py") for m in re.findall(r"^class (\w+)", f.read_text(), re.MULTILINE)
    }
    assert generated == set(class_names(load_yaml_text(out.read_text())).values()) == {"A", "B", "Q", "T"}
    assert re.search(r"^    m: A \| Unset = UNSET$", model, re.MULTILINE)
