"""Parsing defects found on the runtime-interpreted parser (issue 18), each held by a test: integral floats in integer
fields, bounded warnings and enum caches, integer enums, the broken-field error's public name, `literal_enums`."""

from __future__ import annotations

import copy
import importlib
import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from elevenlabs_user_client import _parse, errors
from elevenlabs_user_client.models import SeatType, UserResponseModel
from generated import generated_package

from scripts.paths import FIXTURES_DIR, GENERATOR_CONFIG, ROOT


@pytest.fixture
def user() -> dict[str, Any]:
    body: dict[str, Any] = json.loads((FIXTURES_DIR / "upstream-example-user.json").read_text())
    return body


# (value of created_at, an int field) -> what reading it gives: the int, or the problem it raises.
INTEGERS = [
    (1753999199, 1753999199),
    (1753999199.0, 1753999199),  # JSON Schema's integer: an integral float is one, read as an int
    (-0.0, 0),
    (1753999199.5, "created_at: expected integer, got number"),
    (float("nan"), "created_at: expected integer, got number"),
    (float("inf"), "created_at: expected integer, got number"),
    (True, "created_at: expected integer, got boolean"),  # a bool is not an integer
    ("1753999199", "created_at: expected integer, got '1753999199'"),
]


@pytest.mark.parametrize(("sent", "read"), INTEGERS, ids=[repr(i[0]) for i in INTEGERS])
def test_an_integer_field_holds_an_int_or_is_broken(user: dict[str, Any], sent: object, read: object) -> None:
    user["created_at"] = sent
    parsed = UserResponseModel.from_dict(user)
    if isinstance(read, int):
        assert type(parsed.created_at) is int and parsed.created_at == read
        assert type(UserResponseModel.from_dict(user, strict=True).created_at) is int
        return
    with pytest.raises(errors.BrokenFieldError) as caught:
        _ = parsed.created_at
    assert caught.value.violations == [read]
    with pytest.raises(errors.ResponseValidationError) as strict:
        UserResponseModel.from_dict(user, strict=True)
    assert strict.value.violations == [read]


def test_one_warning_per_model_and_path_whatever_values_arrive(
    user: dict[str, Any], caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_parse, "_warned", set())  # once per process: start afresh, whatever ran before
    with caplog.at_level(logging.WARNING, logger="elevenlabs_user_client"):
        for n in range(50):
            body = copy.deepcopy(user)
            body["subscription"]["professional_voice_limit"] = f"bad value {n}"
            body["subscription"]["status"] = f"unknown status {n}"
            UserResponseModel.from_dict(body)
    drift = [r for r in caplog.records if "subscription.professional_voice_limit" in r.getMessage()]
    unknown = [r for r in caplog.records if "subscription.status" in r.getMessage()]
    assert len(drift) == 1 and len(unknown) == 1, [r.getMessage() for r in caplog.records]


def test_unknown_enum_values_leave_no_trace_in_the_process(user: dict[str, Any]) -> None:
    listed = len(SeatType.__members__)
    for n in range(5000):
        user["seat_type"] = f"seat {n}"
        parsed = UserResponseModel.from_dict(user)
        assert parsed.seat_type == f"seat {n}" and not parsed.seat_type.is_known
        assert parsed.to_dict()["seat_type"] == f"seat {n}"
    probe = SeatType("seat 4999")
    assert repr(probe) == "<SeatType.seat 4999: 'seat 4999'>" and str(probe) == "seat 4999"
    assert len(SeatType.__members__) == listed
    assert len(vars(SeatType).get("_value2member_map_", {})) == listed  # enum's own cache of values: not grown


def test_reading_a_broken_field_raises_the_public_error(user: dict[str, Any]) -> None:
    del user["subscription"]["character_limit"]
    parsed = UserResponseModel.from_dict(user)
    with pytest.raises(errors.BrokenFieldError) as caught:
        _ = parsed.subscription.character_limit
    assert isinstance(caught.value, errors.ResponseValidationError)
    assert caught.value.violations == ["subscription.character_limit: required field missing"]
    # Also an AttributeError, as the READMEs say: hasattr() is False, getattr() with a default gives the default.
    assert not hasattr(parsed.subscription, "character_limit")
    assert getattr(parsed.subscription, "character_limit", None) is None
    assert errors.BrokenFieldError.__module__ == "elevenlabs_user_client.errors"


TINY = "tiny_enum_client"  # a generated package beside the real one: integer enums the User slice lacks


def _schemas() -> dict[str, Any]:
    ref = {"$ref": "#/components/schemas/Level"}
    return {
        "Region": {"type": "string", "enum": ["https://api.example.invalid"], "x-enum-varnames": ["PRODUCTION"]},
        "Level": {"type": "integer", "enum": [2, 3, -4], "title": "Level"},
        "Thing": {
            "type": "object",
            "title": "Thing",
            "required": ["level"],
            "properties": {
                "level": ref,
                "levels": {"type": "array", "items": ref},
                "maybe": {"anyOf": [ref, {"type": "null"}]},
                "either": {"anyOf": [{"$ref": "#/components/schemas/Mode"}, {"type": "string"}]},
            },
        },
        "Mode": {"type": "string", "enum": ["fast", "slow"], "title": "Mode"},
    }


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "tiny", "version": "1"},
    "paths": {
        "/thing": {
            "get": {
                "operationId": "get_thing",
                "tags": ["things"],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                    }
                },
            }
        }
    },
    "components": {"schemas": _schemas()},
}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_package(tmp_path_factory.mktemp("tiny"), TINY, SPEC) as package:
        yield importlib.import_module(f"{package.__name__}.models")


# (body, attribute, value read or the problem reading it raises in lenient mode, problems in strict mode)
INT_ENUMS = [
    ({"level": 3}, "level", 3, []),
    ({"level": 3.0}, "level", 3, []),
    ({"level": 7}, "level", 7, ["level: unknown Level value 7 (expected one of 2, 3, -4)"]),
    ({"level": "a"}, "level", "level: expected one of 2, 3, -4, got 'a'", ["level: expected one of 2, 3, -4, got 'a'"]),
    ({"level": True}, "level", "level: expected one of 2, 3, -4, got boolean", None),
    ({"level": 2, "levels": [2, "a"]}, "levels", "levels[1]: expected one of 2, 3, -4, got 'a'", None),
    ({"level": 2, "maybe": "a"}, "maybe", "maybe: expected one of 2, 3, -4, got 'a'", None),
    ({"level": 2, "maybe": None}, "maybe", None, []),
    ({"level": 2, "either": "x"}, "either", "x", []),  # the stock generator's result: the string member
    ({"level": 2, "either": "fast"}, "either", "fast", []),
]


@pytest.mark.parametrize(("body", "name", "read", "strict"), INT_ENUMS, ids=[json.dumps(c[0]) for c in INT_ENUMS])
def test_integer_enums_and_enum_unions(
    tiny: ModuleType, body: dict[str, Any], name: str, read: object, strict: list[str] | None
) -> None:
    tiny_errors = importlib.import_module(f"{TINY}.errors")
    parsed = tiny.Thing.from_dict(body)  # never a raw ValueError
    if isinstance(read, str) and ": " in read:
        with pytest.raises(tiny_errors.BrokenFieldError) as caught:
            getattr(parsed, name)
        assert caught.value.violations == [read]
    else:
        value = getattr(parsed, name)
        assert value == read and (read is None or type(value) is not float)
        if name == "level":
            assert isinstance(value, tiny.Level) and value.is_known is (read in (2, 3, -4))
        assert parsed.to_dict() == body
    if strict is not None:
        try:
            tiny.Thing.from_dict(body, strict=True)
            found: list[str] = []
        except tiny_errors.ResponseValidationError as err:
            found = err.violations
        assert found == strict


def test_literal_enums_are_refused_in_one_line(tmp_path: Any) -> None:
    config = tmp_path / "generator-config.yaml"
    config.write_text(GENERATOR_CONFIG.read_text() + "literal_enums: true\n")
    done = subprocess.run(
        [sys.executable, "-m", "scripts.generate", "--output", str(tmp_path / "out"), "--config", str(config)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "literal_enums" in done.stderr, done.stderr
