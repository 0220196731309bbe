"""The whole published API as a package: every operation of the recorded upstream document, imported and generated
with this repository's importer, config and templates, under the name `full_api_client`.

It takes about a minute, so it is built once per set of inputs into build/full-api/<digest>/ and shared: by every
test module that needs it (pytest workers wait on a lock for the first to finish) and by `make check`, which
type-checks it (`python -m scripts.full_api --typecheck`). A changed template, importer or upstream document makes a
new digest; a half-built folder is never used (it is renamed into place when complete).
"""

from __future__ import annotations

import argparse
import fcntl
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from scripts.digest import digest_of, tools
from scripts.paths import GENERATOR_CONFIG, OPENAPI_DIR, PACKAGE_NAME, ROOT, TEMPLATES_DIR

PACKAGE = "full_api_client"  # beside the real package, under a name of its own
BUILD_DIR = ROOT / "build" / "full-api"
_INPUTS = (
    TEMPLATES_DIR,
    GENERATOR_CONFIG,
    ROOT / "scripts" / "spec_import",
    ROOT / "scripts" / "generate.py",
    ROOT / "scripts" / "wire_support.py",
)


class FullApiError(Exception):
    """A step of the build failed; the message holds what the step said."""


def recorded_upstream() -> Path:
    """The whole upstream document among the spec's recorded sources (openapi/upstream/SOURCE.yaml), whatever its
    file is named (`make sync SRC=https://...` stores it as openapi.json.gz): the largest of them."""
    folder = OPENAPI_DIR / "upstream"
    record = yaml.safe_load((folder / "SOURCE.yaml").read_text(encoding="utf-8"))
    files = [folder / str(source["file"]) for source in record["sources"]]
    return max(files, key=lambda path: path.stat().st_size)


def _digest(upstream: Path) -> str:
    inputs = {"upstream": upstream, **{str(item.relative_to(ROOT)): item for item in _INPUTS}}
    return digest_of(inputs, salt=tools())[:16]


def _step(what: str, *args: str) -> None:
    proc = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise FullApiError(f"{what} failed:\n{(proc.stdout + proc.stderr)[-20_000:]}")


def build() -> Path:
    """The folder holding `spec.json` (the imported document) and the package `full_api_client/`."""
    upstream = recorded_upstream()
    done = BUILD_DIR / _digest(upstream)
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    with (BUILD_DIR / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another worker may be building it: wait, then use its result
        if done.is_dir():
            return done
        for stale in BUILD_DIR.iterdir():  # one build at a time is kept: the inputs have changed since the others
            if stale.is_dir():
                shutil.rmtree(stale)
        work = Path(tempfile.mkdtemp(prefix="building-", dir=BUILD_DIR))
        spec = work / "spec.json"  # the importer writes JSON for a .json name: the generator reads it fastest
        _step("import", "-m", "scripts.spec_import", "--all-operations", "--output", str(spec), str(upstream))
        # The generator's --fail-on-warning: any operation, response or schema left out fails here, each one listed.
        _step("generate", "-m", "scripts.generate", "--spec", str(spec), "--output", str(work / "out"))
        (work / "out" / PACKAGE_NAME).rename(work / PACKAGE)
        (work / "out").rmdir()
        work.rename(done)
        return done


def typecheck(folder: Path) -> subprocess.CompletedProcess[str]:
    """`mypy --strict` over the whole package (about 2,300 files)."""
    cache = folder / ".mypy_cache"
    cmd = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), str(folder / PACKAGE)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.full_api", description=__doc__)
    parser.add_argument("--typecheck", action="store_true", help="then run mypy --strict over it")
    args = parser.parse_args(argv)
    try:
        folder = build()
    except FullApiError as err:
        print(f"full-api: {err}", file=sys.stderr)
        return 1
    print(f"full-api: {folder.relative_to(ROOT)}/{PACKAGE}")
    if args.typecheck:
        proc = typecheck(folder)
        print(proc.stdout[-10_000:], end="")
        return proc.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
