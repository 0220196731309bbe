"""Schema-driven property tests: bodies generated from the canonical spec parse and round-trip unchanged.

hypothesis-jsonschema draws bodies from a self-contained copy of each 200 response schema (references inlined).
Two angles, because drawing whole bodies is slow (the library rebuilds sub-strategies on every draw) and rarely
includes optional unions such as pending_change:
- whole bodies, in moderate numbers (20 per operation: each takes about 0.3 s to draw);
- one property at a time: values drawn from that property's schema, set into a conforming fixture.
A third test sets a property to valid or arbitrary JSON and checks that strict parsing accepts exactly the bodies
jsonschema accepts, and that lenient parsing fails only with the package's own error.
Runs are derandomized, so a failure reproduces on the next run.
"""

from __future__ import annotations

import contextlib
from functools import cache
from typing import Any

import attrs
import elevenlabs_user_client.models as models
import pytest
import spec_schemas
from elevenlabs_user_client import errors
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from spec_schemas import canonical_json

from scripts.mock_api import load_fixture

# A conforming fixture per operation, as the background for single-property draws.
OPERATIONS = {
    "GET /v1/user": "user-all-optional.json",
    "GET /v1/user/subscription": "subscription-switch-with-invoices.json",
}

DRAW_SETTINGS = {
    "derandomize": True,
    "database": None,
    "deadline": None,  # generation time varies with the machine; behaviour, not speed, is under test
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
}


def model_for(operation: str) -> Any:
    return getattr(models, spec_schemas.schema_name_at(spec_schemas.response_schema_pointer(operation)))


@cache
def response_schema(operation: str) -> dict[str, Any]:
    return spec_schemas.inlined(spec_schemas.response_schema_pointer(operation))


@cache
def body_strategy(operation: str) -> st.SearchStrategy[Any]:
    return from_schema(response_schema(operation))


@cache
def property_strategy(operation: str, name: str) -> st.SearchStrategy[Any]:
    return from_schema(response_schema(operation)["properties"][name])


def raw_json_in_fields(parsed: Any, where: str = "$") -> list[str]:
    """Declared fields that hold a raw dict instead of a model: a union whose branches all failed to parse."""
    found: list[str] = []
    for field in attrs.fields(type(parsed)):
        if field.name == "additional_properties":
            continue
        value = getattr(parsed, field.name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            place = f"{where}.{field.name}" + (f"[{index}]" if isinstance(value, list) else "")
            if isinstance(item, dict):
                found.append(place)
            elif attrs.has(type(item)):
                found.extend(raw_json_in_fields(item, place))
    return found


def assert_round_trips(operation: str, body: dict[str, Any]) -> None:
    pointer = spec_schemas.response_schema_pointer(operation)
    assert spec_schemas.violations(pointer, body) == [], "the generator drew a body the spec rejects"
    for strict in (False, True):
        parsed = model_for(operation).from_dict(body, strict=strict)
        assert raw_json_in_fields(parsed) == []
        assert canonical_json(parsed.to_dict()) == canonical_json(body)


def single_property_cases() -> list[Any]:
    cases = []
    for operation in OPERATIONS:
        for name in response_schema(operation)["properties"]:
            cases.append(pytest.param(operation, name, id=f"{operation}:{name}"))
    return cases


@pytest.mark.parametrize("operation", list(OPERATIONS))
@settings(max_examples=20, **DRAW_SETTINGS)
@given(data=st.data())
def test_whole_generated_body_round_trips(operation: str, data: st.DataObject) -> None:
    body = data.draw(body_strategy(operation), label="body")
    assert_round_trips(operation, body)


@pytest.mark.parametrize(("operation", "name"), single_property_cases())
@settings(max_examples=30, **DRAW_SETTINGS)
@given(data=st.data())
def test_generated_property_value_round_trips(operation: str, name: str, data: st.DataObject) -> None:
    value = data.draw(property_strategy(operation, name), label=name)
    background = load_fixture(OPERATIONS[operation])
    assert_round_trips(operation, {**background, name: value})


def test_raw_json_check_notices_an_unparsed_union() -> None:
    # The check above must be able to fail: a union branch left as a dict is what it looks for.
    body = load_fixture(OPERATIONS["GET /v1/user/subscription"])
    parsed = models.ExtendedSubscriptionResponseModel.from_dict(body)
    parsed.pending_change = {"kind": "change"}  # type: ignore[assignment]
    assert raw_json_in_fields(parsed) == ["$.pending_change"]


# --- strict parsing agrees with the spec ----------------------------------------------------------


def _spec_strings(node: Any) -> set[str]:
    """Every string an enum or const of the schema allows: near-miss values are where parsers go wrong."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "enum":
                found.update(v for v in value if isinstance(v, str))
            elif key == "const" and isinstance(value, str):
                found.add(value)
            else:
                found |= _spec_strings(value)
    elif isinstance(node, list):
        for item in node:
            found |= _spec_strings(item)
    return found


@cache
def any_json(operation: str) -> st.SearchStrategy[Any]:
    schema = response_schema(operation)
    words = sorted(_spec_strings(schema) | set(schema["properties"]))
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=6),
        st.sampled_from(words),
    )
    keys = st.one_of(st.sampled_from(words), st.text(max_size=4))
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=4))


@pytest.mark.parametrize(("operation", "name"), single_property_cases())
@settings(max_examples=30, **DRAW_SETTINGS)
@given(data=st.data())
def test_strict_parsing_accepts_exactly_what_the_spec_allows(operation: str, name: str, data: st.DataObject) -> None:
    value = data.draw(st.one_of(property_strategy(operation, name), any_json(operation)), label=name)
    body = {**load_fixture(OPERATIONS[operation]), name: value}
    conforms = spec_schemas.violations(spec_schemas.response_schema_pointer(operation), body) == []
    model = model_for(operation)
    try:
        model.from_dict(body, strict=True)
        accepted = True
    except errors.ResponseValidationError:
        accepted = False
    assert accepted == conforms
    # Lenient parsing keeps off-spec values, or fails with the package's own error, never a bare built-in one.
    with contextlib.suppress(errors.ElevenLabsError):
        model.from_dict(body)


def test_strict_parse_accepts_an_integral_float_for_an_integer() -> None:
    operation = "GET /v1/user/subscription"
    body = {**load_fixture(OPERATIONS[operation]), "character_count": 41230.0}
    assert spec_schemas.violations(spec_schemas.response_schema_pointer(operation), body) == []
    models.ExtendedSubscriptionResponseModel.from_dict(body, strict=True)
