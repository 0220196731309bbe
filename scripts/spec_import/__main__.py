"""python -m scripts.spec_import SOURCE [SOURCE...]: write the canonical spec (see openapi/README.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import ALL_OPERATIONS, DEFAULT_CONFIG_FILE, load_config
from .errors import SpecImportError
from .pipeline import run_import


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.spec_import", description=__doc__)
    parser.add_argument("sources", nargs="+", help="file paths or http(s) URLs: JSON, YAML, .gz, or docs markdown")
    parser.add_argument("--output", type=Path, help="where to write (default: the canonical spec)")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG_FILE, help="import config (default: %(default)s)")
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--all-operations", action="store_true", help="keep every operation, not the configured list")
    chosen.add_argument("--operation", action="append", metavar="'METHOD /path'", help="keep this operation instead")
    parser.add_argument("--no-overlay", action="store_true", help="leave out openapi/overlay.yaml")
    parser.add_argument(
        "--names",
        type=Path,
        help="name lock to read and update (default: openapi/names.yaml, updated only when writing the canonical spec)",
    )
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
        if args.all_operations:
            config = config.with_operations(ALL_OPERATIONS)
        elif args.operation:
            config = config.with_operations(args.operation)
        written = run_import(
            args.sources,
            config,
            overlay=not args.no_overlay,
            output=args.output,
            names_file=args.names,
            report=lambda line: print(f"spec_import: {line}"),
        )
    except SpecImportError as exc:
        print(f"spec_import: error: {exc.one_line()}", file=sys.stderr)
        return 2
    print(f"spec_import: wrote {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
