"""A stand-in for the official `elevenlabs` SDK, for the bench's smoke test only (tests/test_bench.py): the entry
points the bench calls, over plain httpx, so that `make test` need not install the SDK and pydantic. `make bench`
installs and measures the real SDK (the `bench` dependency group)."""

from typing import Any

import httpx

from .types.subscription import Subscription
from .types.user import User

__all__ = ["AsyncElevenLabs", "ElevenLabs"]


class _Resource:
    def __init__(self, http: Any, base_url: str, key: str, path: str) -> None:
        self.http, self.url, self.headers = http, base_url.rstrip("/") + path, {"xi-api-key": key}

    def _parsed(self, response: httpx.Response) -> Any:
        response.raise_for_status()
        return (User if self.url.endswith("/v1/user") else Subscription)(**response.json())


class _Get(_Resource):
    def get(self) -> Any:
        return self._parsed(self.http.get(self.url, headers=self.headers))


class _AsyncGet(_Resource):
    async def get(self) -> Any:
        return self._parsed(await self.http.get(self.url, headers=self.headers))


class _User:
    def __init__(self, kind: type[_Get] | type[_AsyncGet], http: Any, base_url: str, key: str) -> None:
        self.get = kind(http, base_url, key, "/v1/user").get
        self.subscription = kind(http, base_url, key, "/v1/user/subscription")


class ElevenLabs:
    def __init__(self, *, api_key: str, base_url: str, httpx_client: httpx.Client | None = None) -> None:
        self.user = _User(_Get, httpx_client or httpx.Client(), base_url, api_key)


class AsyncElevenLabs:
    def __init__(self, *, api_key: str, base_url: str, httpx_client: httpx.AsyncClient | None = None) -> None:
        self.user = _User(_AsyncGet, httpx_client or httpx.AsyncClient(), base_url, api_key)
