"""HTTP clients for the ElevenLabs API: authentication, regions, timeouts, retries."""

import os
import ssl
from collections.abc import Mapping
from typing import Any, Self

import httpx
from attrs import define, evolve, field, validators
from httpx_retries import RetryTransport

from ._logging import install_log_redaction
from ._retry import RETRY_METHODS, RETRY_STATUSES, DeadlineExceeded, GuardTransport, RetryPolicy, WaitBeyondCeiling
from ._secrets import redact, register_secret
from ._types import UNSET, Unset
from ._version import USER_AGENT
from .errors import APITimeoutError, MissingAPIKeyError, error_for_transport
from .models.region import Region

API_KEY_ENV = "ELEVENLABS_API_KEY"
BASE_URL_ENV = "ELEVENLABS_BASE_URL"
# Per attempt. The User API answers small JSON documents well under a second: 5 s to connect and 10 s per read
# only pass when something is wrong; the deadline below bounds the whole call, retries and waits included.
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
DEFAULT_DEADLINE: float | None = 20.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_RETRY_BACKOFF = 0.5  # first wait; doubles per retry (jittered), capped by max_retry_wait
DEFAULT_MAX_RETRY_WAIT = 8.0
DEFAULT_RETRY_AFTER_CEILING = 60.0  # a longer Retry-After ends the call with the server's answer instead
# httpx_args that configure connections. httpx ignores them when it is handed a transport, and this client always
# hands it one (the retry stack), so they go to the innermost transport instead (e.g. `limits` bounds the pool).
_TRANSPORT_ARGS = frozenset(
    {
        "verify",
        "cert",
        "trust_env",
        "http1",
        "http2",
        "limits",
        "proxy",
        "uds",
        "local_address",
        "retries",
        "socket_options",
    }
)


class _Connections:
    """The connection pools (innermost transports) of a client and of every copy `with_options` makes of it."""

    def __init__(self) -> None:
        self.sync: httpx.BaseTransport | None = None
        self.async_: httpx.AsyncBaseTransport | None = None


class _Borrowed(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A copy's view of the original's connection pool: sends through it and leaves closing it to the original."""

    def __init__(self, pool: httpx.BaseTransport | httpx.AsyncBaseTransport) -> None:
        self._pool = pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._pool, httpx.BaseTransport)
        return self._pool.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._pool, httpx.AsyncBaseTransport)
        return await self._pool.handle_async_request(request)

    def close(self) -> None:
        """The original client closes the pool."""

    async def aclose(self) -> None:
        """The original client closes the pool."""


@define
class Client:
    """Keeps the settings of the API's httpx clients (built on first use, one sync and one async).

    ``base_url``: the API's base URL, e.g. ``Region.PRODUCTION`` (see `Region`).

    ``timeout``: per attempt (float seconds or ``httpx.Timeout``); default 5 s connect, 10 s read/write/pool.

    ``deadline``: seconds for a whole call, retries and waits included (None: unbounded); default 20 s.
    A call that runs out of time raises ``errors.APITimeoutError``.

    ``max_retries``: retries of idempotent requests after a connection error, a timeout, or 408/409/429/5xx
    (0 disables). ``retry_backoff`` is the first wait in seconds, doubled per retry with jitter, at most
    ``max_retry_wait``. A ``Retry-After``/``retry-after-ms`` header is honoured as asked up to
    ``retry_after_ceiling`` seconds; beyond it the call raises the server's error instead of waiting.

    ``strict``: validate every response body against the response schema (errors.ResponseValidationError lists
    every violation). Default False: off-spec bodies parse as far as they can.

    ``cookies``, ``headers``, ``verify_ssl``, ``follow_redirects``, ``httpx_args``: passed to httpx. Connection
    settings in ``httpx_args`` (``limits``, ``http2``, ``proxy``, ...) configure the innermost transport;
    ``httpx_args["transport"]`` replaces that transport (then those settings are its own); retries still wrap it.

    Every request names this package: ``User-Agent: elevenlabs-user-client/<version> python/<x.y> httpx/<x.y>``
    (``_version.USER_AGENT``); a ``User-Agent`` in ``headers`` replaces it.

    ``with_options(...)`` gives a copy with other per-call settings that shares this client's connections.
    """

    _base_url: str = field(alias="base_url", converter=str)  # a Region is a str: keep the plain URL
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | float | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    deadline: float | None = field(
        default=DEFAULT_DEADLINE, kw_only=True, validator=validators.optional(validators.gt(0.0))
    )
    max_retries: int = field(default=DEFAULT_MAX_RETRIES, kw_only=True, validator=validators.ge(0))
    retry_backoff: float = field(default=DEFAULT_RETRY_BACKOFF, kw_only=True, validator=validators.ge(0.0))
    max_retry_wait: float = field(default=DEFAULT_MAX_RETRY_WAIT, kw_only=True, validator=validators.gt(0.0))
    retry_after_ceiling: float = field(default=DEFAULT_RETRY_AFTER_CEILING, kw_only=True, validator=validators.ge(0.0))
    strict: bool = field(default=False, kw_only=True)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)
    # Shared by reference with the copies `with_options` makes; only the client that created them closes them.
    _connections: _Connections = field(factory=_Connections, init=False, repr=False, eq=False)
    _owns_connections: bool = field(default=True, init=False, repr=False, eq=False)
    _custom_httpx_client: bool = field(default=False, init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        install_log_redaction()

    def _auth_headers(self) -> dict[str, str]:
        return {}

    def with_options(
        self,
        *,
        timeout: httpx.Timeout | float | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        headers: Mapping[str, str] | Unset = UNSET,
    ) -> Self:
        """A copy of this client with other per-call settings; this client does not change.

        The copy sends through this client's connection pool (no new connections, no new TLS handshakes), so it is
        cheap enough to make per call: ``get_user.sync(client=client.with_options(timeout=2, max_retries=0))``.
        ``headers`` are added to this client's (same names replace theirs). Closing the copy leaves the pool open;
        closing this client closes it.

        Raises:
            ValueError: a setting is out of range, or set_httpx_client() replaced the httpx client, which then
                holds the settings itself.
        """
        if self._custom_httpx_client:
            raise ValueError("with_options() cannot change a client whose httpx client was set by set_httpx_client()")
        changes: dict[str, Any] = {}
        if not isinstance(timeout, Unset):
            changes["timeout"] = timeout
        if not isinstance(max_retries, Unset):
            changes["max_retries"] = max_retries
        if not isinstance(deadline, Unset):
            changes["deadline"] = deadline
        if not isinstance(headers, Unset):
            changes["headers"] = {**self._headers, **headers}
        return self._copy(**changes)

    def _copy(self, **changes: Any) -> Self:
        copy = evolve(self, **changes)
        copy._connections = self._connections
        copy._owns_connections = False
        return copy

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A copy with additional headers (`with_options(headers=...)`); this client does not change."""
        return self.with_options(headers=headers)

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """A copy with additional cookies, sharing this client's connections; this client does not change."""
        if self._custom_httpx_client:
            raise ValueError("with_cookies() cannot change a client whose httpx client was set by set_httpx_client()")
        return self._copy(cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout | float | None) -> Self:
        """A copy with another per-attempt timeout (`with_options(timeout=...)`); this client does not change."""
        return self.with_options(timeout=timeout)

    def _retrying(self, inner: httpx.BaseTransport | httpx.AsyncBaseTransport) -> RetryTransport:
        retry = RetryPolicy(
            total=self.max_retries,
            allowed_methods=RETRY_METHODS,
            status_forcelist=RETRY_STATUSES,
            # The library waits backoff_factor * 2**n before retry n (n = 1, 2, ...): halve it so retry 1 waits
            # retry_backoff.
            backoff_factor=self.retry_backoff / 2,
            max_backoff_wait=self.max_retry_wait,
            backoff_jitter=0.5,  # waits vary between half and all of the nominal one: spread, never bunched at 0
        )
        guard = GuardTransport(inner, deadline=self.deadline, retry_after_ceiling=self.retry_after_ceiling)
        return RetryTransport(transport=guard, retry=retry)

    def _transport_settings(self) -> dict[str, Any]:
        """Arguments of the innermost httpx.HTTPTransport / AsyncHTTPTransport (see _TRANSPORT_ARGS)."""
        chosen = {key: value for key, value in self._httpx_args.items() if key in _TRANSPORT_ARGS}
        return {"verify": self._verify_ssl, **chosen}

    def _httpx_settings(self) -> dict[str, Any]:
        # trust_env stays on the httpx client too: there it also governs .netrc and proxy variables.
        settings = {
            key: value
            for key, value in self._httpx_args.items()
            if key != "transport" and (key not in _TRANSPORT_ARGS or key == "trust_env")
        }
        named = any(name.lower() == "user-agent" for name in self._headers)
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": {**({} if named else {"User-Agent": USER_AGENT}), **self._headers, **self._auth_headers()},
            "timeout": self._timeout,
            "follow_redirects": self._follow_redirects,
            **settings,
        }

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, timeout and
        retries.
        """
        self._client = client
        self._custom_httpx_client = True
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            pool = self._connections.sync
            if pool is None:
                pool = self._httpx_args.get("transport") or httpx.HTTPTransport(**self._transport_settings())
                self._connections.sync = pool
            inner = pool if self._owns_connections else _Borrowed(pool)
            self._client = httpx.Client(transport=self._retrying(inner), **self._httpx_settings())
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, timeout and
        retries.
        """
        self._async_client = async_client
        self._custom_httpx_client = True
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            pool = self._connections.async_
            if pool is None:
                pool = self._httpx_args.get("transport") or httpx.AsyncHTTPTransport(**self._transport_settings())
                self._connections.async_ = pool
            inner = pool if self._owns_connections else _Borrowed(pool)
            self._async_client = httpx.AsyncClient(transport=self._retrying(inner), **self._httpx_settings())
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)

    def send(self, kwargs: dict[str, Any]) -> httpx.Response:
        """Send one operation's request (retries included); transport failures raise the package's errors."""
        try:
            return self.get_httpx_client().request(**kwargs)
        except Exception as err:
            return _answer_or_raise(err, kwargs)

    async def send_async(self, kwargs: dict[str, Any]) -> httpx.Response:
        """Like `send`, on the async client."""
        try:
            return await self.get_async_httpx_client().request(**kwargs)
        except Exception as err:
            return _answer_or_raise(err, kwargs)


def _answer_or_raise(err: Exception, kwargs: dict[str, Any]) -> httpx.Response:
    """The server's answer when retrying stopped on purpose; otherwise the hierarchy's error for a failed send."""
    if isinstance(err, WaitBeyondCeiling):
        return err.response
    method, path = str(kwargs.get("method", "")).upper(), redact(str(kwargs.get("url", "")))
    if isinstance(err, DeadlineExceeded):
        raise APITimeoutError(f"{method} {path}: {err}") from (err.__cause__ or err)
    if isinstance(err, httpx.RequestError):
        raise error_for_transport(err, method=method, path=path) from err
    raise err


@define
class AuthenticatedClient(Client):
    """A Client that sends the API key (``token``) in the ``xi-api-key`` header. The key never appears in repr,
    errors or logs. ``AuthenticatedClient.from_env()`` reads it from ELEVENLABS_API_KEY.
    """

    token: str = field(repr=False)
    """The API key"""
    prefix: str = ""
    """Written before the key in the header (ElevenLabs expects the bare key)"""
    auth_header_name: str = "xi-api-key"
    """The header that carries the key"""

    def __attrs_post_init__(self) -> None:
        register_secret(self.token)
        super().__attrs_post_init__()

    def _auth_headers(self) -> dict[str, str]:
        return {self.auth_header_name: f"{self.prefix} {self.token}" if self.prefix else self.token}

    @classmethod
    def from_env(cls, token: str | None = None, *, base_url: str | None = None, **kwargs: Any) -> Self:
        """A client with the key from `token` or ELEVENLABS_API_KEY and the base URL from `base_url`,
        ELEVENLABS_BASE_URL or `Region.PRODUCTION`; other keyword arguments go to the constructor."""
        key = token or os.environ.get(API_KEY_ENV, "").strip()
        if not key:
            raise MissingAPIKeyError(
                f"no ElevenLabs API key: pass token=... to AuthenticatedClient.from_env() "
                f"or set the {API_KEY_ENV} environment variable"
            )
        url = base_url or os.environ.get(BASE_URL_ENV, "").strip() or Region.PRODUCTION
        return cls(base_url=url, token=key, **kwargs)
