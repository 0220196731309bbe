"""`elevenlabs-user`, the quota command shipped in the package: summary, --json, thresholds and exit codes, errors,
against the loopback mock; and the command from a wheel installed in a fresh virtual environment."""

from __future__ import annotations

import ast
import contextlib
import json
import subprocess
import sys
from typing import Any

import pytest
from elevenlabs_user_client import cli
from elevenlabs_user_client.models import ExtendedSubscriptionResponseModel, UserResponseModel

from scripts import mock_api
from scripts.paths import PACKAGE_DIR

CANARY_KEY = "canary-key-7f3a9c1e5b"
SWITCH = "subscription-switch-with-invoices.json"  # 41,230 of 100,000 characters used: 41.23%


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Any:
    for name in ("ELEVENLABS_API_KEY", "ELEVENLABS_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    monkeypatch.setenv("TZ", "UTC")
    with mock_api.serve_account(CANARY_KEY) as running:
        yield running


def command(api: Any, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["--base-url", api.base_url, *args])
    out, err = capsys.readouterr()
    assert CANARY_KEY not in out + err
    return status, out, err


def models(user_file: str, subscription_file: str) -> tuple[UserResponseModel, ExtendedSubscriptionResponseModel]:
    return (
        UserResponseModel.from_dict(mock_api.load_fixture(user_file)),
        ExtendedSubscriptionResponseModel.from_dict(mock_api.load_fixture(subscription_file)),
    )


# --- the summary ------------------------------------------------------------------------------------------------------


def test_the_summary(api: Any, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = command(api, capsys)
    assert (status, err) == (0, "")
    assert out.startswith(f"ElevenLabs account ({api.base_url})\n")
    assert "tier creator, status active, billed monthly" in out
    assert "41,230 of 100,000 used" in out and "41.2%" in out
    assert "Next reset      2026-12-15" in out
    assert "7 of 30 used; professional 2 of 2" in out
    assert "switch to tier pro, billed annually, on 2026-12-15" in out
    assert "19.80 EUR, due 2026-12-15 (discounts: 10% off, 2.00 EUR off)" in out
    assert api.authenticated_paths == [mock_api.USER_PATH, mock_api.SUBSCRIPTION_PATH]


def test_json_for_machines(api: Any, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = command(api, capsys, "--json", "--warn-at", "80")
    data = json.loads(out)
    assert status == 0 and data["status"] == "OK"
    assert data["source"] == api.base_url
    assert data["characters"] == {
        "used": 41230,
        "limit": 100000,
        "percent": pytest.approx(41.23),
        "remaining": 58770,
        "next_reset_unix": 1797336000,
        "next_reset": "2026-12-15T12:00:00+00:00",
    }
    assert data["plan"] == {
        "tier": "creator",
        "status": "active",
        "billing_period": "monthly_period",
        "currency": "eur",
    }
    assert data["pending_change"]["kind"] == "switch" and data["pending_change"]["next_tier"] == "pro"
    assert data["next_invoice"]["amount_due_cents"] == 1980
    assert data["next_invoice"]["discounts"] == ["10% off", "2.00 EUR off"]
    assert data["thresholds"] == {"warn_at": 80.0, "critical_at": None}


@pytest.mark.parametrize(
    ("thresholds", "status", "word"),
    [
        ([], 0, None),
        (["--warn-at", "50"], 0, "OK"),
        (["--warn-at", "41.23"], 1, "WARNING"),  # reaching the threshold counts
        (["--warn-at", "40", "--critical-at", "90"], 1, "WARNING"),
        (["--warn-at", "40", "--critical-at", "41"], 2, "CRITICAL"),
        (["--critical-at", "41"], 2, "CRITICAL"),
        (["--critical-at", "95"], 0, "OK"),
        (["--warn-at", "0"], 1, "WARNING"),
    ],
)
def test_thresholds_set_the_exit_status(
    api: Any, capsys: pytest.CaptureFixture[str], thresholds: list[str], status: int, word: str | None
) -> None:
    got, out, _ = command(api, capsys, *thresholds)
    assert got == status
    first = out.splitlines()[0]
    if word is None:
        assert first.startswith("ElevenLabs account")
    else:
        assert first.startswith(f"QUOTA {word} - 41.2% of the character quota used")
        assert "| used_percent=41.2%;" in first
    _, out, _ = command(api, capsys, "--json", *thresholds)
    assert json.loads(out)["status"] == (word or "OK")


def test_an_account_without_a_limit_is_unknown_to_thresholds(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    body = mock_api.load_fixture(SWITCH)
    body["character_limit"] = 0
    with mock_api.serve_account(CANARY_KEY, subscription_body=body) as api:
        assert command(api, capsys)[0] == 0
        status, out, _ = command(api, capsys, "--warn-at", "80")
    assert status == 3 and out.startswith("QUOTA UNKNOWN - the account reports no positive character limit")


# --- errors: one line on stderr, exit 3, no traceback, no key ---------------------------------------------------------


def test_a_rejected_key(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    with mock_api.serve_account("the-key-the-server-expects") as api:
        status, out, err = command(api, capsys, "--warn-at", "80")
    assert (status, out) == (3, "QUOTA UNKNOWN - GET /v1/user failed\n")  # the status line monitoring shows
    assert err.startswith("elevenlabs-user: GET /v1/user failed: AuthenticationError: 401")
    assert "Invalid API key" in err and "Traceback" not in err and err.count("\n") == 1


def test_no_key(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("ELEVENLABS_API_KEY", raising=False)
    assert cli.main(["--base-url", "http://127.0.0.1:1"]) == 3
    assert capsys.readouterr().err == "elevenlabs-user: no API key: set the ELEVENLABS_API_KEY environment variable\n"


def test_no_server(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    assert cli.main(["--base-url", "http://127.0.0.1:1", "--timeout", "2"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("elevenlabs-user: GET /v1/user failed: APIConnectionError")
    assert CANARY_KEY not in err


def test_a_body_that_is_not_json(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    with mock_api.serve_account(CANARY_KEY, subscription_body=["not", "an", "object"]) as api:
        status, _, err = command(api, capsys)
    assert status == 3 and err.startswith("elevenlabs-user: GET /v1/user/subscription failed: ResponseDecodeError")


def test_values_the_summary_cannot_show(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    body = mock_api.load_fixture(SWITCH)
    body["next_character_count_reset_unix"] = 10**20  # lenient parsing keeps it; no date has it
    with mock_api.serve_account(CANARY_KEY, subscription_body=body) as api:
        status, _, err = command(api, capsys)
    assert status == 3 and "values the summary cannot show" in err


def test_a_key_echoed_by_the_server_is_masked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    echo = {"detail": {"status": "invalid_api_key", "message": f"Invalid API key {CANARY_KEY}"}}
    monkeypatch.setattr(mock_api, "INVALID_API_KEY_BODY", echo)
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    with mock_api.serve_account("another-key") as api:
        status, _, err = command(api, capsys)  # asserts the key is in neither stream
    assert status == 3 and "Invalid API key" in err


@pytest.mark.parametrize(
    "args",
    [["--warn-at", "x"], ["--warn-at", "-5"], ["--critical-at", "2000"], ["--timeout", "0"], ["--region", "mars"],
     ["--base-url", "http://a", "--region", "us"], ["--no-such-flag"]],
)  # fmt: skip
def test_bad_arguments_exit_3_not_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(args)
    assert caught.value.code == 3  # argparse's own 2 would read as CRITICAL
    assert "elevenlabs-user: error:" in capsys.readouterr().err


def test_warn_above_critical_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--warn-at", "90", "--critical-at", "80"]) == 3
    assert "--warn-at 90 is above --critical-at 80" in capsys.readouterr().err


def test_regions_are_the_specs() -> None:
    assert cli.REGIONS["eu_residency"] == "https://api.eu.residency.elevenlabs.io"
    assert set(cli.REGIONS.values()) == set(cli.Region)


def test_the_command_uses_the_standard_library_only() -> None:
    tree = ast.parse((PACKAGE_DIR / "cli.py").read_text(encoding="utf-8"))
    absolute = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    absolute |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 0}
    assert absolute and absolute <= sys.stdlib_module_names, absolute - sys.stdlib_module_names


# --- presentation -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("used", "limit", "bar", "percent"),
    [
        (0, 100, "[" + "-" * 30 + "]", 0.0),
        (50, 100, "[" + "#" * 15 + "-" * 15 + "]", 50.0),
        (100, 100, "[" + "#" * 30 + "]", 100.0),
        (150, 100, "[" + "#" * 30 + "]", 150.0),
        (5, 0, "[" + "#" * 30 + "]", None),
    ],
)
def test_usage_bar_and_percentage(used: int, limit: int, bar: str, percent: float | None) -> None:
    assert cli.usage_bar(used, limit) == bar
    assert cli.usage_percent(used, limit) == percent


@pytest.mark.parametrize(
    ("percent", "warn", "critical", "status"),
    [(None, None, None, 0), (None, 80, None, 3), (79.9, 80, 95, 0), (80, 80, 95, 1), (95, 80, 95, 2),
     (120, None, 95, 2), (120, 80, None, 1), (0, 0, None, 1)],
)  # fmt: skip
def test_quota_status_table(percent: float | None, warn: float | None, critical: float | None, status: int) -> None:
    assert cli.quota_status(percent, warn, critical) == status


def test_credit_extension_reads_unlimited_zero_and_amounts() -> None:
    _, sub = models("user-all-optional.json", SWITCH)
    assert cli.describe_credit_extension(sub) == "up to 50,000 extra credits"
    sub.max_credit_limit_extension = "unlimited"
    assert cli.describe_credit_extension(sub) == "unlimited extra credits"
    sub.max_credit_limit_extension = 0
    assert cli.describe_credit_extension(sub) == "usage-based billing disabled"


def test_summary_of_a_cancellation_without_invoices() -> None:
    text = "\n".join(cli.summary_lines(*models("user-all-optional.json", "subscription-cancellation.json")))
    assert "Pending change  cancellation on " in text
    assert "Next invoice" not in text and "Open invoices" not in text
    assert "usage-based billing disabled" in text


def test_summary_when_everything_optional_is_null() -> None:
    user, sub = models("user-nulls.json", "subscription-nulls-unlimited.json")
    text = "\n".join(cli.summary_lines(user, sub))
    assert "(no first name) (fake-user-0002), workspace lite member" in text
    assert "Next reset      not scheduled" in text
    assert "unlimited extra credits" in text
    assert "Pending change" not in text and "Next invoice" not in text
    assert "Open invoices   0.00 INR, no payment attempt scheduled" in text  # -1: no attempt; empty discounts
    assert "discounts" not in text and "billed" not in text
    data = cli.summary_data(user, sub)
    assert data["characters"]["next_reset"] is None and data["pending_change"] is None
    assert data["plan"]["billing_period"] is None and data["user"]["first_name"] is None
    json.dumps(data)  # JSON-ready throughout


def test_money_and_periods() -> None:
    assert cli.money(123456, "eur") == "1,234.56 EUR"
    assert cli.money(5, None) == "0.05"
    assert cli.period_name("3_month_period") == "every 3 months"
    assert cli.period_name("someday_period") == "someday_period"


def test_values_the_spec_does_not_list_are_shown_as_they_came() -> None:
    from elevenlabs_user_client.models import SubscriptionStatusType

    unknown = "paused_for_winter"
    while unknown in {member.value for member in SubscriptionStatusType}:  # whatever the spec adds tomorrow
        unknown += "_not_yet"
    body = mock_api.load_fixture(SWITCH)
    body["status"] = unknown
    sub = ExtendedSubscriptionResponseModel.from_dict(body)
    assert cli.plan_line(sub).startswith(f"tier creator, status {unknown}")


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--base-url", "notaurl"], {}, "--base-url is not an http(s) URL: 'notaurl'"),
        (["--base-url", "http://[::1"], {}, "--base-url is not an http(s) URL"),
        (["--base-url", "http://h:99999"], {}, "--base-url is not an http(s) URL"),
        (["--base-url", "ftp://127.0.0.1"], {}, "--base-url is not an http(s) URL"),
        ([], {"ELEVENLABS_BASE_URL": "http://x:bad"}, "ELEVENLABS_BASE_URL is not an http(s) URL: 'http://x:bad'"),
    ],
)
def test_a_malformed_base_url_is_named_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    env: dict[str, str],
    message: str,
) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    monkeypatch.delenv("ELEVENLABS_BASE_URL", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cli.main(args) == 3
    err = capsys.readouterr().err
    assert err.startswith(f"elevenlabs-user: {message}") and "Traceback" not in err


def test_anything_unexpected_is_unknown_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(argv: object) -> tuple[int, str]:
        raise RuntimeError(f"boom with {CANARY_KEY}")

    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    monkeypatch.setattr(cli, "run", explode)
    assert cli.main([]) == 3
    assert capsys.readouterr().err == "elevenlabs-user: unexpected RuntimeError: boom with ***\n"


@pytest.mark.slow
def test_a_closed_pipe_ends_quietly(api: Any) -> None:
    reader = subprocess.Popen([sys.executable, "-c", "pass"], stdin=subprocess.PIPE)  # gone before anything is written
    reader.wait(timeout=10)
    assert reader.stdin is not None
    result = subprocess.run(
        [sys.executable, "-m", "elevenlabs_user_client.cli", "--base-url", api.base_url, "--json"],
        stdout=reader.stdin, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    reader.stdin.close()
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_a_field_that_arrived_broken_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import logging

    monkeypatch.setenv("ELEVENLABS_API_KEY", CANARY_KEY)
    body = mock_api.load_fixture(SWITCH)
    body["character_count"] = "many"  # lenient parsing keeps the model; reading this field raises
    with mock_api.serve_account(CANARY_KEY, subscription_body=body) as api:
        status, out, err = command(api, capsys, "--warn-at", "80")
    assert (status, out) == (3, "QUOTA UNKNOWN - the account data has values the summary cannot show\n")
    assert err.count("\n") == 1 and "character_count: expected integer, got 'many'" in err
    assert logging.getLogger("elevenlabs_user_client").level == logging.NOTSET  # restored for the caller


@pytest.mark.parametrize("args", [["--warn-at", "80"], ["--warn-at", "x"], []])
def test_unknown_prints_one_status_line_on_stdout_and_details_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    monkeypatch.delenv("ELEVENLABS_API_KEY", raising=False)
    with pytest.raises(SystemExit) if "x" in args else contextlib.nullcontext():
        assert cli.main(args) == 3
    out, err = capsys.readouterr()
    assert out.count("\n") == 1 and out.startswith("QUOTA UNKNOWN - ") and err.startswith(("elevenlabs-user", "usage"))


def test_the_status_line_and_the_summary_give_the_characters_left(api: Any, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = command(api, capsys, "--critical-at", "95")
    first = out.splitlines()[0]
    assert status == 0 and "58,770 characters left" in first and "remaining_characters=58770" in first
    assert "41,230 of 100,000 used" in out and "58,770 left" in out
