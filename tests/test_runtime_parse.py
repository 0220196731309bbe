"""Parsing on the canonical package (the generated parsers with the _parse runtime): unknown fields and enum values
kept, drift that leaves a field broken and raises when it is read, strict mode naming every violation and, for
unions, the closest member, secret fields in repr."""

from __future__ import annotations

import asyncio
import copy
import logging
import pickle
from collections.abc import Callable
from typing import Any

import pytest
from conftest import CANARY_KEY
from elevenlabs_user_client import _parse, errors, validate_response
from elevenlabs_user_client.api.user import get_user, get_user_subscription
from elevenlabs_user_client.models import (
    BillingPeriod,
    ExtendedSubscriptionResponseModel,
    SeatType,
    SubscriptionStatusType,
    UserResponseModel,
)
from pytest_httpserver import HTTPServer
from spec_schemas import enum_values, not_a_property, not_in_enum

# --- Drift does not fail the call (lenient mode): a missing required field or a wrongly typed value leaves that
# field unset; reading it raises ResponseValidationError naming path, expected type and what arrived; to_dict()
# gives back what was received; one warning per path. Strict mode still raises at parse.


@pytest.fixture
def user(load_fixture: Callable[[str], Any]) -> dict[str, Any]:
    body: dict[str, Any] = load_fixture("upstream-example-user.json")
    return body


# (change to the body, attribute path read, text the error must hold)
DRIFTS = [
    (lambda u: u["subscription"].__setitem__("character_count", "many"), "subscription.character_count",
     "subscription.character_count: expected integer, got 'many'"),
    (lambda u: u.pop("user_id"), "user_id", "user_id: required field missing"),
    (lambda u: u["subscription"].pop("tier"), "subscription.tier", "subscription.tier: required field missing"),
    (lambda u: u.__setitem__("created_at", "yesterday"), "created_at", "created_at: expected integer, got 'yesterday'"),
    (lambda u: u.__setitem__("subscription", None), "subscription",
     "subscription: expected object SubscriptionResponseModel, got null"),
    (lambda u: u.__setitem__("subscription", [1]), "subscription",
     "subscription: expected object SubscriptionResponseModel, got array"),
    (lambda u: u.__setitem__("first_name", 42), "first_name", "first_name: expected string, got integer"),
]  # fmt: skip


def _read(model: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        model = getattr(model, part)
    return model


@pytest.mark.parametrize(("change", "path", "text"), DRIFTS, ids=[d[1] + ":" + d[2].split(": ")[1] for d in DRIFTS])
def test_a_drifted_field_raises_when_read_and_the_rest_reads_normally(
    httpserver: HTTPServer, client_for: Callable[..., Any], user: dict[str, Any], change: Any, path: str, text: str
) -> None:
    change(user)
    httpserver.expect_request("/v1/user").respond_with_json(user)
    parsed = get_user.sync(client=client_for(httpserver.url_for("")))  # the call does not fail
    assert isinstance(parsed, UserResponseModel)
    assert parsed.is_new_user is False  # an intact field reads normally
    with pytest.raises(errors.ResponseValidationError) as caught:
        _read(parsed, path)
    assert text in caught.value.violations
    assert parsed.to_dict() == user  # what was received, unchanged
    assert "<broken>" in repr(parsed)  # repr never raises


def test_types_stay_truthful_a_wrong_value_is_never_handed_out(user: dict[str, Any]) -> None:
    user["subscription"]["character_count"] = "many"
    parsed = UserResponseModel.from_dict(user)
    assert getattr(parsed.subscription, "character_count", None) is None  # absent, not a str in an int field
    assert not hasattr(parsed.subscription, "character_count")
    assert isinstance(parsed.subscription.character_limit, int)


def test_one_warning_per_path(
    httpserver: HTTPServer,
    client_for: Callable[..., Any],
    user: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_parse, "_warned", set())  # once per process: start afresh, whatever ran before
    user["subscription"]["voice_slots_used"] = "a few"
    httpserver.expect_request("/v1/user").respond_with_json(user)
    client = client_for(httpserver.url_for(""))
    with caplog.at_level(logging.WARNING, logger="elevenlabs_user_client"):
        for _ in range(3):
            get_user.sync(client=client)
    warnings = [r for r in caplog.records if "subscription.voice_slots_used" in r.getMessage()]
    assert len(warnings) == 1
    assert "expected integer, got 'a few'" in warnings[0].getMessage()


def test_strict_mode_still_raises_at_parse(
    httpserver: HTTPServer, client_for: Callable[..., Any], user: dict[str, Any]
) -> None:
    user["subscription"]["character_count"] = "many"
    httpserver.expect_request("/v1/user").respond_with_json(user)
    with pytest.raises(errors.ResponseValidationError, match="character_count: expected integer"):
        get_user.sync(client=client_for(httpserver.url_for(""), strict=True))


def test_drift_in_a_list_item_names_its_index_async(
    httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Callable[[str], Any]
) -> None:
    body = load_fixture("upstream-example-extended-subscription.json")
    body["open_invoices"][0]["amount_due_cents"] = "ten"
    httpserver.expect_request("/v1/user/subscription").respond_with_json(body)
    parsed = asyncio.run(get_user_subscription.asyncio(client=client_for(httpserver.url_for(""))))
    assert isinstance(parsed, ExtendedSubscriptionResponseModel)
    with pytest.raises(errors.ResponseValidationError) as caught:
        _ = parsed.open_invoices[0].amount_due_cents
    assert caught.value.violations == ["open_invoices[0].amount_due_cents: expected integer, got 'ten'"]
    assert parsed.to_dict() == body


def test_the_field_error_pickles(user: dict[str, Any]) -> None:
    user.pop("user_id")
    parsed = UserResponseModel.from_dict(user)
    with pytest.raises(errors.ResponseValidationError) as caught:
        _ = parsed.user_id
    again = pickle.loads(pickle.dumps(caught.value))
    assert again.violations == caught.value.violations


@pytest.mark.parametrize("fixture", ["subscription-cancellation.json", "subscription-switch-with-invoices.json"])
def test_a_union_in_a_drifted_body_keeps_its_right_member(
    httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Callable[[str], Any], fixture: str
) -> None:
    # Drift elsewhere in the body puts the whole parse in drift mode; `pending_change` (switch | cancellation) must
    # still come back as the member its object is, not as the first member with broken fields.
    body = load_fixture(fixture)
    expected = {"cancellation": "PendingCancellationResponseModel", "change": "PendingSubscriptionSwitchResponseModel"}
    body["character_count"] = "many"
    httpserver.expect_request("/v1/user/subscription").respond_with_json(body)
    parsed = get_user_subscription.sync(client=client_for(httpserver.url_for("")))
    assert type(parsed.pending_change).__name__ == expected[body["pending_change"]["kind"]]
    assert "<broken>" not in repr(parsed.pending_change)
    with pytest.raises(errors.ResponseValidationError, match="character_count: expected integer"):
        _ = parsed.character_count


# --- Forward compatibility (unknown fields and enum values), lenient and strict parsing, secret fields in repr.

SUBSCRIPTION = "SubscriptionResponseModel"
# Values the spec does not list, derived from it: they stay unknown whatever upstream adds.
UNKNOWN_STATUS = not_in_enum("SubscriptionStatusType", "paused")
UNKNOWN_SEAT = not_in_enum("SeatType", "guest")


def test_unknown_fields_round_trip_nested_ones_too(user: dict[str, Any]) -> None:
    # Names the spec does not declare, derived from it: they stay unknown whatever upstream adds.
    new_field = not_a_property("UserResponseModel", "brand_new_field")
    new_counter = not_a_property("SubscriptionResponseModel", "new_counter")
    user[new_field] = {"nested": [1, 2]}
    user["subscription"][new_counter] = 7
    parsed = UserResponseModel.from_dict(copy.deepcopy(user))
    assert parsed[new_field] == {"nested": [1, 2]}
    assert parsed.subscription[new_counter] == 7
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


def test_models_compare_as_attrs_classes_do(user: dict[str, Any]) -> None:
    # == is model_eq (one function in the runtime, not an __eq__ compiled per class): same class and equal fields.
    parsed, again = UserResponseModel.from_dict(user), UserResponseModel.from_dict(copy.deepcopy(user))
    assert parsed == again and (parsed != again) is False and parsed is not again
    again.subscription.character_count += 1
    assert parsed != again and parsed.subscription != again.subscription  # nested models compare the same way
    again = UserResponseModel.from_dict(copy.deepcopy(user))
    again.additional_properties[not_a_property("UserResponseModel", "extra")] = 1
    assert parsed != again  # unknown fields count
    assert parsed != user and (parsed == user) is False  # another class: NotImplemented, then identity
    with pytest.raises(TypeError, match="unhashable"):
        hash(parsed)  # mutable, like attrs' eq=True classes
    drifted = copy.deepcopy(user)
    drifted["first_name"] = 42
    with pytest.raises(errors.BrokenFieldError, match="first_name"):
        _ = UserResponseModel.from_dict(drifted) == parsed  # a broken field raises when compared, as when read


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


# --- Strict mode: a value that matches no member of a union names the closest member and its deepest failing path.

SWITCH_BODY = "subscription-switch-with-invoices.json"


def _not_a_billing_period(value: str = "weekly") -> str:
    """A period the spec does not list, whatever ElevenLabs adds tomorrow."""
    while value in {member.value for member in BillingPeriod}:
        value += "_not_yet"
    return value


UNKNOWN_PERIOD = _not_a_billing_period()
# The members named in the message (others ElevenLabs may add tomorrow may stand between them).
MEMBERS = ("object PendingSubscriptionSwitchResponseModel", "object PendingCancellationResponseModel", "null")


@pytest.mark.parametrize(
    ("pending_change", "expected"),
    [
        # A switch with one bad field: the switch is closest, and the field is named.
        (
            {"kind": "change", "next_tier": "pro", "next_billing_period": "annual_period", "timestamp_seconds": "soon"},
            "closest, object PendingSubscriptionSwitchResponseModel: "
            "pending_change.timestamp_seconds: expected integer, got 'soon'",
        ),
        # Deeper than a field: an enum inside the switch.
        (
            {"kind": "change", "next_tier": "pro", "next_billing_period": UNKNOWN_PERIOD, "timestamp_seconds": 1},
            "closest, object PendingSubscriptionSwitchResponseModel: pending_change.next_billing_period: "
            f"unknown BillingPeriod value '{UNKNOWN_PERIOD}'",
        ),
        # Fewer problems wins a tie of depth: a cancellation missing its timestamp.
        (
            {"kind": "cancellation"},
            "closest, object PendingCancellationResponseModel: "
            "pending_change.timestamp_seconds: required field missing",
        ),
    ],
)
def test_the_closest_member_and_its_deepest_path_are_named(
    load_fixture: Callable[[str], Any], pending_change: dict[str, Any], expected: str
) -> None:
    body = load_fixture(SWITCH_BODY)
    body["pending_change"] = pending_change
    with pytest.raises(errors.ResponseValidationError) as caught:
        ExtendedSubscriptionResponseModel.from_dict(body, strict=True)
    assert len(caught.value.violations) == 1  # one wrong value, one problem
    (violation,) = caught.value.violations
    assert violation.startswith("pending_change: expected ") and ", got object; " in violation
    assert all(member in violation.split(", got ")[0] for member in MEMBERS)
    assert expected in violation


@pytest.mark.parametrize(("value", "got"), [(5, "integer"), ("soon", "'soon'"), ([], "array")])
def test_a_value_of_no_member_type_says_only_what_it_is(
    load_fixture: Callable[[str], Any], value: object, got: str
) -> None:
    body = load_fixture(SWITCH_BODY)
    body["pending_change"] = value
    with pytest.raises(errors.ResponseValidationError) as caught:
        ExtendedSubscriptionResponseModel.from_dict(body, strict=True)
    (violation,) = caught.value.violations
    assert violation.startswith("pending_change: expected ") and violation.endswith(f", got {got}")
    assert all(member in violation for member in MEMBERS) and "closest" not in violation


def test_a_strict_client_reports_the_path_too(
    httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Callable[[str], Any]
) -> None:
    body = load_fixture(SWITCH_BODY)
    body["pending_change"]["timestamp_seconds"] = "soon"
    httpserver.expect_request("/v1/user/subscription").respond_with_json(body)
    client = client_for(httpserver.url_for(""), strict=True)
    with pytest.raises(errors.ResponseValidationError, match=r"pending_change\.timestamp_seconds: expected integer"):
        get_user_subscription.sync(client=client)
    answer = get_user_subscription.sync_detailed(client=client)
    assert answer.parsed is None and "pending_change.timestamp_seconds" in str(answer.error)
