"""The one-pass parse (runtime/_fastparse.py) gives exactly the model the checked path gives, or declines.

The checked path is the reference: the schema check of the whole body, then the generator's parser. Every recorded
fixture, every upstream example and bodies drawn from the response schemas go through both; where the fast pass
returns a model it must equal the reference (fields, enum members, unknown fields, repr, to_dict), and for every body
that conforms to the spec it must not decline (else the speed it exists for is silently gone).
"""

from __future__ import annotations

import copy
import datetime
import json
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import elevenlabs_user_client.models as models
import pytest
import spec_schemas
import yaml
from elevenlabs_user_client import _drift, _fastparse, _validation
from elevenlabs_user_client.types import UNSET, Unset
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True, params=["loop", "compiled"])
def parser_kind(request: pytest.FixtureRequest) -> Iterator[str]:
    """Every test runs against both forms of the fast pass: its loop, and the parsers compiled for models parsed
    often (_compiled.py), here compiled at a model's first parse."""
    saved = _fastparse.COMPILE_AFTER
    _fastparse.COMPILE_AFTER = 1 if request.param == "compiled" else 10**9
    _fastparse._PLANS.clear()
    yield request.param
    _fastparse.COMPILE_AFTER = saved
    _fastparse._PLANS.clear()


OPERATIONS = ("GET /v1/user", "GET /v1/user/subscription")


def model_for(operation: str) -> Any:
    return getattr(models, spec_schemas.schema_name_at(spec_schemas.response_schema_pointer(operation)))


def checked_path(model: Any, body: Any, *, strict: bool) -> Any:
    """What the package returned before the fast pass existed for a body that passes the check; None otherwise."""
    problems: list[str] = []
    _validation._check({"model": model}, body, "", problems, lenient=not strict)
    return None if problems or not isinstance(body, dict) else _drift.parse_checked(model, body)


def fast_pass_supports(model: Any, seen: frozenset[Any] = frozenset()) -> bool:
    """Whether the fast pass takes bodies of `model` at all. A schema it leaves to the checked path (a date field, a
    union of a model and an enum: things ElevenLabs may add tomorrow) makes it decline every such body, which is
    correct; then only "never a different model" is asserted."""
    if model in seen:
        return True
    plan = _fastparse._plan(model)
    if plan is None:
        return False
    specs = [field[4] for field in plan.fields]
    specs += [spec.target for spec in specs if spec.how == _fastparse._LIST]
    nested = [spec.target for spec in specs if spec.how == _fastparse._MODEL]
    return all(fast_pass_supports(inner, seen | {model}) for inner in nested)


def assert_same(model: Any, body: Any, *, strict: bool, must_take: bool) -> None:
    reference = checked_path(model, copy.deepcopy(body), strict=strict)
    fast = _fastparse.parse_fast(model, copy.deepcopy(body), strict=strict)
    if fast is None:
        declined = must_take and reference is not None and fast_pass_supports(model)
        assert not declined, f"the fast pass declined a conforming body: {body!r:.300}"
        return
    assert reference is not None, f"the fast pass took a body the checked path does not: {body!r:.300}"
    assert fast == reference
    assert repr(fast) == repr(reference)
    assert fast.to_dict() == reference.to_dict()


def manifest() -> list[dict[str, Any]]:
    return list(yaml.safe_load((FIXTURES / "manifest.yaml").read_text(encoding="utf-8"))["fixtures"])


def fixture_cases() -> list[Any]:
    cases = []
    for entry in manifest():
        if "operation" not in entry:
            continue
        body = json.loads((FIXTURES / entry["file"]).read_text(encoding="utf-8"))
        cases.append(pytest.param(entry["operation"], body, bool(entry.get("conforms")), id=entry["file"]))
    return cases


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize(("operation", "body", "conforms"), fixture_cases())
def test_fixtures_parse_alike_and_conforming_ones_take_the_fast_pass(
    operation: str, body: Any, conforms: bool, strict: bool
) -> None:
    assert_same(model_for(operation), body, strict=strict, must_take=conforms)


def test_both_operations_have_a_conforming_fixture_here() -> None:
    # Guards the test above against passing with nothing to take.
    assert {e["operation"] for e in manifest() if e.get("conforms") and "operation" in e} == set(OPERATIONS)


@cache
def body_strategy(operation: str) -> st.SearchStrategy[Any]:
    return from_schema(spec_schemas.inlined(spec_schemas.response_schema_pointer(operation)))


@pytest.mark.parametrize("operation", OPERATIONS)
@settings(max_examples=40, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_drawn_bodies_parse_alike(operation: str, data: st.DataObject) -> None:
    body = data.draw(body_strategy(operation))
    for strict in (False, True):
        assert_same(model_for(operation), body, strict=strict, must_take=True)


def conforming(operation: str) -> dict[str, Any]:
    for entry in manifest():
        if entry.get("operation") == operation and entry.get("conforms"):
            body: dict[str, Any] = json.loads((FIXTURES / entry["file"]).read_text(encoding="utf-8"))
            return body
    raise AssertionError(f"no conforming fixture for {operation}")


def first_enum_field(model: Any) -> tuple[str, str]:
    """A (field, enum name) of `model` whose value is an enum, from its schema."""
    for name, shape, *_ in _validation._model_fields(model)[1]:
        for option in shape.get("any_of", [shape]):
            if "enum" in option:
                return name, option["name"]
    raise AssertionError(f"{model.__name__} has no enum field")


def test_an_unknown_enum_value_is_kept_leniently_and_declined_strictly() -> None:
    model = model_for("GET /v1/user")
    body = conforming("GET /v1/user")
    field, enum_name = first_enum_field(model)
    body[field] = spec_schemas.not_in_enum(enum_name)
    assert_same(model, body, strict=False, must_take=True)
    assert _fastparse.parse_fast(model, body, strict=True) is None  # strict rejects it: the checked path says why


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda b: b.pop("user_id"), "a required field missing"),
        (lambda b: b.update(user_id=7), "a wrong type"),
        (lambda b: b.update(created_at=float(b["created_at"])), "an integral float where an integer is due"),
        (lambda b: b.update(created_at=True), "a bool where an integer is due"),
        (lambda b: b["subscription"].update(character_count="many"), "a wrong type, nested"),
    ],
)
def test_off_spec_bodies_are_left_to_the_checked_path(change: Any, why: str) -> None:
    body = conforming("GET /v1/user")
    change(body)
    assert _fastparse.parse_fast(model_for("GET /v1/user"), body, strict=False) is None, why


def test_unknown_fields_are_kept_at_every_level() -> None:
    model = model_for("GET /v1/user")
    body = conforming("GET /v1/user")
    body["added_tomorrow"] = {"x": [1, 2]}
    body["subscription"]["also_new"] = None
    assert_same(model, body, strict=False, must_take=True)
    parsed = _fastparse.parse_fast(model, body, strict=False) or model.from_dict(body)  # the same model either way
    assert parsed["added_tomorrow"] == {"x": [1, 2]}
    assert parsed.subscription["also_new"] is None


def test_the_compiled_form_is_the_one_used_once_compiled(parser_kind: str) -> None:
    model = model_for("GET /v1/user")
    parsed = _fastparse.parse_fast(model, conforming("GET /v1/user"), strict=False)
    plan = _fastparse._PLANS[model]
    assert (parsed is not None) == fast_pass_supports(model)
    assert plan is None or (plan.compiled is not None) == (parser_kind == "compiled")


def test_a_string_in_an_enum_or_string_union_becomes_the_enum_member_as_the_generator_makes_it() -> None:
    # No such union in today's spec; the generator's union parsing tries the enum before keeping a string.
    from enum import StrEnum

    class Shade(StrEnum):
        DARK = "dark"

    spec = _fastparse._Value({"any_of": [{"type": "string"}, {"enum": ["dark"], "name": "Shade", "class": Shade}]})
    assert _fastparse._convert(spec, "dark", False) is Shade.DARK
    assert _fastparse._convert(spec, "dark", True) is Shade.DARK


def test_a_schema_the_fast_pass_does_not_take_leaves_the_model_to_the_checked_path() -> None:
    # A literal enum (no class), as ElevenLabs may add: its model has no plan, and the test helpers above see it.
    from elevenlabs_user_client.models.price import Price

    real = Price.json_shape()
    literal = {**real, "properties": {**real["properties"], "kind": ({"enum": ["a"], "name": "Kind"}, False, "kind")}}

    class KindedPrice(Price):
        @classmethod
        def json_shape(cls) -> dict[str, Any]:
            return literal

    assert _fastparse._plan(KindedPrice) is None
    assert not fast_pass_supports(KindedPrice)
    assert fast_pass_supports(Price)


@attrs.define
class Stamped:
    """A model with the formatted strings today's spec lacks, written as the generator writes one."""

    at: datetime.datetime
    day: datetime.date | None | Unset = UNSET
    ref: uuid.UUID | Unset = UNSET

    @classmethod
    def json_shape(cls) -> dict[str, Any]:
        return {
            "name": "Stamped",
            "properties": {
                "at": ({"type": "date-time"}, True, "at"),
                "day": ({"any_of": [{"type": "date"}, {"type": "null"}]}, False, "day"),
                "ref": ({"type": "uuid"}, False, "ref"),
            },
            "extra": "drop",
        }


STAMPS = [
    # body, lenient result (None: declined), strict result
    (
        {"at": "2026-08-22T10:00:00Z", "day": "2026-08-22", "ref": "123e4567-e89b-12d3-a456-426614174000"},
        Stamped(
            datetime.datetime(2026, 8, 22, 10, tzinfo=datetime.UTC),
            datetime.date(2026, 8, 22),
            uuid.UUID("123e4567-e89b-12d3-a456-426614174000"),
        ),
        "same",
    ),
    ({"at": "2026-08-22T10:00:00.5+02:00", "day": None}, "converted", "same"),
    ({"at": "2026-08-22T10:00:00"}, Stamped(datetime.datetime(2026, 8, 22, 10)), None),  # no offset: not RFC 3339
    ({"at": "2026-08-22T10:00:00Z", "ref": "123e4567e89b12d3a456426614174000"}, "converted", None),
    ({"at": "2026"}, None, None),  # the conversion refuses it: the checked path makes it a broken field
    ({"at": "2026-08-22T24:00:00Z"}, None, None),
    ({"at": "2026-08-22T10:00:00Z", "day": "2026-02-30"}, None, None),
    ({"at": 1766397600}, None, None),
]


@pytest.mark.parametrize(("body", "lenient", "strict"), STAMPS)
def test_formatted_strings_convert_as_the_generated_parser_converts_them(body: Any, lenient: Any, strict: Any) -> None:
    def generated(body: dict[str, Any]) -> Stamped:  # the generator's templates: fromisoformat, UUID
        day = body.get("day", UNSET)
        ref = body.get("ref", UNSET)
        return Stamped(
            datetime.datetime.fromisoformat(body["at"]),
            day if day is None or day is UNSET else datetime.date.fromisoformat(day),
            ref if ref is UNSET else uuid.UUID(ref),
        )

    expected_lenient = generated(body) if lenient == "converted" else lenient
    expected_strict = expected_lenient if strict == "same" else strict
    for is_strict, expected in ((False, expected_lenient), (True, expected_strict)):
        parsed = _fastparse.parse_fast(Stamped, copy.deepcopy(body), strict=is_strict)
        assert parsed == expected
        if parsed is not None:
            assert [type(getattr(parsed, f.name)) for f in attrs.fields(Stamped)] == [
                type(getattr(expected, f.name)) for f in attrs.fields(Stamped)
            ]


@attrs.define
class Tally:
    """A map of integers beside one declared field (`additionalProperties: {type: integer}`), as the generator writes
    one: values kept as they came."""

    total: int
    additional_properties: dict[str, Any] = attrs.field(init=False, factory=dict)

    @classmethod
    def json_shape(cls) -> dict[str, Any]:
        return {
            "name": "Tally",
            "extra": "keep",
            "extra_shape": {"type": "integer"},
            "properties": {"total": ({"type": "integer"}, True, "total")},
        }


@pytest.mark.parametrize(
    ("body", "strict_problems"),
    [
        ({"total": 3}, []),
        ({"total": 3, "a": 1, "b": 2}, []),
        ({"total": 3, "a": 1, "b": "two"}, ["b: expected integer, got 'two'"]),
        ({"total": "3", "a": None}, ["a: expected integer, got null", "total: expected integer, got '3'"]),
    ],
)
def test_a_typed_map_has_its_values_checked(body: dict[str, Any], strict_problems: list[str]) -> None:
    # ElevenLabs' full document has such maps (a workflow's edges and nodes); the generator's parser trusts them.
    problems: list[str] = []
    _validation._check({"model": Tally}, body, "", problems)
    assert sorted(problems) == strict_problems
    lenient: list[str] = []
    _validation._check({"model": Tally}, body, "", lenient, lenient=True)
    assert sorted(lenient) == strict_problems  # lenient parsing then leaves a broken entry out (test_full_document)
    # The fast pass would keep such values as they came: it leaves a body with entries in the map to the check.
    has_entries = len(body) > 1
    for strict in (True, False):
        fast = _fastparse.parse_fast(Tally, copy.deepcopy(body), strict=strict)
        assert (fast is None) == (has_entries or type(body["total"]) is not int)
        if fast is not None:
            assert fast == Tally(3)


def test_a_union_of_a_date_and_a_string_is_left_to_the_checked_path() -> None:
    # Which one the generator makes of "2026-08-22" there is its own to say.
    with pytest.raises(_fastparse._Unsupported):
        _fastparse._Value({"any_of": [{"type": "date"}, {"type": "string"}]})


PLAIN_TYPES = {"string", "integer", "number", "boolean", "null"}
FORMATTED_TYPES = {"date-time", "date", "uuid"}


def only_taken_kinds(shape: dict[str, Any]) -> bool:
    """The rule the fast pass follows, restated: plain types, consts, enums with their class, models, formatted
    strings, lists of these, and unions with at most one converting member (or only models), where a formatted
    string is never beside a plain string."""
    options = shape.get("any_of", [shape])
    converting = [o for o in options if "enum" in o or "model" in o or "list" in o or o.get("type") in FORMATTED_TYPES]
    if len(converting) > 1 and not all("model" in o for o in converting):
        return False
    types = {o.get("type") for o in options}
    if types & FORMATTED_TYPES and "string" in types:
        return False
    for option in options:
        if "type" in option and option["type"] not in PLAIN_TYPES | FORMATTED_TYPES:
            return False
        if "enum" in option and "class" not in option:
            return False
        if "list" in option and not only_taken_kinds(option["list"]):
            return False
        if "any_of" in option:
            return False
    return True


def test_every_model_made_of_kinds_the_fast_pass_takes_has_a_plan() -> None:
    # Guards the conditional assertions above: the fast pass may not quietly decline what it is meant to take.
    classes = [getattr(models, name) for name in dir(models) if hasattr(getattr(models, name), "json_shape")]
    assert classes
    for model in classes:
        shape = model.json_shape()
        takes = shape.get("extra") in ("keep", "drop") and all(
            only_taken_kinds(field_shape) for field_shape, _, _ in shape["properties"].values()
        )
        if takes:
            assert _fastparse._plan(model) is not None, model.__name__
