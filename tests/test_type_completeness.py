"""`pyright --verifytypes` scores the package 100% and finds no public class or function without a docstring.

verifytypes only inspects a package installed in an environment's site-packages (not an editable install), so the
test lays one out: a bare virtual environment holding a copy of client/elevenlabs_user_client, with a .pth line that
lends it this interpreter's site-packages for httpx, attrs and the rest. `--ignoreexternal`: the score is the
package's own; httpx's incomplete annotations are httpx's to fix.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path
from typing import Any

from scripts.paths import PACKAGE_DIR, PACKAGE_NAME


def verifytypes(tmp_path: Path) -> dict[str, Any]:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    site = Path(
        subprocess.run(
            [str(env_dir / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    )  # fmt: skip
    shutil.copytree(PACKAGE_DIR, site / PACKAGE_NAME, ignore=shutil.ignore_patterns("__pycache__"))
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pyright = Path(sys.executable).parent / "pyright"
    # pyright asks the first `python` on PATH for the search paths.
    env = {**os.environ, "PATH": f"{env_dir / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run(
        [str(pyright), "--verifytypes", PACKAGE_NAME, "--ignoreexternal", "--outputjson"],
        capture_output=True, text=True, cwd=tmp_path, env=env,
    )  # fmt: skip
    report: dict[str, Any] = json.loads(proc.stdout)
    return report


def test_the_package_is_fully_typed_and_documented(tmp_path: Path) -> None:
    report = verifytypes(tmp_path)
    completeness = report["typeCompleteness"]
    assert completeness["pyTypedPath"], "pyright did not find the installed package"
    problems = [
        f"{symbol['name']}: {diagnostic['message']}"
        for symbol in completeness["symbols"]
        for diagnostic in symbol.get("diagnostics", [])
        if diagnostic["severity"] in ("error", "warning")
    ]
    assert completeness["exportedSymbolCounts"]["withKnownType"] > 400
    assert completeness["completenessScore"] == 1, "\n".join(problems)
    assert completeness["missingClassDocStringCount"] == 0, "\n".join(problems)
    assert completeness["missingFunctionDocStringCount"] == 0, "\n".join(problems)
