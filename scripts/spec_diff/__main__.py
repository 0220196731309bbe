"""CLI: `python -m scripts.spec_diff [--old OLD] [--new NEW] [--json] [--rules]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from scripts.paths import CANONICAL_SPEC, ROOT
from scripts.spec_diff import diff_specs
from scripts.spec_diff.loading import SpecLoadError, load_git_revision, load_spec_file
from scripts.spec_diff.report import render_json, render_text, worst
from scripts.spec_diff.rules import Severity, rules_table_markdown
from scripts.spec_diff.shapes import SpecShapeError

EXIT_OK, EXIT_ERROR, EXIT_BREAKING = 0, 2, 3


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m scripts.spec_diff", description=__doc__)
    p.add_argument("--old", help="old spec file (default: the canonical spec committed at HEAD)")
    p.add_argument("--new", help="new spec file (default: the working copy of the canonical spec)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    overlay_help = "apply openapi/overlay.yaml to both sides (for a raw upstream source vs the canonical spec)"
    p.add_argument("--overlay", action="store_true", help=overlay_help)
    p.add_argument("--rules", action="store_true", help="print the classification table and exit")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.rules:
        print(rules_table_markdown())
        return EXIT_OK
    try:
        if args.old:
            old, old_name = load_spec_file(Path(args.old), overlay=args.overlay), args.old
        else:
            old = load_git_revision("HEAD", overlay=args.overlay)
            old_name = f"HEAD:{CANONICAL_SPEC.relative_to(ROOT)}"
        new_path = Path(args.new) if args.new else CANONICAL_SPEC
        new, new_name = (
            load_spec_file(new_path, overlay=args.overlay),
            args.new or str(CANONICAL_SPEC.relative_to(ROOT)),
        )
        changes = diff_specs(old, new)
    except (SpecLoadError, SpecShapeError, RecursionError) as exc:
        print(f"spec_diff: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    try:
        print(render_json(changes, old_name, new_name) if args.json else render_text(changes, old_name, new_name))
    except BrokenPipeError:  # `| head` closed the pipe: the status still tells the result
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # no second error when Python flushes at exit
    return EXIT_BREAKING if worst(changes) is Severity.BREAKING else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
