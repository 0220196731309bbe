"""`make demo`: the summary it prints, the loopback mock it uses, and the API key it must never show."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import httpx
import pytest
from elevenlabs_user_client.models import (
    ExtendedSubscriptionResponseModel,
    PendingCancellationResponseModel,
    UserResponseModel,
)
from spec_schemas import not_in_enum

from scripts import demo, mock_api
from scripts.paths import ROOT

CANARY_KEY = "canary-key-7f3a9c1e5b"


def fixture(name: str) -> Any:
    return mock_api.load_fixture(name)


def run_demo(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ELEVENLABS_")}
    return subprocess.run(
        [sys.executable, "-m", "scripts.demo"],
        cwd=ROOT,
        env={**clean, "TZ": "UTC", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def account(user_file: str, subscription_file: str) -> demo.Account:
    return demo.Account(
        user=UserResponseModel.from_dict(fixture(user_file)),
        subscription=ExtendedSubscriptionResponseModel.from_dict(fixture(subscription_file)),
    )


# --- end to end ------------------------------------------------------------------------------


@pytest.mark.slow
def test_without_a_key_the_demo_summarises_the_mock_account() -> None:
    result = run_demo()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "tier creator, status active, billed monthly" in out
    assert "41,230 of 100,000 used" in out and "41.2%" in out
    assert "Next reset      2026-12-15" in out
    assert "7 of 30 used; professional 2 of 2" in out
    assert "switch to tier pro, billed annually, on 2026-12-15" in out
    assert "19.80 EUR, due 2026-12-15 (discounts: 10% off, 2.00 EUR off)" in out
    assert result.stderr == ""


@pytest.mark.slow
def test_with_a_key_the_demo_calls_that_server_and_never_shows_the_key() -> None:
    with mock_api.serve_account(CANARY_KEY) as api:
        result = run_demo(ELEVENLABS_API_KEY=CANARY_KEY, ELEVENLABS_BASE_URL=api.base_url)
    assert result.returncode == 0, result.stderr
    assert api.authenticated_paths == [mock_api.USER_PATH, mock_api.SUBSCRIPTION_PATH]
    assert api.rejected_paths == []
    assert api.base_url in result.stdout
    assert CANARY_KEY not in result.stdout + result.stderr


@pytest.mark.slow
def test_a_rejected_key_fails_with_the_reason_and_without_the_key() -> None:
    with mock_api.serve_account("the-key-the-server-expects") as api:
        result = run_demo(ELEVENLABS_API_KEY=CANARY_KEY, ELEVENLABS_BASE_URL=api.base_url)
    assert result.returncode == 1
    assert api.rejected_paths == [mock_api.USER_PATH]
    assert "GET /v1/user failed" in result.stderr and "Invalid API key" in result.stderr
    assert CANARY_KEY not in result.stdout + result.stderr


def test_the_key_stays_hidden_even_when_a_server_echoes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    echo = {"detail": {"status": "invalid_api_key", "message": f"Invalid API key {CANARY_KEY}"}}
    monkeypatch.setattr(mock_api, "INVALID_API_KEY_BODY", echo)
    with mock_api.serve_account("another-key") as api:
        monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
        monkeypatch.setenv("ELEVENLABS_BASE_URL", api.base_url)
        with pytest.raises(demo.DemoError) as caught:
            demo.run()
    assert CANARY_KEY not in str(caught.value)


def test_main_reports_failure_on_stderr_with_exit_status_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    with mock_api.serve_account("another-key") as api:
        monkeypatch.setenv("ELEVENLABS_BASE_URL", api.base_url)
        assert demo.main() == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("demo failed: GET /v1/user failed:")
    assert CANARY_KEY not in captured.err


# --- the mock ----------------------------------------------------------------------------------


def test_mock_answers_a_missing_or_wrong_key_like_elevenlabs() -> None:
    with mock_api.serve_account(CANARY_KEY) as api:
        missing = httpx.get(api.base_url + mock_api.USER_PATH)
        wrong = httpx.get(api.base_url + mock_api.SUBSCRIPTION_PATH, headers={"xi-api-key": "nope"})
        bearer = httpx.get(api.base_url + mock_api.USER_PATH, headers={"Authorization": f"Bearer {CANARY_KEY}"})
        right = httpx.get(api.base_url + mock_api.SUBSCRIPTION_PATH, headers={"xi-api-key": CANARY_KEY})
    for response in (missing, wrong, bearer):
        assert response.status_code == 401
        assert response.json() == {"detail": {"status": "invalid_api_key", "message": "Invalid API key"}}
    assert right.status_code == 200
    assert right.json() == fixture(mock_api.DEFAULT_SUBSCRIPTION_FIXTURE)
    assert api.rejected_paths == [mock_api.USER_PATH, mock_api.SUBSCRIPTION_PATH, mock_api.USER_PATH]


def test_mock_serves_bodies_it_is_given() -> None:
    body = fixture("user-nulls.json")
    with mock_api.serve_account(CANARY_KEY, user_body=body) as api:
        response = httpx.get(api.base_url + mock_api.USER_PATH, headers={"xi-api-key": CANARY_KEY})
    assert response.json() == body


def test_mock_names_a_missing_fixture_file() -> None:
    with pytest.raises(mock_api.FixtureError, match="no-such-fixture.json"):
        mock_api.load_fixture("no-such-fixture.json")


def test_the_mock_does_not_keep_its_key_in_reprs() -> None:
    with mock_api.serve_account(CANARY_KEY) as api:
        httpx.get(api.base_url + mock_api.USER_PATH, headers={"xi-api-key": CANARY_KEY})
        assert CANARY_KEY not in repr(api)


# --- presentation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("used", "limit", "bar", "percent"),
    [
        (0, 100, "[" + "-" * 30 + "]", "0.0%"),
        (50, 100, "[" + "#" * 15 + "-" * 15 + "]", "50.0%"),
        (100, 100, "[" + "#" * 30 + "]", "100.0%"),
        (150, 100, "[" + "#" * 30 + "]", "150.0%"),
        (5, 0, "[" + "#" * 30 + "]", "n/a"),
    ],
)
def test_usage_bar_and_percentage(used: int, limit: int, bar: str, percent: str) -> None:
    assert demo.usage_bar(used, limit) == bar
    assert demo.usage_percent(used, limit) == percent


def test_credit_extension_reads_unlimited_zero_and_amounts() -> None:
    sub = ExtendedSubscriptionResponseModel.from_dict(fixture("subscription-switch-with-invoices.json"))
    assert demo.describe_credit_extension(sub) == "up to 50,000 extra credits"
    sub.max_credit_limit_extension = "unlimited"
    assert demo.describe_credit_extension(sub) == "unlimited extra credits"
    sub.max_credit_limit_extension = 0
    assert demo.describe_credit_extension(sub) == "usage-based billing disabled"


def test_summary_of_a_cancellation_without_invoices() -> None:
    cancelled = account("user-all-optional.json", "subscription-cancellation.json")
    assert isinstance(cancelled.subscription.pending_change, PendingCancellationResponseModel)
    text = "\n".join(demo.summary_lines(cancelled))
    assert "Pending change  cancellation on " in text
    assert "Next invoice" not in text and "Open invoices" not in text
    assert "usage-based billing disabled" in text


def test_summary_when_everything_optional_is_null() -> None:
    text = "\n".join(demo.summary_lines(account("user-nulls.json", "subscription-nulls-unlimited.json")))
    assert "(no first name) (fake-user-0002), workspace lite member" in text
    assert "Next reset      not scheduled" in text
    assert "unlimited extra credits" in text
    assert "Pending change" not in text and "Next invoice" not in text
    # The open invoice has no payment attempt (-1) and only empty discounts.
    assert "Open invoices   0.00 INR, no payment attempt scheduled" in text
    assert "discounts" not in text
    assert "billed" not in text


def test_money_and_periods() -> None:
    assert demo.money(123456, "eur") == "1,234.56 EUR"
    assert demo.money(5, None) == "0.05"
    assert demo.period_name("3_month_period") == "every 3 months"
    assert demo.period_name("someday_period") == "someday_period"


def test_off_spec_values_from_a_lenient_parse_end_in_a_demo_error() -> None:
    odd = account("user-all-optional.json", "subscription-switch-with-invoices.json")
    odd.subscription.character_count = None  # type: ignore[assignment]  # as lenient parsing may keep it
    with pytest.raises(demo.DemoError, match="values the summary cannot show"):
        demo.summarise(odd, source="test")


def test_values_the_spec_does_not_list_are_shown_as_they_came() -> None:
    body = fixture("subscription-switch-with-invoices.json")
    unknown = not_in_enum("SubscriptionStatusType", "paused_for_winter")
    body["status"] = unknown
    sub = ExtendedSubscriptionResponseModel.from_dict(body)
    assert demo.plan_line(sub).startswith(f"tier creator, status {unknown}")
