"""Drift does not fail the call (lenient mode): a missing required field or a wrongly typed value leaves that field
unset; reading it raises ResponseValidationError naming path, expected type and what arrived; to_dict() gives back
what was received; one warning per path. Strict mode still raises at parse."""

from __future__ import annotations

import asyncio
import logging
import pickle
from collections.abc import Callable
from typing import Any

import pytest
from elevenlabs_user_client import _parse, errors
from elevenlabs_user_client.api.user import get_user, get_user_subscription
from elevenlabs_user_client.models import ExtendedSubscriptionResponseModel, UserResponseModel
from pytest_httpserver import HTTPServer


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
