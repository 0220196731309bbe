"""What importing the package loads: models on first use, dateutil only when a date is checked."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from elevenlabs_user_client import _validation

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


@pytest.mark.parametrize(
    ("kind", "value", "ok"),
    [("date-time", "2026-08-22T10:00:00Z", True), ("date", "2026-08-22", True), ("date-time", "yesterday", False)],
)
def test_date_checks_import_their_parser_when_needed(kind: str, value: str, ok: bool) -> None:
    assert _validation._type_ok(kind, value) is ok
