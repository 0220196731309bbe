"""CLI: `python -m scripts.spec_diff [--old OLD] [--new NEW] [--json] [--overlay] [--wire-only] [--rules]`."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scripts.paths import CANONICAL_SPEC, ROOT
from scripts.spec_diff.both import all_changes
from scripts.spec_diff.loading import SpecLoadError, git_revision_file
from scripts.spec_diff.python_api import PythonApiError
from scripts.spec_diff.report import render_json, render_text, worst
from scripts.spec_diff.rules import Severity, rules_table_markdown
from scripts.spec_diff.shapes import SpecShapeError

EXIT_OK, EXIT_ERROR, EXIT_BREAKING = 0, 2, 3


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m scripts.spec_diff", description=__doc__)
    p.add_argument("--old", help="old spec file (default: the canonical spec committed at HEAD)")
    p.add_argument("--new", help="new spec file (default: the working copy of the canonical spec)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    overlay_help = "import both sides with openapi/overlay.yaml first (for raw upstream sources)"
    p.add_argument("--overlay", action="store_true", help=overlay_help)
    p.add_argument("--wire-only", action="store_true", help="skip generating both packages to compare the Python API")
    p.add_argument("--rules", action="store_true", help="print the classification table and exit")
    return p


@contextmanager
def _old_file(old: str | None) -> Iterator[tuple[Path, str]]:
    if old:
        yield Path(old), old
        return
    with tempfile.TemporaryDirectory(prefix="spec-diff-head-") as tmp:
        yield git_revision_file("HEAD", Path(tmp)), f"HEAD:{CANONICAL_SPEC.relative_to(ROOT)}"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.rules:
        print(rules_table_markdown())
        return EXIT_OK
    new_path = Path(args.new) if args.new else CANONICAL_SPEC
    new_name = args.new or str(CANONICAL_SPEC.relative_to(ROOT))
    try:
        with _old_file(args.old) as (old_path, old_name):
            changes = all_changes(old_path, new_path, overlay=args.overlay, python=not args.wire_only)
    except (SpecLoadError, SpecShapeError, PythonApiError, RecursionError) as exc:
        print(f"spec_diff: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    render = render_json if args.json else render_text
    try:
        print(render(changes, old_name, new_name, not args.wire_only))
    except BrokenPipeError:  # `| head` closed the pipe: the status still tells the result
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # no second error when Python flushes at exit
    return EXIT_BREAKING if worst(changes) is Severity.BREAKING else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
