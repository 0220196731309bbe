"""`make sync` (scripts.sync) in a scratch copy of this repository, on changed copies of the stored upstream
document: each verdict with its exit status, and the Done-when loop: a compatible change becomes a patch release
that names both changes in full (its build and publication are test_release_chain's and test_publish_and_install's)."""

from __future__ import annotations

import copy
import gzip
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from scratch_repo import commit_all, scratch_clone
from spec_schemas import unlisted

from scripts.paths import ROOT
from scripts.release import next_version
from scripts.spec_diff import Severity
from scripts.spec_import import load_config
from scripts.spec_import.record import load_record

# The upstream document the canonical spec was last imported from, whichever version the record names.
_RECORD = load_record(load_config().record) if load_config().record is not None else None
assert _RECORD is not None and _RECORD.paths(), "openapi/upstream/SOURCE.yaml names no source"
UPSTREAM = _RECORD.paths()[0]
FAST = ["--check-command", f"{sys.executable} -m scripts.generate --check",
        "--test-command", f"{sys.executable} {ROOT / 'tests' / 'check_spec_examples.py'}"]  # fmt: skip


@pytest.fixture(scope="module")
def upstream() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(gzip.decompress(UPSTREAM.read_bytes()))
    return doc


def write_source(path: Path, doc: dict[str, Any]) -> Path:
    path.write_bytes(gzip.compress(json.dumps(doc).encode(), mtime=0))
    return path


def run(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(repo / "client"), **(env or {})}
    return subprocess.run([sys.executable, *args], cwd=repo, capture_output=True, text=True, env=full)


def sync(repo: Path, source: Path) -> tuple[int, dict[str, Any], str]:
    proc = run(repo, "-m", "scripts.sync", str(source), *FAST)
    report = json.loads((repo / "build" / "sync.json").read_text())
    return proc.returncode, report, proc.stdout + proc.stderr


def additive(upstream: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
    """`upstream` with a new optional field and a new Currency value (names it does not use yet), and those two."""
    doc = copy.deepcopy(upstream)
    schemas = doc["components"]["schemas"]
    field = unlisted(schemas["UserResponseModel"]["properties"], "favourite_voice_id")
    schemas["UserResponseModel"]["properties"][field] = {
        "type": "string", "title": "Favourite Voice Id", "description": "The voice the user picked as favourite.",
    }  # fmt: skip
    currency = unlisted(schemas["Currency"]["enum"], "gbp")
    schemas["Currency"]["enum"].append(currency)
    return doc, field, currency


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_sync_verdicts_and_a_compatible_change_released(upstream: dict[str, Any], tmp_path: Path) -> None:
    repo = scratch_clone(tmp_path / "repo")

    # The stored document again: no change.
    code, report, out = sync(repo, UPSTREAM)
    assert (code, report["verdict"]) == (0, "no-change"), out
    assert "next: nothing to do" in out
    assert subprocess.run(["git", "status", "--porcelain", "--", "openapi", "client"], cwd=repo,
                          capture_output=True, text=True).stdout == ""  # fmt: skip

    # A schema renamed upstream, same wire shape, in OpenAPI 3.2.0 (published from March 2026): the name lock keeps
    # the class name, so callers see no change; `make diff` on the two raw documents, no flag, says what sync says.
    renamed = json.loads(json.dumps(upstream).replace('"#/components/schemas/Price"', '"#/components/schemas/Cost"'))
    renamed["components"]["schemas"]["Cost"] = dict(renamed["components"]["schemas"].pop("Price"), title="Cost")
    renamed["openapi"] = "3.2.0"
    renamed_source = write_source(tmp_path / "renamed.json.gz", renamed)
    code, report, out = sync(repo, renamed_source)
    assert (code, report["wire"], report["python"]) == (0, "no changes", "no changes"), out
    diff = run(repo, "-m", "scripts.spec_diff", "--old", str(UPSTREAM), "--new", str(renamed_source), "--json")
    assert diff.returncode == 0, diff.stderr
    assert (json.loads(diff.stdout)["wire"], json.loads(diff.stdout)["python"]) == (report["wire"], report["python"])
    missing = run(repo, "-m", "scripts.spec_diff", "--old", str(UPSTREAM), "--new", str(tmp_path / "missing.json"))
    assert missing.returncode == 2 and missing.stderr.strip().count("\n") == 0, missing.stderr  # one line, no traceback
    assert "missing.json" in missing.stderr
    subprocess.run(["git", "checkout", "-q", "--", "openapi", "client"], cwd=repo, check=True)

    # Renaming the class on purpose (an edit of the lock) is breaking for Python users, so a person decides.
    lock = repo / "openapi" / "names.yaml"
    lock.write_text(lock.read_text().replace("    name: Price\n", "    name: Cost\n"))
    code, report, out = sync(repo, UPSTREAM)
    assert (code, report["verdict"], report["wire"], report["python"]) == (20, "breaking", "no changes", "breaking")
    assert "elevenlabs_user_client.models.Price`: Python name removed" in out
    subprocess.run(["git", "checkout", "-q", "--", "openapi", "client"], cwd=repo, check=True)

    # Broken input: an error, and the spec is as it was.
    code, report, out = sync(repo, tmp_path / "missing.json")
    assert (code, report["verdict"], report["failed"]) == (2, "error", "import"), out

    # A new optional field and a new enum value: compatible, tested, ready to release.
    changed, field, currency = additive(upstream)
    code, report, out = sync(repo, write_source(tmp_path / "additive.json.gz", changed))
    assert (code, report["verdict"], report["wire"]) == (10, "compatible", "additive"), out
    assert "make release" in report["next"]
    commit_all(repo, f"Import upstream: {field}, Currency {currency}")

    before = tomllib.loads((repo / "pyproject.toml").read_text())["project"]["version"]
    after = next_version(before, Severity.ADDITIVE)  # a patch, whatever this project has released so far
    released = run(repo, "-m", "scripts.release", env={"RELEASE_TEST_COMMAND": FAST[3]})
    assert released.returncode == 0, released.stderr
    assert f"{before} → {after}" in released.stdout
    entry = (repo / "CHANGELOG.md").read_text().split("\n## ")[1]
    assert f"- `{field}`: response property added (optional) (in GET /v1/user)" in entry
    assert f"- enum value added `{currency}` (in GET /v1/user, GET /v1/user/subscription)" in entry
    assert "The voice the user picked as favourite." not in entry or "…" not in entry
    # Building and publishing that release: test_release_chain (the whole loop), test_publish_and_install (the gates).
