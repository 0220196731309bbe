"""The key in no frame a crash reporter would send: every local of the package's frames in a raised error's
traceback either does not hold the key (in any form its repr shows) or has a name reporters scrub (Sentry's default
denylist), on construction errors and failed calls alike."""

from __future__ import annotations

import asyncio
import types
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from elevenlabs_user_client import AuthenticatedClient, errors
from elevenlabs_user_client.api.user import get_user

from scripts.paths import PACKAGE_DIR

KEY = "sk_frames_0123456789abcdef"
# Variable names Sentry's default EventScrubber replaces (sentry_sdk.scrubber.DEFAULT_DENYLIST, the part that
# names secrets): a local of one of these names may hold the key.
SCRUBBED = {"password", "passwd", "secret", "api_key", "apikey", "auth", "credentials", "privatekey", "private_key",
            "token", "session", "x_api_key", "authorization", "cookie", "set_cookie"}  # fmt: skip


def _package_frames(err: BaseException | None) -> Iterator[types.FrameType]:
    """The package's frames in `err`'s traceback and in those of every exception chained to it (some reporters
    follow `__context__` even where `raise ... from None` hides it)."""
    seen: set[int] = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        tb = err.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename.startswith(str(PACKAGE_DIR)):
                yield tb.tb_frame
            tb = tb.tb_next
        err = err.__cause__ or err.__context__


def _leaks(err: BaseException, key: str) -> list[str]:
    found = []
    for frame in _package_frames(err):
        for name, value in frame.f_locals.items():
            if name.lower() not in SCRUBBED and key in repr(value):
                found.append(f"{frame.f_code.co_name}: {name}")
    return found


def _raised(action: Callable[[], Any]) -> BaseException:
    try:
        action()
    except errors.ElevenLabsError as err:
        return err
    raise AssertionError("nothing raised")


CONSTRUCTION = [
    lambda: AuthenticatedClient(base_url="https://api.example.invalid", token=KEY + "é"),
    lambda: AuthenticatedClient.from_env(KEY + "é", base_url="https://api.example.invalid"),
    lambda: AuthenticatedClient(base_url="https://api.example.invalid", token=KEY + "\n" + KEY),
    lambda: AuthenticatedClient(base_url="ftp://nowhere", token=KEY),
]


@pytest.mark.parametrize("build", CONSTRUCTION, ids=["non-ascii", "from-env", "newline", "bad-base-url"])
def test_construction_errors_keep_the_key_out_of_unscrubbed_locals(build: Callable[[], Any]) -> None:
    err = _raised(build)
    assert list(_package_frames(err)), "the error was raised outside the package"
    assert _leaks(err, KEY[:-4]) == []


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_failed_calls_keep_the_key_out_of_unscrubbed_locals(mode: str) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    client = AuthenticatedClient(
        base_url="https://api.example.invalid",
        token=KEY,
        max_retries=0,
        httpx_args={"transport": httpx.MockTransport(refuse)},
    )
    call = (
        (lambda: get_user.sync(client=client))
        if mode == "sync"
        else (lambda: asyncio.run(get_user.asyncio(client=client)))
    )
    err = _raised(call)
    assert list(_package_frames(err))
    assert _leaks(err, KEY) == []
