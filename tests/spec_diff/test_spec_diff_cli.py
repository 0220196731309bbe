"""`make diff` end to end: both specs generated into packages and compared (slower; not in `make mutate`). Raw
upstream documents through `make diff`, beside `make sync`'s verdict on the same ones: end_to_end/test_sync.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from test_spec_diff import INT, doc, write

from scripts.paths import ROOT
from scripts.spec_diff.rules import rules_table_markdown

# --- the Python API through the CLI: both specs generated, compared with griffe --------------------------------------


def test_make_diff_calls_a_schema_rename_with_the_same_wire_shape_breaking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from scripts.spec_diff.__main__ import main

    canonical = ROOT / "openapi" / "elevenlabs-user.yaml"
    spec = yaml.safe_load(canonical.read_text())
    schemas = spec["components"]["schemas"]
    schemas["Cost"] = {**schemas.pop("Price"), "title": "Cost"}
    renamed = json.loads(json.dumps(spec).replace('"#/components/schemas/Price"', '"#/components/schemas/Cost"'))
    new = write(tmp_path / "renamed.yaml", renamed)

    assert main(["--old", str(canonical), "--new", new]) == 3
    out = capsys.readouterr().out
    assert "wire (HTTP API): no changes\nPython API:      breaking\nverdict:         breaking" in out
    assert "- `elevenlabs_user_client.models.Price`: Python name removed (was a class)" in out
    assert "- `elevenlabs_user_client.models.Cost`: new class" in out

    assert main(["--old", str(canonical), "--new", str(canonical), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["worst"], payload["wire"], payload["python"], payload["changes"]) == (
        None,
        "no changes",
        "no changes",
        [],
    )


def test_cli_in_process_rules_errors_and_wire_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from scripts.spec_diff.__main__ import main

    assert main(["--rules"]) == 0
    assert capsys.readouterr().out.strip() == rules_table_markdown()
    old = write(tmp_path / "old.yaml", doc({"a": INT}))
    new = write(tmp_path / "new.yaml", doc({"a": INT, "c": INT}))
    assert main(["--old", old, "--new", new, "--wire-only"]) == 0
    assert "- `c`: response property added (optional) (in GET /v1/user)" in capsys.readouterr().out
    assert main(["--old", str(tmp_path / "missing.yaml"), "--new", new]) == 2
    assert "spec_diff: error:" in capsys.readouterr().err


def test_raw_upstream_sources_with_overlay_inline_enum_becoming_a_named_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Two real upstream documents: on the wire only a new enum value; in Python the inline enum classes are gone.
    from scripts.spec_diff.__main__ import main

    history = ROOT / "tests" / "upstream_history"
    old, new = history / "2025-05-19_97f95ab5.json.gz", history / "2025-06-04_00b22a08.json.gz"
    assert main(["--old", str(old), "--new", str(new), "--overlay", "--json"]) == 3
    payload = json.loads(capsys.readouterr().out)
    assert (payload["wire"], payload["python"]) == ("additive", "breaking")
    removed = {c["location"] for c in payload["changes"] if c["kind"] == "python-name-removed"}
    assert "elevenlabs_user_client.models.SubscriptionResponseModelStatus" in removed
    added = {c["location"] for c in payload["changes"] if c["kind"] == "python-name-added"}
    assert "elevenlabs_user_client.models.SubscriptionStatusType" in added
