"""Strict mode: a value that matches no member of a union names the closest member and its deepest failing path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from elevenlabs_user_client import errors
from elevenlabs_user_client.api.user import get_user_subscription
from elevenlabs_user_client.models import BillingPeriod, ExtendedSubscriptionResponseModel
from pytest_httpserver import HTTPServer

SUBSCRIPTION = "subscription-switch-with-invoices.json"


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
    body = load_fixture(SUBSCRIPTION)
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
    body = load_fixture(SUBSCRIPTION)
    body["pending_change"] = value
    with pytest.raises(errors.ResponseValidationError) as caught:
        ExtendedSubscriptionResponseModel.from_dict(body, strict=True)
    (violation,) = caught.value.violations
    assert violation.startswith("pending_change: expected ") and violation.endswith(f", got {got}")
    assert all(member in violation for member in MEMBERS) and "closest" not in violation


def test_a_strict_client_reports_the_path_too(
    httpserver: HTTPServer, client_for: Callable[..., Any], load_fixture: Callable[[str], Any]
) -> None:
    body = load_fixture(SUBSCRIPTION)
    body["pending_change"]["timestamp_seconds"] = "soon"
    httpserver.expect_request("/v1/user/subscription").respond_with_json(body)
    client = client_for(httpserver.url_for(""), strict=True)
    with pytest.raises(errors.ResponseValidationError, match=r"pending_change\.timestamp_seconds: expected integer"):
        get_user_subscription.sync(client=client)
    answer = get_user_subscription.sync_detailed(client=client)
    assert answer.parsed is None and "pending_change.timestamp_seconds" in str(answer.error)
