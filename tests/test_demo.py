"""`make demo`: the `elevenlabs-user` command against the loopback mock (or your key's server), the mock itself, and
the API key it must never show."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import httpx
import pytest

from scripts import mock_api
from scripts.paths import ROOT

CANARY_KEY = "canary-key-7f3a9c1e5b"


def fixture(name: str) -> Any:
    return mock_api.load_fixture(name)


def run_demo(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ELEVENLABS_")}
    return subprocess.run(
        [sys.executable, "-m", "scripts.demo", *args],
        cwd=ROOT,
        env={**clean, "TZ": "UTC", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


# --- end to end ------------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_without_a_key_the_demo_runs_the_command_against_the_mock() -> None:
    result = run_demo()
    assert result.returncode == 0, result.stderr
    command, *summary = result.stdout.splitlines()
    assert command.startswith("$ elevenlabs-user --base-url http://127.0.0.1:")
    assert "no ELEVENLABS_API_KEY: a loopback mock serves recorded fixtures" in command
    out = "\n".join(summary)
    assert summary[0].startswith("ElevenLabs account (http://127.0.0.1:")
    assert "tier creator, status active, billed monthly" in out
    assert "41,230 of 100,000 used" in out and "41.2%" in out
    assert "switch to tier pro, billed annually, on 2026-12-15" in out
    assert "19.80 EUR, due 2026-12-15 (discounts: 10% off, 2.00 EUR off)" in out
    assert result.stderr == ""


@pytest.mark.slow
def test_demo_arguments_reach_the_command() -> None:
    result = run_demo("--json", "--warn-at", "40")
    assert result.returncode == 1, result.stderr  # 41.2% used: WARNING
    assert '"status": "WARNING"' in result.stdout


@pytest.mark.slow
def test_with_a_key_the_demo_calls_that_server_and_never_shows_the_key() -> None:
    with mock_api.serve_account(CANARY_KEY) as api:
        result = run_demo(ELEVENLABS_API_KEY=CANARY_KEY, ELEVENLABS_BASE_URL=api.base_url)
    assert result.returncode == 0, result.stderr
    assert api.authenticated_paths == [mock_api.USER_PATH, mock_api.SUBSCRIPTION_PATH]
    assert api.rejected_paths == []
    assert result.stdout.startswith("$ elevenlabs-user    # your account: key from ELEVENLABS_API_KEY")
    assert api.base_url in result.stdout
    assert CANARY_KEY not in result.stdout + result.stderr


@pytest.mark.slow
def test_a_rejected_key_fails_with_the_reason_and_without_the_key() -> None:
    with mock_api.serve_account("the-key-the-server-expects") as api:
        result = run_demo(ELEVENLABS_API_KEY=CANARY_KEY, ELEVENLABS_BASE_URL=api.base_url)
    assert result.returncode == 3
    assert api.rejected_paths == [mock_api.USER_PATH]
    assert "GET /v1/user failed" in result.stderr and "Invalid API key" in result.stderr
    assert "Traceback" not in result.stderr
    assert CANARY_KEY not in result.stdout + result.stderr


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


def test_mock_answers_other_paths_with_404_and_keeps_connections_alive() -> None:
    with mock_api.serve_account(CANARY_KEY) as api, httpx.Client(base_url=api.base_url) as http:
        assert http.get("/v1/voices").status_code == 404
        for _ in range(3):
            http.get(mock_api.USER_PATH, headers={"xi-api-key": CANARY_KEY})
    assert len({r.client_port for r in api.requests}) == 1


# --- the Makefile's first contact ----------------------------------------------------------------------------------


def _make(*args: str) -> str:
    return subprocess.run(["make", "-s", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_plain_make_prints_the_help_listing_every_described_target() -> None:
    listing = _make()
    assert listing == _make("help")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    described = [line.split(":")[0] for line in makefile.splitlines() if line[:1].isalpha() and "## " in line]
    assert {"help", "demo", "docs", "test", "check", "generate"} <= set(described)
    for target in described:
        description = makefile.split(f"\n{target}:", 1)[1].split("## ", 1)[1].split("\n", 1)[0].strip()
        assert f"make {target} " in listing and description in listing, target


def test_the_demo_installs_the_runtime_only() -> None:
    """`make demo` must not wait for the development toolchain (mypy, hypothesis, pypiserver, the SDK, ...)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo_prerequisites = makefile.split("\ndemo:", 1)[1].split("##", 1)[0].split()
    assert demo_prerequisites == ["$(VENV)/.runtime-installed"]
    recipe = makefile.split("\n$(VENV)/.runtime-installed:", 1)[1].split("\n\n", 1)[0]
    assert "pip install --quiet -e ." in recipe and "--group" not in recipe
