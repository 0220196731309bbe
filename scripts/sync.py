"""Follow ElevenLabs in one command: import → generate → check → diff → test, then a verdict and the next step.

    python -m scripts.sync SOURCE [SOURCE...] [--check-command CMD] [--test-command CMD]      (make sync SRC="...")

The steps are the ones a maintainer runs by hand (`make update-spec`, `make generate`, `make check`, `make diff`,
`make test`); they change only the working tree, so the result can be read, committed or thrown away. The verdict,
as an exit status a scheduled job can act on, and in build/sync.json ({"verdict", "exit", "wire", "python",
"next"}) for jobs that run it through make (make turns every non-zero status into its own 2):

| exit | verdict    | meaning                                                                   |
| ---- | ---------- | ------------------------------------------------------------------------- |
| 0    | no-change  | the source says what our spec says: nothing to do                          |
| 10   | compatible | a compatible change, imported, generated, checked and tested: release it  |
| 20   | breaking   | a breaking change (wire or Python API): a person decides                   |
| 2    | error      | a step failed (import, generation, check or tests); the output says which |
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from scripts.atomic import write_atomically
from scripts.paths import CANONICAL_SPEC, ROOT
from scripts.spec_diff.both import all_changes
from scripts.spec_diff.compare import Change
from scripts.spec_diff.loading import SpecLoadError, git_revision_file
from scripts.spec_diff.python_api import PythonApiError
from scripts.spec_diff.report import render_text, split_layers, verdict_word, worst
from scripts.spec_diff.rules import Severity
from scripts.spec_diff.shapes import SpecShapeError

NO_CHANGE, COMPATIBLE, BREAKING, ERROR = 0, 10, 20, 2
REPORT = Path("build/sync.json")
NEXT_STEP = {
    NO_CHANGE: "nothing to do",
    COMPATIBLE: "review the diff above, commit openapi/ and client/, then `make release` and `make publish`",
    BREAKING: "a person decides: read the Breaking section above; if it is acceptable, commit, `make release` "
    "(a major bump; minor in 0.x) and `make publish`; else `git checkout -- openapi client` and keep the old spec",
    ERROR: "fix the failing step (its output is above), or `git checkout -- openapi client` to drop the import",
}
WORDS = {NO_CHANGE: "no-change", COMPATIBLE: "compatible", BREAKING: "breaking", ERROR: "error"}


@dataclass
class Outcome:
    code: int
    wire: str | None = None
    python: str | None = None
    failed: str | None = None


def _step(name: str, command: list[str], repo: Path) -> subprocess.CompletedProcess[str]:
    print(f"== {name}: {shlex.join(command)}", flush=True)
    proc = subprocess.run(command, cwd=repo, capture_output=True, text=True)
    output = (proc.stdout + proc.stderr).strip()
    if output:
        print("\n".join(output.splitlines()[-40:]))
    return proc


def _changes_since_head(repo: Path) -> list[Change]:
    with tempfile.TemporaryDirectory(prefix="sync-") as tmp:
        old = git_revision_file("HEAD", Path(tmp), repo / CANONICAL_SPEC.relative_to(ROOT), repo)
        return all_changes(old, repo / CANONICAL_SPEC.relative_to(ROOT))


def sync(sources: list[str], repo: Path, check_command: str, test_command: str) -> Outcome:
    py = sys.executable
    for name, command in (
        ("import", [py, "-m", "scripts.spec_import", *sources]),
        ("generate", [py, "-m", "scripts.generate"]),
        ("check", shlex.split(check_command)),
    ):
        if _step(name, command, repo).returncode != 0:
            return Outcome(ERROR, failed=name)
    print("== diff: HEAD vs the working copy (wire and Python API)", flush=True)
    try:
        changes = _changes_since_head(repo)
    except (SpecLoadError, SpecShapeError, PythonApiError) as exc:
        print(f"spec_diff: error: {exc}")
        return Outcome(ERROR, failed="diff")
    print(render_text(changes, "HEAD", "working copy"))
    wire, python = split_layers(changes)
    outcome = Outcome(NO_CHANGE, verdict_word(worst(wire)), verdict_word(worst(python)))
    top = worst(changes)
    client_changed = subprocess.run(["git", "status", "--porcelain", "--", "client"], cwd=repo,
                                    capture_output=True, text=True).stdout.strip()  # fmt: skip
    if top is None and not client_changed:
        return outcome
    if _step("test", shlex.split(test_command), repo).returncode != 0:
        outcome.code, outcome.failed = ERROR, "test"
        return outcome
    outcome.code = BREAKING if top is Severity.BREAKING else COMPATIBLE
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.sync", description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="+", help="upstream document(s) or docs page(s): paths or URLs")
    parser.add_argument("--repo", type=Path, default=ROOT, help="repository root (default: this one)")
    parser.add_argument("--check-command", default="make check", help="the check step (default: make check)")
    parser.add_argument("--test-command", default="make test", help="the test step (default: make test)")
    args = parser.parse_args(argv)
    repo = args.repo.resolve()
    outcome = sync(args.sources, repo, args.check_command, args.test_command)
    verdict = WORDS[outcome.code]
    print()
    if outcome.failed:
        print(f"sync verdict: error (the {outcome.failed} step failed)")
    else:
        print(f"sync verdict: {verdict} (wire: {outcome.wire}; Python API: {outcome.python})")
    print(f"next: {NEXT_STEP[outcome.code]}")
    report = {"verdict": verdict, "exit": outcome.code, "wire": outcome.wire, "python": outcome.python,
              "failed": outcome.failed, "next": NEXT_STEP[outcome.code]}  # fmt: skip
    try:
        write_atomically(repo / REPORT, json.dumps(report, indent=2) + "\n")
    except OSError as exc:
        print(f"sync: cannot write {REPORT}: {exc}", file=sys.stderr)
    return outcome.code


if __name__ == "__main__":
    sys.exit(main())
