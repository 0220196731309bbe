"""The consumer README's quota example, as a user would copy it: it passes `mypy --strict` and pyright in strict mode,
and it runs against a local server. A variant with a type error must fail both, so the checks are real."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scripts import mock_api
from scripts.paths import ROOT

README = ROOT / "README.package.md"
MARKER = "<!-- checked: mypy --strict and pyright strict"
KEY = "readme-example-key"
# A missing value assigned where an int is required: both checkers must object.
BROKEN = "\n\ndef broken(sub_reset: int | None | Unset) -> int:\n    return sub_reset\n"


def quota_example() -> str:
    text = README.read_text(encoding="utf-8")
    after = text[text.index(MARKER) :]
    found = re.search(r"```python\n(.*?)```", after, re.DOTALL)
    assert found, "no python block after the marker"
    return found.group(1)


def pyright_strict(path: Path) -> dict[str, object]:
    (path.parent / "pyrightconfig.json").write_text(json.dumps({"typeCheckingMode": "strict"}))
    pyright = Path(sys.executable).parent / "pyright"
    proc = subprocess.run(
        [str(pyright), "--pythonpath", sys.executable, "--outputjson", path.name],
        capture_output=True, text=True, cwd=path.parent, env={**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"},
    )  # fmt: skip
    report: dict[str, object] = json.loads(proc.stdout)
    return report


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("readme") / "quota_check.py"
    path.write_text(quota_example(), encoding="utf-8")
    return path


def test_the_example_passes_mypy_strict(example: Path, mypy_strict: Callable[[Path], Any]) -> None:
    result = mypy_strict(example)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_example_passes_pyright_strict(example: Path) -> None:
    report = pyright_strict(example)
    assert report["summary"] == {**report["summary"], "errorCount": 0, "warningCount": 0}, report  # type: ignore[dict-item]


def test_a_type_error_in_the_example_fails_both_checkers(tmp_path: Path, mypy_strict: Callable[[Path], Any]) -> None:
    broken = tmp_path / "quota_check.py"
    source = quota_example().replace("import sys\n", "import sys\n\nfrom elevenlabs_user_client import Unset\n", 1)
    broken.write_text(source + BROKEN, encoding="utf-8")
    assert mypy_strict(broken).returncode == 1
    summary = pyright_strict(broken)["summary"]
    assert isinstance(summary, dict) and summary["errorCount"] >= 1


def _run_example(example: Path, **bodies: Any) -> tuple[subprocess.CompletedProcess[str], mock_api.MockApi]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ELEVENLABS_")}
    with mock_api.serve_account(KEY, **bodies) as api:
        result = subprocess.run(
            [sys.executable, str(example)],
            env={**clean, "ELEVENLABS_API_KEY": KEY, "ELEVENLABS_BASE_URL": api.base_url},
            capture_output=True, text=True,
        )  # fmt: skip
    return result, api


def test_the_example_runs(example: Path) -> None:
    result, api = _run_example(example)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("41,230 of 100,000 characters used; next reset at unix time ")
    assert api.authenticated_paths == [mock_api.SUBSCRIPTION_PATH]


def test_the_example_exits_3_on_a_body_that_lacks_the_limit(example: Path) -> None:
    body = mock_api.load_fixture(mock_api.DEFAULT_SUBSCRIPTION_FIXTURE)
    del body["character_limit"]
    result, _ = _run_example(example, subscription_body=body)
    assert result.returncode == 3, result.stderr
    assert "character_limit: required field missing" in result.stderr and "Traceback" not in result.stderr
