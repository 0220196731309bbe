"""Forward compatibility (unknown fields and enum values), lenient and strict parsing, secret fields in repr."""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from typing import Any

import pytest
from conftest import CANARY_KEY
from elevenlabs_user_client import _parse, errors, validate_response
from elevenlabs_user_client.api.user import get_user, get_user_subscription
from elevenlabs_user_client.models import (
    ExtendedSubscriptionResponseModel,
    SeatType,
    SubscriptionStatusType,
    UserResponseModel,
)
from pytest_httpserver import HTTPServer
from spec_schemas import enum_values, not_in_enum

SUBSCRIPTION = "SubscriptionResponseModel"
# Values the spec does not list, derived from it: they stay unknown whatever upstream adds.
UNKNOWN_STATUS = not_in_enum("SubscriptionStatusType", "paused")
UNKNOWN_SEAT = not_in_enum("SeatType", "guest")


@pytest.fixture
def user(load_fixture: Callable[[str], Any]) -> dict[str, Any]:
    body: dict[str, Any] = load_fixture("upstream-example-user.json")
    return body


def test_unknown_fields_round_trip_nested_ones_too(user: dict[str, Any]) -> None:
    user["brand_new_field"] = {"nested": [1, 2]}
    user["subscription"]["new_counter"] = 7
    parsed = UserResponseModel.from_dict(copy.deepcopy(user))
    assert parsed["brand_new_field"] == {"nested": [1, 2]}
    assert parsed.subscription["new_counter"] == 7
    assert parsed.to_dict() == user


def test_unknown_enum_values_parse_are_kept_and_round_trip(
    user: dict[str, Any], caplog: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_parse, "_warned", set())  # each (model, path) warns once per process: start afresh
    user["seat_type"] = UNKNOWN_SEAT
    user["subscription"]["status"] = UNKNOWN_STATUS
    with caplog.at_level(logging.WARNING):
        parsed = UserResponseModel.from_dict(copy.deepcopy(user))
    assert parsed.seat_type == UNKNOWN_SEAT
    assert not parsed.seat_type.is_known
    assert parsed.subscription.status == UNKNOWN_STATUS
    assert isinstance(parsed.subscription.status, SubscriptionStatusType)
    assert parsed.to_dict() == user
    assert UNKNOWN_STATUS in caplog.text  # a warning at most


def test_known_enum_values_are_still_the_members(user: dict[str, Any]) -> None:
    parsed = UserResponseModel.from_dict(user)
    assert parsed.seat_type is SeatType.WORKSPACE_MEMBER
    assert parsed.seat_type.is_known
    # An unknown value makes a member each time (never cached: a server cannot grow the process), equal by value.
    assert SeatType(UNKNOWN_SEAT) == SeatType(UNKNOWN_SEAT) and hash(SeatType(UNKNOWN_SEAT)) == hash(UNKNOWN_SEAT)
    assert str(SeatType(UNKNOWN_SEAT)) == UNKNOWN_SEAT and SeatType(UNKNOWN_SEAT) != SeatType.WORKSPACE_MEMBER
    assert UNKNOWN_SEAT not in [member.value for member in SeatType]


def test_unknown_enum_values_arrive_through_the_client(
    httpserver: HTTPServer, client_for: Callable[..., Any], user: dict[str, Any]
) -> None:
    user["seat_type"] = UNKNOWN_SEAT
    httpserver.expect_request("/v1/user").respond_with_json(user)
    parsed = get_user.sync(client=client_for(httpserver.url_for("")))
    assert parsed.seat_type == UNKNOWN_SEAT
    assert parsed.to_dict()["seat_type"] == UNKNOWN_SEAT


def _break_everything(user: dict[str, Any]) -> None:
    user.pop("is_new_user")
    user["seat_type"] = UNKNOWN_SEAT
    user["first_name"] = 42
    user["subscription"]["character_count"] = "many"
    user["subscription"]["tier"] = None
    user["subscription"]["status"] = UNKNOWN_STATUS
    user["subscription"]["max_credit_limit_extension"] = "lots"


EVERY_VIOLATION = [
    "is_new_user: required field missing",
    f"seat_type: unknown SeatType value {UNKNOWN_SEAT!r} (expected one of "
    f"{', '.join(repr(v) for v in enum_values('SeatType'))})",
    "first_name: expected string, got integer",
    "subscription.character_count: expected integer, got 'many'",
    "subscription.tier: expected string, got null",
    f"subscription.status: unknown SubscriptionStatusType value {UNKNOWN_STATUS!r} (expected one of "
    f"{', '.join(repr(v) for v in enum_values('SubscriptionStatusType'))})",
    "subscription.max_credit_limit_extension: expected integer | 'unlimited', got 'lots'",
]


def test_strict_mode_lists_every_violation_with_its_path(
    httpserver: HTTPServer, client_for: Callable[..., Any], user: dict[str, Any]
) -> None:
    _break_everything(user)
    httpserver.expect_request("/v1/user").respond_with_json(user)
    with pytest.raises(errors.ResponseValidationError) as caught:
        get_user.sync(client=client_for(httpserver.url_for(""), strict=True))
    assert sorted(caught.value.violations) == sorted(EVERY_VIOLATION)
    for line in EVERY_VIOLATION:
        assert line in str(caught.value)


def test_strict_mode_async(httpserver: HTTPServer, client_for: Callable[..., Any], user: dict[str, Any]) -> None:
    import asyncio

    _break_everything(user)
    httpserver.expect_request("/v1/user").respond_with_json(user)
    with pytest.raises(errors.ResponseValidationError):
        asyncio.run(get_user.asyncio(client=client_for(httpserver.url_for(""), strict=True)))


def test_strict_mode_accepts_valid_bodies(
    httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Callable[[str], Any]
) -> None:
    body = load_fixture("upstream-example-extended-subscription.json")
    body["field_from_the_future"] = True  # unknown fields are not violations
    httpserver.expect_request("/v1/user/subscription").respond_with_json(body)
    parsed = get_user_subscription.sync(client=client_for(httpserver.url_for(""), strict=True))
    assert parsed.to_dict() == body


def test_strict_parsing_without_a_client(user: dict[str, Any], load_fixture: Callable[[str], Any]) -> None:
    assert UserResponseModel.from_dict(user, strict=True).user_id == "1234567890"
    assert validate_response(UserResponseModel, user).to_dict() == user
    _break_everything(user)
    strict_parsers = (
        lambda: UserResponseModel.from_dict(user, strict=True),
        lambda: validate_response(UserResponseModel, user),
    )
    for parse in strict_parsers:
        with pytest.raises(errors.ResponseValidationError) as caught:
            parse()
        assert sorted(caught.value.violations) == sorted(EVERY_VIOLATION)
    with pytest.raises(errors.ResponseValidationError) as caught:
        validate_response(ExtendedSubscriptionResponseModel, [])
    assert caught.value.violations == ["$: expected object ExtendedSubscriptionResponseModel, got array"]


def test_nested_list_items_are_checked_with_their_index(load_fixture: Callable[[str], Any]) -> None:
    body = load_fixture("upstream-example-extended-subscription.json")
    body["open_invoices"][0]["amount_due_cents"] = "ten"
    with pytest.raises(errors.ResponseValidationError) as caught:
        validate_response(ExtendedSubscriptionResponseModel, body)
    assert caught.value.violations == ["open_invoices[0].amount_due_cents: expected integer, got 'ten'"]


def test_a_model_repr_reads_like_attrs_and_survives_holding_itself(user: dict[str, Any]) -> None:
    parsed = UserResponseModel.from_dict(user)
    text = repr(parsed)
    assert text.startswith("UserResponseModel(") and f"user_id={parsed.user_id!r}, " in text
    assert f"subscription={parsed.subscription!r}" in text
    assert repr(parsed.subscription).startswith("SubscriptionResponseModel(")
    parsed.additional_properties["again"] = parsed
    assert repr(parsed).endswith("'again': ...})")


def test_a_declared_secret_is_masked_in_repr_but_kept_in_to_dict(user: dict[str, Any]) -> None:
    user["xi_api_key"] = CANARY_KEY
    parsed = UserResponseModel.from_dict(user)
    assert CANARY_KEY not in repr(parsed)
    assert CANARY_KEY not in str(parsed)
    assert "xi_api_key='***'" in repr(parsed)
    assert parsed.xi_api_key == CANARY_KEY
    assert parsed.to_dict()["xi_api_key"] == CANARY_KEY


def test_a_secret_arriving_as_an_unknown_field_is_masked_too(user: dict[str, Any]) -> None:
    # the spec marks xi_api_key secret on UserResponseModel; it is secret wherever it appears
    user["subscription"]["xi_api_key"] = CANARY_KEY
    parsed = UserResponseModel.from_dict(user)
    assert CANARY_KEY not in repr(parsed)
    assert "'xi_api_key': '***'" in repr(parsed.subscription)
    assert parsed.to_dict()["subscription"]["xi_api_key"] == CANARY_KEY


def test_union_members_still_parse_after_a_failed_variant(load_fixture: Callable[[str], Any]) -> None:
    body = load_fixture("upstream-example-extended-subscription.json")
    body["max_credit_limit_extension"] = "unlimited"
    parsed = ExtendedSubscriptionResponseModel.from_dict(body, strict=True)
    assert parsed.max_credit_limit_extension == "unlimited"


def test_an_unknown_value_spelled_like_a_member_name_is_not_known() -> None:
    assert not SeatType("WORKSPACE_ADMIN").is_known
    assert SeatType("workspace_admin").is_known
