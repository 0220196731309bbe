"""Schema-driven property tests: bodies generated from the canonical spec parse and round-trip unchanged.

hypothesis-jsonschema draws bodies from a self-contained copy of each 200 response schema (references inlined).
Two angles, because drawing whole bodies is slow (the library rebuilds sub-strategies on every draw) and rarely
includes optional unions such as pending_change:
- whole bodies, in moderate numbers;
- one property at a time: values drawn from that property's schema, set into a conforming fixture.
Runs are derandomized, so a failure reproduces on the next run.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import attrs
import elevenlabs_user_client.models as models
import pytest
import spec_schemas
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from scripts.paths import FIXTURES_DIR

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


def canonical_json(value: Any) -> str:
    # Python's == says 1 == 1.0 == True; JSON text does not, and neither may the round trip.
    return json.dumps(value, sort_keys=True)


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
@settings(max_examples=30, **DRAW_SETTINGS)
@given(data=st.data())
def test_whole_generated_body_round_trips(operation: str, data: st.DataObject) -> None:
    body = data.draw(body_strategy(operation), label="body")
    assert_round_trips(operation, body)


@pytest.mark.parametrize(("operation", "name"), single_property_cases())
@settings(max_examples=40, **DRAW_SETTINGS)
@given(data=st.data())
def test_generated_property_value_round_trips(operation: str, name: str, data: st.DataObject) -> None:
    value = data.draw(property_strategy(operation, name), label=name)
    background = json.loads((FIXTURES_DIR / OPERATIONS[operation]).read_text(encoding="utf-8"))
    assert_round_trips(operation, {**background, name: value})


def test_raw_json_check_notices_an_unparsed_union() -> None:
    # The check above must be able to fail: a union branch left as a dict is what it looks for.
    body = json.loads((FIXTURES_DIR / OPERATIONS["GET /v1/user/subscription"]).read_text(encoding="utf-8"))
    parsed = models.ExtendedSubscriptionResponseModel.from_dict(body)
    parsed.pending_change = {"kind": "change"}  # type: ignore[assignment]
    assert raw_json_in_fields(parsed) == ["$.pending_change"]
