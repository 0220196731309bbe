"""Build the sdist and wheel into dist/ (cleaned first), then check them: `twine check --strict` and our own
look at the contents (the wheel holds the package and py.typed only) and at the metadata a user's pip reads.

`python -m scripts.build_dist [--outdir DIR]`. Exit status: 0 built and checked, 1 a check failed, 2 build error.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.message import Message
from email.parser import HeaderParser
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement

from scripts.paths import PACKAGE_NAME, ROOT

DIST = ROOT / "dist"
# Metadata a package index and pip show; License-Expression is the PEP 639 form of the licence.
REQUIRED_FIELDS = ("Name", "Version", "Summary", "Description-Content-Type", "License-Expression", "Requires-Python")
# The sdist carries what building and reading the package need, never the project's machinery or specs.
SDIST_FORBIDDEN_TOP = {"tests", "scripts", "templates", "dist", ".venv", "bench"}
SPEC_SUFFIXES = (".yaml", ".yml", ".json", ".json.gz")


class BuildError(Exception):
    """The build backend or twine failed; the message carries their output."""


def project_version(root: Path = ROOT) -> str:
    return str(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def build(outdir: Path = DIST, root: Path = ROOT) -> list[Path]:
    """A clean outdir holding exactly one sdist and one wheel of `root`."""
    if outdir.exists():
        shutil.rmtree(outdir)
    # The dev environment holds the build backend pyproject asks for (the dev group pins it in range), so the build
    # runs in it: `build` still checks the backend's requirement, and no environment is made and filled per build
    # (6 s each). Elsewhere, the usual isolated build.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-isolation"]
    proc = subprocess.run(
        [sys.executable, "-m", "build", *isolation, "--sdist", "--wheel", "--outdir", str(outdir), str(root)],
        capture_output=True, text=True,
    )  # fmt: skip
    if proc.returncode != 0:
        raise BuildError(f"python -m build failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
    artifacts = sorted(outdir.glob("*.whl")) + sorted(outdir.glob("*.tar.gz"))
    if len(artifacts) != 2:
        raise BuildError(f"expected one wheel and one sdist in {outdir}, found {[p.name for p in artifacts]}")
    return artifacts


def twine_check(artifacts: list[Path]) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, artifacts)], capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise BuildError(f"twine check failed:\n{proc.stdout}{proc.stderr}")


def wheel_metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        return HeaderParser().parsestr(zf.read(name).decode("utf-8"))


def wheel_problems(wheel: Path, version: str) -> list[str]:
    """What is wrong with the wheel's contents or metadata (empty when nothing is)."""
    problems: list[str] = []
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    dist_info = f"{PACKAGE_NAME}-{version}.dist-info/"
    for name in names:
        in_package = name.startswith(f"{PACKAGE_NAME}/") and (name.endswith(".py") or name.endswith("/py.typed"))
        if not (in_package or name.startswith(dist_info)):
            problems.append(f"wheel holds {name}, which is not part of the package")
    if f"{PACKAGE_NAME}/py.typed" not in names:
        problems.append("wheel lacks py.typed (PEP 561)")
    meta = wheel_metadata(wheel)
    problems += [f"METADATA lacks {f}" for f in REQUIRED_FIELDS if not meta.get(f)]
    if meta.get("Version") != version:
        problems.append(f"METADATA version {meta.get('Version')} is not pyproject's {version}")
    if not meta.get_payload():
        problems.append("METADATA has no long description (readme)")
    requirements = meta.get_all("Requires-Dist") or []
    if not requirements:
        problems.append("METADATA declares no dependencies")
    for line in requirements:
        try:
            if not Requirement(line).specifier:
                problems.append(f"dependency without a version range: {line}")
        except InvalidRequirement:
            problems.append(f"unparseable dependency: {line}")
    return problems


def sdist_problems(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as tf:
        inner = [m.name.split("/", 1)[1] for m in tf.getmembers() if "/" in m.name]
    problems = [f"sdist holds {name}" for name in inner if name.split("/", 1)[0] in SDIST_FORBIDDEN_TOP]
    problems += [f"sdist holds the spec file {name}" for name in inner if name.endswith(SPEC_SUFFIXES)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.build_dist", description=__doc__.split("\n\n")[0])
    parser.add_argument("--outdir", type=Path, default=DIST, help="where to put the artifacts (cleaned first)")
    args = parser.parse_args(argv)
    try:
        artifacts = build(args.outdir)
        twine_check(artifacts)
    except (BuildError, OSError) as exc:
        print(f"build error: {exc}", file=sys.stderr)
        return 2
    wheel, sdist = artifacts
    problems = wheel_problems(wheel, project_version()) + sdist_problems(sdist)
    if problems:
        print("build check failed:\n" + "\n".join(f"  - {p}" for p in problems), file=sys.stderr)
        return 1
    for path in artifacts:
        print(f"built {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} ({path.stat().st_size} bytes)")
    print("twine check --strict: passed; wheel holds the package and py.typed only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
