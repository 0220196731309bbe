"""scripts.release in a throw-away git repository: bump rules, changelog text, refusals that change nothing."""

from __future__ import annotations

import copy
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from spec_schemas import unlisted

from scripts.paths import ROOT
from scripts.release import main, next_version
from scripts.spec_diff import Severity
from scripts.spec_import.load import load_yaml_text

UPSTREAM = ROOT / "tests" / "spec_transitions" / "upstream_2026_08_22.yaml"
OLD_USER = ROOT / "tests" / "spec_transitions" / "seed002_user_reference.yaml"
PASS = f"{shlex.quote(sys.executable)} -c pass"
FAIL = f"{shlex.quote(sys.executable)} -c 'raise SystemExit(1)'"
GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]


def git(repo: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(repo), *args], check=True, capture_output=True)


def commit_all(repo: Path, message: str = "change") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "openapi").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "elevenlabs-user-client"\nversion = "0.1.0"\n')
    (root / "CHANGELOG.md").write_text("# Changelog\n")
    (root / "openapi" / "elevenlabs-user.yaml").write_text(OLD_USER.read_text())
    git(root, "init", "-q")
    commit_all(root, "start")
    return root


def run_release(repo: Path, *, check: str = PASS, tests: str = PASS, date: str = "2026-11-22") -> int:
    return main(["--repo", str(repo), "--check-command", check, "--test-command", tests, "--date", date])


def version(repo: Path) -> str:
    text = (repo / "pyproject.toml").read_text()
    return text.split('version = "')[1].split('"')[0]


def set_spec(repo: Path, spec: dict[str, Any]) -> None:
    (repo / "openapi" / "elevenlabs-user.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    commit_all(repo)


def snapshot(repo: Path) -> dict[str, bytes | None]:
    names = ["pyproject.toml", "CHANGELOG.md", "openapi/released.yaml", "openapi/elevenlabs-user.yaml"]
    return {n: (repo / n).read_bytes() if (repo / n).exists() else None for n in names}


@pytest.mark.parametrize(
    ("current", "worst", "expected"),
    [
        ("1.2.3", Severity.BREAKING, "2.0.0"),
        ("1.2.3", Severity.ADDITIVE, "1.3.0"),
        ("1.2.3", Severity.DOCS, "1.2.4"),
        ("1.2.3", None, "1.2.4"),
        ("0.3.4", Severity.BREAKING, "0.4.0"),
        ("0.3.4", Severity.ADDITIVE, "0.3.5"),
        ("0.3.4", Severity.DOCS, "0.3.5"),
        ("0.1.0", None, "0.1.1"),
    ],
)
def test_semver_bump_rules(current: str, worst: Severity | None, expected: str) -> None:
    assert next_version(current, worst) == expected


def test_first_release_records_spec_and_keeps_version(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_release(repo) == 0
    assert version(repo) == "0.1.0"
    released = (repo / "openapi" / "released.yaml").read_text()
    assert "# released-version: 0.1.0\n" in released
    assert released.endswith(OLD_USER.read_text())
    log = (repo / "CHANGELOG.md").read_text()
    assert log.startswith("# Changelog\n\n## 0.1.0 — 2026-11-22\n")
    assert "first release 0.1.0" in capsys.readouterr().out


def test_breaking_change_bumps_minor_in_0x_with_grouped_changelog(repo: Path) -> None:
    assert run_release(repo) == 0
    commit_all(repo, "release 0.1.0")
    (repo / "openapi" / "elevenlabs-user.yaml").write_text(UPSTREAM.read_text())  # xi_api_key removed
    commit_all(repo)
    assert run_release(repo, date="2026-11-23") == 0
    assert version(repo) == "0.2.0"
    log = (repo / "CHANGELOG.md").read_text()
    newest, older = log.index("## 0.2.0 — 2026-11-23"), log.index("## 0.1.0 — 2026-11-22")
    assert newest < older
    entry = log[newest:older]
    assert entry.index("### Breaking") < entry.index("### Added")
    assert (
        "#### `UserResponseModel`\n\n- `xi_api_key`: response property removed (in GET /v1/user)\n"
        "  - In your code: stop reading this field; it is no longer sent.\n"
    ) in entry
    assert "#### `GET /v1/user/subscription`\n\n- operation added\n" in entry
    assert "…" not in entry and "(none)" not in entry
    assert "# released-version: 0.2.0\n" in (repo / "openapi" / "released.yaml").read_text()


def test_additive_then_docs_changes_bump_patch_in_0x(repo: Path) -> None:
    spec = load_yaml_text(UPSTREAM.read_text())
    set_spec(repo, spec)
    assert run_release(repo) == 0
    commit_all(repo, "release 0.1.0")

    additive = copy.deepcopy(spec)
    currency = unlisted(additive["components"]["schemas"]["Currency"]["enum"], "gbp")
    additive["components"]["schemas"]["Currency"]["enum"].append(currency)
    set_spec(repo, additive)
    assert run_release(repo) == 0
    assert version(repo) == "0.1.1"
    log = (repo / "CHANGELOG.md").read_text()
    # A schema two operations share is one change, under its model.
    assert f"#### `Currency`\n\n- enum value added `{currency}` (in GET /v1/user, GET /v1/user/subscription)\n" in log
    assert log.count(f"`{currency}`") == 1
    commit_all(repo, "release 0.1.1")

    docs = copy.deepcopy(additive)
    docs["components"]["schemas"]["UserResponseModel"]["properties"]["user_id"]["description"] = "Who."
    set_spec(repo, docs)
    assert run_release(repo) == 0
    assert version(repo) == "0.1.2"
    assert "### Docs\n" in (repo / "CHANGELOG.md").read_text()
    commit_all(repo, "release 0.1.2")

    before = snapshot(repo)
    assert run_release(repo) == 1  # nothing changed at all: refused
    assert snapshot(repo) == before
    (repo / "client").mkdir()
    (repo / "client" / "runtime-note.txt").write_text("a template or runtime change\n")
    commit_all(repo)
    assert run_release(repo) == 0  # the package changed, the API did not: a maintenance release
    assert version(repo) == "0.1.3"
    assert "No API changes" in (repo / "CHANGELOG.md").read_text()


def test_major_rules_apply_from_1_0(repo: Path) -> None:
    text = (repo / "pyproject.toml").read_text().replace('"0.1.0"', '"1.4.2"')
    (repo / "pyproject.toml").write_text(text)
    commit_all(repo)
    assert run_release(repo) == 0
    commit_all(repo, "release 1.4.2")
    (repo / "openapi" / "elevenlabs-user.yaml").write_text(UPSTREAM.read_text())
    commit_all(repo)
    assert run_release(repo) == 0
    assert version(repo) == "2.0.0"


@pytest.mark.parametrize(
    ("setup", "kwargs", "message"),
    [
        ("untracked", {}, "git tree is dirty"),
        ("modified", {}, "git tree is dirty"),
        ("clean", {"check": FAIL}, "client/ is not what `make generate` produces"),
        ("clean", {"tests": FAIL}, "the tests fail"),
    ],
)
def test_refusals_change_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str], setup: str, kwargs: dict[str, str], message: str
) -> None:
    assert run_release(repo) == 0
    commit_all(repo, "release 0.1.0")
    (repo / "openapi" / "elevenlabs-user.yaml").write_text(UPSTREAM.read_text())
    commit_all(repo)
    if setup == "untracked":
        (repo / "notes.txt").write_text("x")
    elif setup == "modified":
        (repo / "CHANGELOG.md").write_text((repo / "CHANGELOG.md").read_text() + "\nedit\n")
    before = snapshot(repo)
    assert run_release(repo, **kwargs) == 1
    assert snapshot(repo) == before
    err = capsys.readouterr().err
    assert "release refused, nothing changed" in err and message in err


def test_version_mismatch_with_released_spec_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_release(repo) == 0
    text = (repo / "pyproject.toml").read_text().replace('"0.1.0"', '"0.5.0"')
    (repo / "pyproject.toml").write_text(text)
    commit_all(repo)
    before = snapshot(repo)
    assert run_release(repo) == 2
    assert snapshot(repo) == before
    assert "records 0.1.0" in capsys.readouterr().err
