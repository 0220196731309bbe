"""spec_diff: each rule of the classification table on small documents, the CLI's output and exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.paths import ROOT
from scripts.spec_diff import RULES, Change, Kind, Severity, diff_specs
from scripts.spec_diff.loading import SpecLoadError, load_git_revision
from scripts.spec_diff.rules import rules_table_markdown
from scripts.spec_import.load import load_yaml_text


def doc(props: dict[str, Any], required: tuple[str, ...] = (), **extra: Any) -> dict[str, Any]:
    """A one-operation spec whose 200 body is schema U."""
    op: dict[str, Any] = {
        "operationId": "get_user",
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/U"}}},
            }
        },
        **extra,
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "ElevenLabs User API", "version": "1"},  # a spec in our form (make diff compares it as is)
        "paths": {"/v1/user": {"get": op}},
        "components": {"schemas": {"U": {"type": "object", "properties": props, "required": list(required)}}},
    }


def only(changes: list[Change]) -> tuple[Kind, Severity, str]:
    assert len(changes) == 1, changes
    return changes[0].kind, changes[0].severity, changes[0].where


INT = {"type": "integer"}
NULLABLE_INT = {"anyOf": [{"type": "integer"}, {"type": "null"}]}


def test_paths_follow_refs_arrays_and_unions_to_any_depth() -> None:
    inner = {"type": "object", "properties": {"amount": {"type": "string"}}, "required": ["amount"]}
    old = doc({"items": {"type": "array", "items": {"anyOf": [{"$ref": "#/components/schemas/P"}, {"type": "null"}]}}})
    old["components"]["schemas"]["P"] = inner
    new = json.loads(json.dumps(old))
    new["components"]["schemas"]["P"]["properties"]["currency"] = {"type": "string"}
    del new["components"]["schemas"]["P"]["properties"]["amount"]
    changes = {(c.kind, c.where) for c in diff_specs(old, new)}
    assert changes == {
        (Kind.PROPERTY_REMOVED, "GET /v1/user 200 → items[].amount"),
        (Kind.PROPERTY_ADDED_OPTIONAL, "GET /v1/user 200 → items[].currency"),
    }


def test_a_removed_object_is_one_change_not_one_per_field() -> None:
    nested = {"type": "object", "properties": {"x": INT, "y": {"type": "object", "properties": {"z": INT}}}}
    assert only(diff_specs(doc({"a": INT, "gone": nested}), doc({"a": INT}))) == (
        Kind.PROPERTY_REMOVED, Severity.BREAKING, "GET /v1/user 200 → gone",
    )  # fmt: skip


def test_recursive_schemas_terminate() -> None:
    node = {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/U"}, "n": INT}}
    old = doc({})
    old["components"]["schemas"]["U"] = node
    new = json.loads(json.dumps(old))
    new["components"]["schemas"]["U"]["properties"]["m"] = INT
    wheres = {c.where for c in diff_specs(old, new)}
    assert "GET /v1/user 200 → m" in wheres


def test_operations_added_and_removed() -> None:
    old = doc({})
    new = doc({})
    new["paths"]["/v1/other"] = new["paths"].pop("/v1/user")
    kinds = {(c.kind, c.operation) for c in diff_specs(old, new)}
    assert kinds == {(Kind.OPERATION_REMOVED, "GET /v1/user"), (Kind.OPERATION_ADDED, "GET /v1/other")}


def test_identical_documents_have_no_changes() -> None:
    spec = load_yaml_text((ROOT / "tests" / "spec_transitions" / "upstream_2026_08_22.yaml").read_text())
    assert diff_specs(spec, spec) == []


def test_every_kind_has_exactly_one_rule_and_the_docstring_table_is_generated_from_them() -> None:
    import scripts.spec_diff as package

    assert set(RULES) == set(Kind)
    assert rules_table_markdown() in (package.__doc__ or "")
    for rule in RULES.values():
        row = f"| {rule.wording} | {rule.severity.value} | {rule.changelog_section.value} | {rule.why} |"
        assert row in rules_table_markdown()
        # Every breaking change tells the consumer what to change; nothing else needs to.
        assert bool(rule.advice) == (rule.severity is Severity.BREAKING), rule.wording


# --- the CLI ---------------------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scripts.spec_diff", *args], cwd=ROOT, capture_output=True, text=True)


def write(path: Path, spec: dict[str, Any]) -> str:
    path.write_text(yaml.safe_dump(spec))
    return str(path)


def test_cli_exit_status_3_for_breaking_with_grouped_text(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", doc({"a": INT, "b": INT}))
    new = write(tmp_path / "new.yaml", doc({"a": {"type": "integer", "description": "d"}, "c": INT}))
    proc = run_cli("--old", old, "--new", new, "--wire-only")
    assert proc.returncode == 3, proc.stderr
    text = proc.stdout
    assert text.index("BREAKING") < text.index("ADDED") < text.index("DOCS")
    assert "- `b`: response property removed (in GET /v1/user)" in text
    assert "  - In your code: stop reading this field; it is no longer sent." in text
    assert "Python API:      not compared" in text


def test_cli_exit_status_0_for_additive_and_json_output(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", doc({"a": INT}))
    new = write(tmp_path / "new.yaml", doc({"a": INT, "c": INT}, ("c",)))
    proc = run_cli("--old", old, "--new", new, "--json", "--wire-only")
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["worst"] == "additive"
    assert payload["counts"] == {"breaking": 0, "additive": 1, "docs": 0}
    assert payload["changes"][0]["kind"] == "property-added-required"
    assert payload["changes"][0]["where"] == "GET /v1/user 200 → c"


@pytest.mark.parametrize("content", ["{not: [yaml", "- a list\n", "openapi: 3.1.0\n"])
def test_cli_errors_exit_2_without_traceback(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content)
    good = write(tmp_path / "good.yaml", doc({}))
    for args in (("--old", str(bad), "--new", good), ("--old", str(tmp_path / "missing.yaml"), "--new", good)):
        proc = run_cli(*args)
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr
        assert "error" in proc.stderr and ("bad.yaml" in proc.stderr or "missing.yaml" in proc.stderr)


def test_git_revision_loading(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    write(spec, doc({"a": INT}))
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "spec.yaml"], check=True)
    subprocess.run([*git, "commit", "-qm", "spec"], check=True)
    write(spec, doc({"a": INT, "b": INT}))
    committed = load_git_revision("HEAD", spec, tmp_path)
    assert only(diff_specs(committed, doc({"a": INT, "b": INT})))[0] is Kind.PROPERTY_ADDED_OPTIONAL
    with pytest.raises(SpecLoadError, match="not in git"):
        load_git_revision("HEAD", tmp_path / "other.yaml", tmp_path)
