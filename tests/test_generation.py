"""client/ is exactly what `make generate` produces from openapi/, generator-config.yaml and templates/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from scripts import generate
from scripts.paths import GENERATOR_CONFIG, PACKAGE_DIR, ROOT, RUNTIME_DIR


def test_client_matches_a_fresh_generation(tmp_path: Path) -> None:
    fresh = generate.generate_into(tmp_path)
    problems = generate.tree_differences(fresh, PACKAGE_DIR)
    assert not problems, "client/ differs from `make generate`; run it and commit:\n" + "\n".join(problems)


def test_comparison_lists_every_differing_file(tmp_path: Path) -> None:
    # The drift check must name each file, not stop at the first one.
    copy = tmp_path / "copy"
    shutil.copytree(PACKAGE_DIR, copy)
    (copy / "client.py").write_text("# edited by hand\n")
    (copy / "models" / "price.py").unlink()
    (copy / "stray.py").write_text("")
    problems = generate.tree_differences(PACKAGE_DIR, copy)
    kinds = sorted(p.splitlines()[0] for p in problems)
    assert kinds == [
        "differs: client.py",
        "missing from client/: models/price.py",
        "not produced by the generator: stray.py",
    ]


def test_generator_and_formatter_are_pinned_exactly() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'"openapi-python-client==\d+\.\d+\.\d+"', pyproject)
    assert re.search(r'"ruff==\d+\.\d+\.\d+"', pyproject)
    # The formatter runs hermetically so a temporary output folder formats like client/.
    assert "--isolated" in GENERATOR_CONFIG.read_text()


def test_generated_layout_reads_well() -> None:
    for rel in (
        "client.py",
        "errors.py",
        "types.py",
        "py.typed",
        "api/user/get_user.py",
        "api/user/get_user_subscription.py",
    ):
        assert (PACKAGE_DIR / rel).is_file(), rel


def test_runtime_modules_are_copied_byte_for_byte() -> None:
    # The runtime is plain Python under templates/runtime/: the package holds exact copies (client.py and errors.py
    # replace what their placeholder templates render).
    names = sorted(p.name for p in RUNTIME_DIR.glob("*.py"))
    assert {"client.py", "errors.py", "_retry.py", "_validation.py", "_secrets.py", "_logging.py"} <= set(names)
    for name in names:
        assert (PACKAGE_DIR / name).read_bytes() == (RUNTIME_DIR / name).read_bytes(), name
