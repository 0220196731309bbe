"""A throw-away git repository holding this working tree's files (committed or not, minus ignored ones), for tests
that run the maintainer's workflow end to end without touching the real repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from scripts.paths import ROOT

GIT = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run([*GIT, "-C", str(repo), *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message, "--allow-empty")


def scratch_clone(dest: Path) -> Path:
    """A new repository at `dest` whose one commit is this working tree as it is now."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True,
                            check=True).stdout.decode().split("\0")  # fmt: skip
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git(dest, "init", "-q")
    commit_all(dest, "scratch copy of the working tree")
    return dest


def mark_released(repo: Path) -> None:
    """Make HEAD the release commit of the version openapi/released.yaml records (as `make release` + commit would)."""
    released = repo / "openapi" / "released.yaml"
    text = released.read_text(encoding="utf-8")
    released.write_text(text.replace("# released-on:", "# released-on (scratch copy):", 1), encoding="utf-8")
    commit_all(repo, "Release (scratch copy)")
