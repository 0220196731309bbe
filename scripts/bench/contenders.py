"""How each contender is built and called: raw httpx (the floor), this client (default and strict), the official SDK.

The generated runtime is still growing (strict mode, `from_env`, the `xi-api-key` default), so every optional
feature is looked up before use: a contender the installed client cannot build becomes an "n/a: <reason>" row.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from scripts.bench.bodies import BENCH_KEY

FLOOR = "raw httpx"
DEFAULT = "this client"
STRICT = "this client, strict"
SDK = "elevenlabs SDK"
ORDER = (FLOOR, DEFAULT, STRICT, SDK)


@dataclass
class Contender:
    name: str
    call: Callable[[], Any] | None = None
    acall: Callable[[], Awaitable[Any]] | None = None
    unavailable: str | None = None
    closers: list[Callable[[], Any]] = field(default_factory=list)


def client_kwargs(**wanted: Any) -> tuple[dict[str, Any], str | None]:
    """Keyword arguments for AuthenticatedClient, keeping only those the installed runtime accepts.

    Returns the kwargs and, if a wanted feature is missing, the reason (e.g. strict mode not generated yet).
    """
    from elevenlabs_user_client import AuthenticatedClient, client

    # The settings are the constructor's parameters, or (since 0.3) `client.Settings`, which it takes as **settings.
    settings = getattr(getattr(client, "Settings", None), "__annotations__", {})
    accepted = {*inspect.signature(AuthenticatedClient).parameters, *settings}
    kwargs: dict[str, Any] = {}
    # Older runtimes default to `Authorization: Bearer`; ElevenLabs wants the bare key in `xi-api-key`.
    if "auth_header_name" in accepted:
        kwargs.update(prefix="", auth_header_name="xi-api-key")
    for name, value in wanted.items():
        if name not in accepted:
            return kwargs, f"AuthenticatedClient has no `{name}` option yet"
        kwargs[name] = value
    return kwargs, None


def build_this_client(base_url: str, *, strict: bool = False, httpx_args: dict[str, Any] | None = None) -> Any:
    """An AuthenticatedClient for the loopback server, or raise LookupError if the runtime lacks a feature."""
    from elevenlabs_user_client import AuthenticatedClient

    wanted: dict[str, Any] = {"strict": True} if strict else {}
    if httpx_args:
        wanted["httpx_args"] = httpx_args
    kwargs, missing = client_kwargs(**wanted)
    if missing:
        raise LookupError(missing)
    return AuthenticatedClient(base_url=base_url, token=BENCH_KEY, **kwargs)


def _raw(base_url: str) -> Contender:
    sync = httpx.Client(base_url=base_url, headers={"xi-api-key": BENCH_KEY})
    aio = httpx.AsyncClient(base_url=base_url, headers={"xi-api-key": BENCH_KEY})

    async def acall() -> Any:
        return (await aio.get("/v1/user")).json()

    return Contender(FLOOR, lambda: sync.get("/v1/user").json(), acall, closers=[sync.close, aio.aclose])


def _this(name: str, base_url: str, strict: bool) -> Contender:
    from elevenlabs_user_client.api.user import get_user

    try:
        sync = build_this_client(base_url, strict=strict)
        aio = build_this_client(base_url, strict=strict)
    except LookupError as missing:
        return Contender(name, unavailable=str(missing))

    async def acall() -> Any:
        return await get_user.asyncio(client=aio)

    closers = [lambda: sync.get_httpx_client().close(), lambda: aio.get_async_httpx_client().aclose()]
    return Contender(name, lambda: get_user.sync(client=sync), acall, closers=closers)


def _sdk(base_url: str) -> Contender:
    from elevenlabs import AsyncElevenLabs, ElevenLabs

    sync = ElevenLabs(api_key=BENCH_KEY, base_url=base_url)
    aio = AsyncElevenLabs(api_key=BENCH_KEY, base_url=base_url)

    async def acall() -> Any:
        return await aio.user.get()

    return Contender(SDK, lambda: sync.user.get(), acall)


def build_all(base_url: str) -> list[Contender]:
    return [_raw(base_url), _this(DEFAULT, base_url, False), _this(STRICT, base_url, True), _sdk(base_url)]


EXPECTED_RESULT = {FLOOR: "dict", DEFAULT: "UserResponseModel", STRICT: "UserResponseModel", SDK: "User"}


def check_result(name: str, result: Any) -> None:
    """A contender that gets an error body back would look fast: make sure each one really parsed a user."""
    got = type(result).__name__
    if got != EXPECTED_RESULT[name]:
        raise RuntimeError(f"{name} returned {got} instead of {EXPECTED_RESULT[name]}: {result!r:.200}")
