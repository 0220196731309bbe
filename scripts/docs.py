"""`make docs`: the HTML API reference of elevenlabs_user_client, built by pdoc into build/docs.

pdoc imports the installed package and reads what the generator already writes: signatures, type annotations,
docstrings and the attribute docstrings of every model field (generator-config.yaml: docstrings_on_attributes).
One page per module: the package, the client, the errors, each operation and each model.

`python -m scripts.docs [--output DIR]`. Exit status 0 built, 2 the package could not be documented.
"""

from __future__ import annotations

import argparse
import pkgutil
import shutil
import sys
import warnings
from importlib.metadata import version
from pathlib import Path

from scripts.paths import PACKAGE_NAME, ROOT

DOCS_DIR = ROOT / "build" / "docs"
DIST_NAME = "elevenlabs-user-client"


class DocsError(Exception):
    """pdoc could not import or render the package."""


def package_modules() -> list[str]:
    """Every public module of the package. Named one by one: pdoc follows a package's `__all__`, which lists the
    everyday names, not the submodules."""
    import elevenlabs_user_client

    found = pkgutil.walk_packages(elevenlabs_user_client.__path__, prefix=f"{PACKAGE_NAME}.")
    names = [info.name for info in found if not any(part.startswith("_") for part in info.name.split("."))]
    return [PACKAGE_NAME, *sorted(names)]


def build_docs(output: Path = DOCS_DIR) -> Path:
    """Render the reference into `output` (replaced whole) and return the path of its start page."""
    import pdoc
    import pdoc.render

    pdoc.render.configure(
        docformat="google",  # the generator's docstrings use Google-style "Args:/Raises:/Returns:" sections
        footer_text=f"{PACKAGE_NAME} {version(DIST_NAME)}",
        search=True,
        show_source=False,  # generated code; the signatures, types and docstrings are the reference
    )
    staging = output.with_name(output.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with warnings.catch_warnings():
            # A package without `__all__` brings its submodules along; naming them too is harmless.
            warnings.filterwarnings("ignore", message=".*has already been added", category=UserWarning)
            pdoc.pdoc(*package_modules(), output_directory=staging)
    except Exception as err:  # pdoc raises whatever importing or rendering a module raised
        shutil.rmtree(staging, ignore_errors=True)
        raise DocsError(f"pdoc failed on {PACKAGE_NAME}: {type(err).__name__}: {err}") from err
    shutil.rmtree(output, ignore_errors=True)
    staging.rename(output)
    return output / f"{PACKAGE_NAME}.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.docs", description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=DOCS_DIR, help="folder to write (replaced whole)")
    args = parser.parse_args(argv)
    try:
        start = build_docs(args.output)
    except DocsError as err:
        print(f"docs error: {err}", file=sys.stderr)
        return 2
    pages = sum(1 for _ in args.output.rglob("*.html"))
    shown = start.relative_to(ROOT) if start.is_relative_to(ROOT) else start
    print(f"API reference: {pages} pages; open {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
