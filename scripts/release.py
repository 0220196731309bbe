"""Cut a release: semver bump from the two diffs (wire and Python API), CHANGELOG entry, openapi/released.yaml.

`python -m scripts.release` compares openapi/released.yaml (the spec of the last release, whose header records
its version) with the canonical spec on the wire, and the package of the last release (client/ at the commit that
last wrote released.yaml) with today's client/ with griffe; the worse verdict decides the bump. It bumps `version`
in pyproject.toml, prepends a CHANGELOG.md entry written for consumers and records the canonical spec as released.
It refuses, changing nothing, when the git tree is dirty, client/ is not what `make generate` produces, the tests
fail, or nothing changed since the last release (no API change and client/ and the dependencies as released).

Version rules (semver; in 0.x the leftmost non-zero part is the "major", like Cargo and semver §4):

| worst change        | 1.0.0 and later | 0.x        |
| ------------------- | --------------- | ---------- |
| breaking            | major           | minor      |
| additive            | minor           | patch      |
| docs / none (generator or runtime only) | patch | patch |

The first release (no released.yaml yet) keeps the project's current version and records the spec.
Exit status: 0 released, 1 refused, 2 error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import shlex
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from packaging.version import InvalidVersion, Version

from scripts.atomic import write_all
from scripts.paths import PACKAGE_NAME, ROOT
from scripts.spec_diff import Change, Severity, diff_specs
from scripts.spec_diff.both import python_changes
from scripts.spec_diff.changelog import render_entry
from scripts.spec_diff.loading import SpecLoadError, load_spec_file
from scripts.spec_diff.python_api import PythonApiError, package_changes
from scripts.spec_diff.report import split_layers, verdict_word, worst
from scripts.spec_diff.shapes import SpecShapeError

SPEC = Path("openapi/elevenlabs-user.yaml")
RELEASED = Path("openapi/released.yaml")
PYPROJECT = Path("pyproject.toml")
CHANGELOG = Path("CHANGELOG.md")
DEFAULT_TEST_COMMAND = f"{shlex.quote(sys.executable)} -m pytest -x -q"
DEFAULT_CHECK_COMMAND = f"{shlex.quote(sys.executable)} -m scripts.generate --check"
CHANGELOG_TITLE = "# Changelog\n"
_RELEASED_HEADER = re.compile(r"^# released-version: (\S+)$", re.MULTILINE)
_PROJECT_VERSION = re.compile(r'^(version\s*=\s*)"([^"]+)"', re.MULTILINE)


class Refused(Exception):
    """A precondition failed; nothing was changed."""


class ReleaseError(Exception):
    """Release inputs are broken (unreadable spec, no version, ...); nothing was changed."""


@dataclass(frozen=True)
class Plan:
    old_version: str
    new_version: str
    changes: list[Change]  # wire and Python API
    first: bool
    since: str | None = field(default=None)  # the commit of the last release, when git knows it


def next_version(current: str, worst_change: Severity | None) -> str:
    """The semver successor of `current` for a release whose worst change is `worst_change`."""
    try:
        v = Version(current)
    except InvalidVersion as exc:
        raise ReleaseError(f"pyproject.toml: version {current!r} is not a version number") from exc
    major, minor, patch = (*v.release, 0, 0)[:3]
    if major == 0:  # 0.x: breaking -> minor, everything else -> patch
        return f"0.{minor + 1}.0" if worst_change is Severity.BREAKING else f"0.{minor}.{patch + 1}"
    if worst_change is Severity.BREAKING:
        return f"{major + 1}.0.0"
    if worst_change is Severity.ADDITIVE:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def _run(command: str, repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(shlex.split(command), cwd=repo, capture_output=True, text=True)


def check_preconditions(repo: Path, check_command: str, test_command: str) -> None:
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True)
    if status.returncode != 0:
        raise Refused(f"not a git work tree: {repo} ({status.stderr.strip()})")
    if status.stdout.strip():
        lines = status.stdout.splitlines()
        dirty = ", ".join(line[3:] for line in lines[:8]) + (f" and {len(lines) - 8} more" if len(lines) > 8 else "")
        raise Refused(f"the git tree is dirty ({dirty}); commit or stash first, a release is cut from a commit")
    proc = _run(check_command, repo)
    if proc.returncode != 0:
        raise Refused(f"client/ is not what `make generate` produces (`{check_command}` exited {proc.returncode}); "
                      f"run `make generate` and commit.\n{proc.stdout[-2000:]}")  # fmt: skip
    proc = _run(test_command, repo)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise Refused(f"the tests fail (`{test_command}` exited {proc.returncode}):\n{tail}")


def project_version(repo: Path) -> str:
    try:
        data = tomllib.loads((repo / PYPROJECT).read_text(encoding="utf-8"))
        return str(data["project"]["version"])
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise ReleaseError(f"{repo / PYPROJECT}: cannot read [project] version ({exc})") from exc


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True)


def release_commit(repo: Path) -> str | None:
    """The commit that last wrote openapi/released.yaml: the last release's commit."""
    proc = _git(repo, "log", "-1", "--format=%H", "--", RELEASED.as_posix())
    return proc.stdout.decode().strip() or None if proc.returncode == 0 else None


def _released_package(repo: Path, commit: str, dest: Path) -> Path | None:
    """client/ as it was at `commit`, unpacked into `dest`; None if that commit has no package."""
    proc = _git(repo, "archive", "--format=tar", commit, f"client/{PACKAGE_NAME}")
    if proc.returncode != 0:
        return None
    with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest / "client"


def python_api_changes(repo: Path, commit: str | None) -> list[Change]:
    """The package as released against today's; without both packages in git, both specs are generated."""
    with tempfile.TemporaryDirectory(prefix="release-") as tmp:
        released = _released_package(repo, commit, Path(tmp)) if commit else None
        current = repo / "client"
        try:
            if released is not None and (current / PACKAGE_NAME).is_dir():
                return package_changes(released, current)
            return python_changes(repo / RELEASED, repo / SPEC)
        except PythonApiError as exc:
            raise ReleaseError(f"cannot compare the Python API: {exc}") from exc


def _dependencies(pyproject_text: str) -> list[str]:
    try:
        return list(tomllib.loads(pyproject_text).get("project", {}).get("dependencies", []))
    except tomllib.TOMLDecodeError:
        return []


def unchanged_since(repo: Path, commit: str) -> bool:
    """client/ and the runtime dependencies are as they were at `commit`."""
    if _git(repo, "diff", "--quiet", commit, "--", "client").returncode != 0:
        return False
    then = _git(repo, "show", f"{commit}:{PYPROJECT.as_posix()}").stdout.decode()
    return _dependencies(then) == _dependencies((repo / PYPROJECT).read_text(encoding="utf-8"))


def released_version(text: str) -> str:
    found = _RELEASED_HEADER.search(text)
    if not found:
        raise ReleaseError(f"{RELEASED}: no '# released-version: X.Y.Z' header line")
    return found.group(1)


def plan_release(repo: Path) -> Plan:
    current = project_version(repo)
    released = repo / RELEASED
    if not released.exists():
        return Plan(current, current, [], first=True)
    last = released_version(released.read_text(encoding="utf-8"))
    if Version(last) != Version(current):
        raise ReleaseError(f"pyproject.toml has version {current} but {RELEASED} records {last}: "
                           "bump versions only with `make release`")  # fmt: skip
    try:
        changes = diff_specs(load_spec_file(released), load_spec_file(repo / SPEC))
    except (SpecLoadError, SpecShapeError) as exc:
        raise ReleaseError(str(exc)) from exc
    commit = release_commit(repo)
    changes += python_api_changes(repo, commit)
    if not changes and commit is not None and unchanged_since(repo, commit):
        raise Refused(f"nothing changed since the release of {last} (commit {commit[:12]}): no API change, and "
                      "client/ and the dependencies are as released")  # fmt: skip
    return Plan(current, next_version(current, worst(changes)), changes, first=False, since=commit)


def changelog_entry(plan: Plan, date: dt.date) -> str:
    title = f"{plan.new_version} — {date.isoformat()}"
    if plan.first:
        return render_entry(title, ["First release: `GET /v1/user` and `GET /v1/user/subscription`.", ""], [])
    wire, python = split_layers(plan.changes)
    intro = [
        f"Compared with {plan.old_version}: the HTTP API has {_verdict(wire)}, the Python API has {_verdict(python)}.",
        "",
    ]
    if not plan.changes:
        intro += ["No API changes: generator, templates or runtime only.", ""]
    return render_entry(title, intro, plan.changes)


def _verdict(changes: list[Change]) -> str:
    top = worst(changes)
    return "no changes" if top is None else f"{verdict_word(top)} changes"


def new_contents(repo: Path, plan: Plan, date: dt.date) -> dict[Path, str]:
    """Every file the release writes, computed before anything is written."""
    pyproject = (repo / PYPROJECT).read_text(encoding="utf-8")
    bumped, n = _PROJECT_VERSION.subn(rf'\g<1>"{plan.new_version}"', pyproject, count=1)
    if n != 1:
        raise ReleaseError(f'{PYPROJECT}: no `version = "..."` line to bump')
    changelog_path = repo / CHANGELOG
    old_log = changelog_path.read_text(encoding="utf-8") if changelog_path.exists() else ""
    body = old_log[len(CHANGELOG_TITLE) :].lstrip("\n") if old_log.startswith(CHANGELOG_TITLE) else old_log
    changelog = f"{CHANGELOG_TITLE}\n{changelog_entry(plan, date)}\n{body}".rstrip("\n") + "\n"
    spec = (repo / SPEC).read_text(encoding="utf-8")
    released = (
        "# The spec of the last release of elevenlabs-user-client, written by `make release`: the next diff's base.\n"
        f"# released-version: {plan.new_version}\n"
        f"# released-on: {date.isoformat()}\n"
        f"{spec}"
    )
    return {repo / PYPROJECT: bumped, repo / CHANGELOG: changelog, repo / RELEASED: released}


def release(repo: Path, check_command: str, test_command: str, date: dt.date) -> Plan:
    check_preconditions(repo, check_command, test_command)
    plan = plan_release(repo)
    write_all(new_contents(repo, plan, date))
    return plan


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m scripts.release", description=__doc__.split("\n\n")[0])
    p.add_argument("--repo", type=Path, default=ROOT, help="repository root (default: this one)")
    p.add_argument("--test-command", default=os.environ.get("RELEASE_TEST_COMMAND", DEFAULT_TEST_COMMAND),
                   help="command that must pass (env RELEASE_TEST_COMMAND; default: pytest -x -q)")  # fmt: skip
    p.add_argument("--check-command", default=os.environ.get("RELEASE_CHECK_COMMAND", DEFAULT_CHECK_COMMAND),
                   help="command proving client/ is generated (env RELEASE_CHECK_COMMAND)")  # fmt: skip
    p.add_argument("--date", type=dt.date.fromisoformat, default=None, help="release date (default: today, UTC)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    date = args.date or dt.datetime.now(dt.UTC).date()
    try:
        plan = release(args.repo.resolve(), args.check_command, args.test_command, date)
    except Refused as exc:
        print(f"release refused, nothing changed: {exc}", file=sys.stderr)
        return 1
    except (ReleaseError, OSError) as exc:
        print(f"release error, nothing changed: {exc}", file=sys.stderr)
        return 2
    if plan.first:
        print(f"first release {plan.new_version}: recorded {SPEC} as {RELEASED}, wrote {CHANGELOG}")
    else:
        top = worst(plan.changes)
        print(f"released {plan.old_version} → {plan.new_version} (worst change: {top.value if top else 'none'})")
        wire, python = split_layers(plan.changes)
        print(f"  wire (HTTP API): {verdict_word(worst(wire))}; Python API: {verdict_word(worst(python))}")
        print(f"  see the new entry in {CHANGELOG}")
        print(f"wrote {PYPROJECT} (version), {CHANGELOG} (new entry), {RELEASED} (the spec of {plan.new_version})")
    print(f"next: git commit -m 'Release {plan.new_version}' -- {PYPROJECT} {CHANGELOG} {RELEASED} && "
          f"git tag v{plan.new_version} && make publish")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
