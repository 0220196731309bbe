"""What importing the package loads (models on first use, no dateutil), and how formatted strings are checked."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from elevenlabs_user_client._parse import Bad, Parse

from scripts.paths import CLIENT_DIR


def _loaded_after(code: str) -> set[str]:
    """Module names a fresh interpreter holds after running `code` (this process has imported everything)."""
    program = textwrap.dedent(code) + "\nimport sys\nprint('\\n'.join(sys.modules))\n"
    done = subprocess.run(
        [sys.executable, "-c", program], env={"PYTHONPATH": str(CLIENT_DIR)}, capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def test_one_operation_loads_only_the_models_it_parses() -> None:
    loaded = _loaded_after("from elevenlabs_user_client.api.user import get_user")
    assert "elevenlabs_user_client.models.user_response_model" in loaded
    assert "elevenlabs_user_client.models.invoice_response_model" not in loaded
    assert "elevenlabs_user_client.models.extended_subscription_response_model" not in loaded
    assert not any(name.startswith("dateutil") for name in loaded)


def test_every_model_name_imports_from_the_models_package() -> None:
    loaded = _loaded_after(
        """
        from elevenlabs_user_client.models import ExtendedSubscriptionResponseModel, SeatType, UserResponseModel
        import elevenlabs_user_client.models as models
        assert UserResponseModel.__name__ == "UserResponseModel" and SeatType.__name__ == "SeatType"
        assert all(getattr(models, name).__name__ == name for name in models.__all__)
        assert set(models.__all__) <= set(dir(models))
        """
    )
    assert "elevenlabs_user_client.models.invoice_response_model" in loaded


def test_an_unknown_model_name_is_an_attribute_error() -> None:
    import elevenlabs_user_client.models as models

    with pytest.raises(AttributeError, match="NoSuchModel"):
        _ = models.NoSuchModel
    with pytest.raises(ImportError):
        exec("from elevenlabs_user_client.models import NoSuchModel")


# Strict holds formatted strings to the spec's syntax (RFC 3339, hyphenated UUID); lenient takes whatever the
# generated parser's conversion takes, and nothing it would refuse (that would end the call in a raw ValueError).
FORMATTED = [
    # kind, value, strict, lenient
    ("date-time", "2026-08-22T10:00:00Z", True, True),
    ("date-time", "2026-08-22T10:00:00.123456789+02:00", True, True),
    ("date-time", "2026-08-22T10:00:00", False, True),  # no offset: not RFC 3339
    ("date-time", "2026-08-22", False, True),
    ("date-time", "2026-08-22 10:00:00Z", False, True),
    ("date-time", "2026-08-22T24:00:00Z", False, False),
    ("date-time", "2026-02-30T10:00:00Z", False, False),
    ("date-time", "2026", False, False),  # dateutil's isoparse takes this; the generated parser does not
    ("date-time", "", False, False),
    ("date-time", "yesterday", False, False),
    ("date", "2026-08-22", True, True),
    ("date", "20260822", False, True),
    ("date", "2026-08-32", False, False),
    ("date", "2026-08-22T10:00:00Z", False, False),
    ("uuid", "123e4567-e89b-12d3-a456-426614174000", True, True),
    ("uuid", "123E4567-E89B-12D3-A456-426614174000", True, True),
    ("uuid", "123e4567e89b12d3a456426614174000", False, True),
    ("uuid", "123e4567-e89b-12d3-a456-42661417400", False, False),
    ("uuid", "", False, False),
]


@pytest.mark.parametrize(("kind", "value", "strict", "lenient"), FORMATTED)
def test_formatted_strings_strict_and_lenient(kind: str, value: str, strict: bool, lenient: bool) -> None:
    for is_strict, accepted in ((True, strict), (False, lenient)):
        p = Parse(strict=is_strict)
        converted = p.text(value, "at", kind)
        assert (type(converted) is not Bad) is accepted
        assert p.problems == ([] if accepted else [f"at: expected {kind}, got {value!r}"])


def _runtime_imports() -> dict[str, set[str]]:
    """Each runtime module and the runtime modules it imports, at module level or inside functions."""
    import ast

    from scripts.paths import RUNTIME_DIR

    modules = {path.stem: path for path in RUNTIME_DIR.glob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                targets = [node.module] if node.module else [alias.name for alias in node.names]
                found.update(t.split(".")[0] for t in targets)
        graph[name] = found & set(modules) | {t for t in found if t not in modules and t != "types"}
    return graph


def test_the_runtime_import_graph_is_acyclic() -> None:
    graph = _runtime_imports()
    # The runtime reaches no generated code (the client takes regions as values; the quota command, built on the
    # generated operations, is an extension): any spec generates a working package.
    assert {module: targets - set(graph) for module, targets in graph.items() if targets - set(graph)} == {}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, f"import cycle: {' -> '.join((*path, module))}"
        if module in done or module not in graph:
            return
        for target in sorted(graph[module]):
            visit(target, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())
