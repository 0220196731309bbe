"""HTTP clients for the ElevenLabs API: authentication, regions, timeouts, retries, the deadline, secrets."""

import os
import ssl
import warnings
import weakref
from collections.abc import Mapping
from typing import Any, Self, TypedDict, Unpack

import httpx

from . import _retry
from ._body import DEFAULT_MAX_RESPONSE_BYTES
from ._deadline import AsyncDeadlineTransport, DeadlineTransport
from ._origin import BaseURLError, OriginGuard, check_base_url
from ._secrets import SECRET_HEADER_NAMES, SecretError, check_key, hold_secret, mask_headers, release_secret
from ._types import UNSET, Unset
from ._version import USER_AGENT
from .errors import ClientClosedError, ConfigurationError, MissingAPIKeyError

API_KEY_ENV = "ELEVENLABS_API_KEY"
BASE_URL_ENV = "ELEVENLABS_BASE_URL"
# from_env's base URL when none is given: the spec's first server. The runtime imports nothing generated; the
# package's __init__ (generated from the spec, templates/package_init.py.jinja) sets it when the spec has servers.
DEFAULT_BASE_URL: str | None = None
# Per attempt. The User API answers small JSON documents well under a second: 5 s to connect and 10 s per read
# only pass when something is wrong; the deadline below bounds the whole call, retries and waits included.
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
DEFAULT_DEADLINE: float | None = 20.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_RETRY_BACKOFF = 0.5  # first wait; doubles per retry (jittered), capped by max_retry_wait
DEFAULT_MAX_RETRY_WAIT = 8.0
DEFAULT_RETRY_AFTER_CEILING = 60.0  # a longer Retry-After ends the call with the server's answer instead
# ElevenLabs serves 2-15 concurrent requests per account (by plan): 20 connections, all kept alive, carry any burst
# (excess calls wait for a free one within the deadline; httpcore spends CPU per open connection on every request).
DEFAULT_LIMITS = httpx.Limits(max_connections=20, max_keepalive_connections=20)
# httpx_args that configure connections. httpx ignores them when it is handed a transport, and this client always
# hands it one (the origin guard), so they go to the innermost transport instead (e.g. `limits` bounds the pool).
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


# The range each number setting must be in: (minimum, minimum allowed).
_IN_RANGE: dict[str, tuple[float, bool]] = {
    "deadline": (0.0, False),  # None too: unbounded
    "max_retries": (0, True),
    "retry_backoff": (0.0, True),
    "max_retry_wait": (0.0, False),
    "retry_after_ceiling": (0.0, True),
    "max_response_bytes": (0, False),
}


def _check_range(name: str, value: Any) -> None:
    """ValueError naming the setting when `value` is out of its range (None is a deadline's "unbounded")."""
    if name == "deadline" and value is None:
        return
    minimum, allowed = _IN_RANGE[name]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"'{name}' must be a number, got {value!r}")
    if value < minimum or (value == minimum and not allowed):
        raise ValueError(f"'{name}' must be {'>=' if allowed else '>'} {minimum:g}: {value!r}")


class Settings(TypedDict, total=False):
    """`Client`'s keyword settings (described there), typed once: `AuthenticatedClient` and its ``from_env`` take
    them as ``**settings``, so a misspelt one (``max_retrys=``) is a type error, not a surprise at run time. A test
    holds this and `Client.__init__`'s keyword parameters to the same names and types."""

    cookies: dict[str, str] | None
    headers: dict[str, str] | None
    timeout: httpx.Timeout | float | None
    verify_ssl: str | bool | ssl.SSLContext
    follow_redirects: bool
    httpx_args: dict[str, Any] | None
    deadline: float | None
    max_retries: int
    retry_backoff: float
    max_retry_wait: float
    retry_after_ceiling: float
    max_response_bytes: int
    allow_insecure_http: bool
    strict: bool


class AuthenticatedSettings(Settings, total=False):
    """`Settings`, and how the key is written (``AuthenticatedClient.from_env``)."""

    prefix: str
    auth_header_name: str


_SETTINGS = tuple(Settings.__annotations__)  # in the constructor's order


def _attribute(name: str) -> str:
    """Where a client keeps a setting: the ones `Client` declares are public attributes a caller may change
    (``client.deadline = 5``); httpx's (``cookies``, ``headers``, ...) are private (``_cookies``)."""
    return name if name in Client.__annotations__ else f"_{name}"


def _default_transport(ours: type[Any], httpx_own: type[Any]) -> type[Any]:
    """Our transport (it clamps every socket read and write to the deadline), unless a test library has patched
    httpx's own (pytest-httpx replaces HTTPTransport.handle_request): then httpx's, so the mock answers. A caller's
    own transport (httpx_args["transport"], e.g. httpx.MockTransport) is used as given."""
    handler = getattr(httpx_own, "handle_request", None) or httpx_own.handle_async_request
    return ours if getattr(handler, "__module__", "").split(".")[0] == "httpx" else httpx_own


def _mask_cookies(cookies: dict[str, str]) -> str:
    return repr(dict.fromkeys(cookies, "***"))


class Client:
    """Keeps the settings of the API's httpx clients (built on first use, one sync and one async).

    ``base_url``: the API's base URL, e.g. ``Region.PRODUCTION`` (see `Region`).

    ``timeout``: per attempt (float seconds or ``httpx.Timeout``); default 5 s connect, 10 s read/write/pool.

    ``deadline``: seconds for a whole call: connecting, waiting for a free connection, headers (however slowly
    they come), body, retries and waits (None: unbounded); default 20 s. A call that runs out of time raises
    ``errors.APITimeoutError``.

    ``max_retries``: retries of idempotent requests after a connection error, a timeout, or 408/409/429/5xx
    (0 disables). ``retry_backoff`` is the first wait in seconds, doubled per retry with jitter, at most
    ``max_retry_wait``. A ``Retry-After``/``retry-after-ms`` header is honoured as asked up to
    ``retry_after_ceiling`` seconds; beyond it the call raises the server's error instead of waiting.

    ``max_response_bytes``: the largest body read, counted after decompression (default 8 MiB); a larger one
    raises ``errors.ResponseTooLargeError`` without being held in memory.

    ``allow_insecure_http``: allow a plain ``http://`` base URL to a non-loopback host (the key would travel in
    clear); refused by default.

    ``strict``: validate every response body against the response schema (errors.ResponseValidationError lists
    every violation). Default False: off-spec bodies parse as far as they can.

    ``cookies``, ``headers``, ``verify_ssl``, ``follow_redirects``, ``httpx_args``: passed to httpx. Connection
    settings in ``httpx_args`` (``limits``, ``http2``, ``proxy``, ...) configure the innermost transport;
    ``httpx_args["transport"]`` replaces that transport (then those settings are its own); retries still apply.
    Secret headers (``xi-api-key``, ...) are never sent to another origin than ``base_url``'s (redirects).

    Every request names this package: ``User-Agent: elevenlabs-user-client/<version> python/<x.y> httpx/<x.y>``
    (``_version.USER_AGENT``); a ``User-Agent`` in ``headers`` replaces it.

    ``with_options(...)`` gives a copy with other per-call settings that shares this client's connections.
    """

    # A plain class, not attrs: built at every start, an attrs class costs cold start a few milliseconds of code
    # generation; these few methods are written out instead.
    deadline: float | None
    max_retries: int
    retry_backoff: float
    max_retry_wait: float
    retry_after_ceiling: float
    max_response_bytes: int
    allow_insecure_http: bool
    strict: bool

    def __init__(
        self,
        base_url: str,
        *,
        cookies: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        verify_ssl: str | bool | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] | None = None,
        deadline: float | None = DEFAULT_DEADLINE,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_backoff: float = DEFAULT_RETRY_BACKOFF,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        retry_after_ceiling: float = DEFAULT_RETRY_AFTER_CEILING,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        allow_insecure_http: bool = False,
        strict: bool = False,
    ) -> None:
        """See the class. Raises errors.ConfigurationError (a ValueError) for a base URL that cannot be used and
        ValueError for a setting out of range."""
        self._base_url = base_url  # a Region is a str; checked (and made a plain str) in _finish_init
        self._cookies: dict[str, str] = {} if cookies is None else cookies
        self._headers: dict[str, str] = {} if headers is None else headers
        self._timeout = timeout
        self._verify_ssl = verify_ssl
        self._follow_redirects = follow_redirects
        self._httpx_args: dict[str, Any] = {} if httpx_args is None else httpx_args
        self.deadline = deadline
        self.max_retries = max_retries
        self.retry_backoff = retry_backoff
        self.max_retry_wait = max_retry_wait
        self.retry_after_ceiling = retry_after_ceiling
        self.max_response_bytes = max_response_bytes
        self.allow_insecure_http = allow_insecure_http
        self.strict = strict
        self._client: httpx.Client | None = None
        self._async_client: httpx.AsyncClient | None = None
        self._async_loop: Any = None  # weakref to the loop _async_client is bound to
        self._own_async = False
        # A with_options() copy: the client whose httpx clients (connections) it sends through, and the per-request
        # settings it adds to theirs (timeout, headers); its retries and deadline are its own fields.
        self._parent: Client | None = None
        self._per_request: dict[str, Any] = {}
        self._finish_init()

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _IN_RANGE:  # checked whenever set, at construction or later (as attrs' validators were)
            _check_range(name, value)
        object.__setattr__(self, name, value)

    def _init_args(self) -> dict[str, Any]:
        """The constructor's arguments that rebuild this client (for copies)."""
        return {"base_url": self._base_url, **{name: getattr(self, _attribute(name)) for name in _SETTINGS}}

    def _evolve(self, **changes: Any) -> Self:
        return type(self)(**{**self._init_args(), **changes})

    def _shown(self) -> list[tuple[str, str]]:
        masked = {"cookies": _mask_cookies, "headers": mask_headers}  # the values that may hold a secret
        shown = [("_base_url", repr(self._base_url))]
        for name in _SETTINGS:
            value = getattr(self, _attribute(name))
            shown.append((_attribute(name), masked[name](value) if name in masked else repr(value)))
        return shown

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{name}={value}' for name, value in self._shown())})"

    def _compared(self) -> tuple[Any, ...]:
        return (*self._init_args().values(), self._client, self._async_client, self._async_loop, self._own_async)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Client)
        return self._compared() == other._compared()

    def _finish_init(self) -> None:
        secret_headers = [v for k, v in self._headers.items() if k.lower() in SECRET_HEADER_NAMES]
        try:
            self._base_url = str(
                check_base_url(
                    self._base_url,
                    source="base_url=",
                    sends_secret=bool(secret_headers or self._auth_headers()),
                    allow_insecure_http=self.allow_insecure_http,
                )
            )
        except BaseURLError as err:
            raise ConfigurationError(str(err)) from None
        for value in secret_headers:  # a key passed as a header is masked like the token
            self._hold_secret(value)

    def _hold_secret(self, secret: str) -> None:
        """Mask `secret` in errors and log lines while this client holds it, and no longer."""
        hold_secret(secret)
        weakref.finalize(self, release_secret, secret)

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

        The copy sends through this client's connections (no new connections, no new TLS handshakes), so it is
        cheap enough to make per call: ``get_user.sync(client=client.with_options(timeout=2, max_retries=0))``.
        ``headers`` are added to this client's (same names replace theirs). Closing the copy, or leaving its
        ``with`` block, leaves the connections open: they are this client's to close.

        Raises:
            ValueError: a setting is out of range.
        """
        return self._copy_sharing_connections({}, timeout, max_retries, deadline, headers)

    def _copy_sharing_connections(
        self,
        changes: dict[str, Any],
        timeout: httpx.Timeout | float | None | Unset,
        max_retries: int | Unset,
        deadline: float | None | Unset,
        headers: Mapping[str, str] | Unset,
    ) -> Self:
        """with_options' copy, also with a subclass's `changes`: it sends through this client's connections and adds
        the per-call settings (timeout, headers) to each of its requests."""
        per_request = dict(self._per_request)
        if not isinstance(timeout, Unset):
            changes["timeout"] = per_request["timeout"] = timeout
        if not isinstance(max_retries, Unset):
            changes["max_retries"] = max_retries
        if not isinstance(deadline, Unset):
            changes["deadline"] = deadline
        if not isinstance(headers, Unset):
            changes["headers"] = {**self._headers, **headers}
            per_request["headers"] = {**per_request.get("headers", {}), **headers}
        copy = self._evolve(**changes)
        copy._parent = self._parent or self
        copy._per_request = per_request
        return copy

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A copy with additional headers (`with_options(headers=...)`); this client does not change."""
        return self.with_options(headers=headers)

    def with_timeout(self, timeout: httpx.Timeout | float | None) -> Self:
        """A copy with another per-attempt timeout (`with_options(timeout=...)`); this client does not change."""
        return self.with_options(timeout=timeout)

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """Deprecated: pass ``cookies=`` to the constructor. A copy with additional cookies and connections of its
        own (httpx has no per-request cookies); this client does not change."""
        warnings.warn(
            "Client.with_cookies() is deprecated: pass cookies= to the constructor", DeprecationWarning, stacklevel=2
        )
        return self._evolve(cookies={**self._cookies, **cookies})

    def _request(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        """An operation's request with this copy's per-request settings (unchanged for a client of its own)."""
        if not self._per_request:
            return kwargs
        request = {**kwargs, **self._per_request}
        if "headers" in self._per_request and "headers" in kwargs:  # the operation's own headers win
            request["headers"] = {**self._per_request["headers"], **kwargs["headers"]}
        return request

    def _guarded(self, inner: httpx.BaseTransport | httpx.AsyncBaseTransport) -> OriginGuard:
        return OriginGuard(inner, self._base_url, frozenset(k.lower() for k in self._auth_headers()))

    def _transport_settings(self) -> dict[str, Any]:
        """Arguments of the innermost httpx.HTTPTransport / AsyncHTTPTransport (see _TRANSPORT_ARGS)."""
        chosen = {key: value for key, value in self._httpx_args.items() if key in _TRANSPORT_ARGS}
        return {"verify": self._verify_ssl, "limits": DEFAULT_LIMITS, **chosen}

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

        **NOTE**: This will override any other settings on the client, including cookies, headers and timeout.
        Retries and the deadline still apply; the deadline bounds a dribbling server only on this client's own
        transport.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._parent is not None and self._client is None:
            return self._parent.get_httpx_client()  # a with_options() copy: the original's connections
        if self._client is None:
            inner = self._httpx_args.get("transport") or _default_transport(DeadlineTransport, httpx.HTTPTransport)(
                **self._transport_settings()
            )
            self._client = httpx.Client(transport=self._guarded(inner), **self._httpx_settings())
        return self._client

    def _borrows(self, own: object) -> bool:
        """A with_options() copy without an httpx client of its own: the connections are the original's to close."""
        return self._parent is not None and own is None

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        if not self._borrows(self._client):
            self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        if not self._borrows(self._client):
            self.get_httpx_client().__exit__(*args, **kwargs)

    def close(self) -> None:
        """Close the sync httpx client's connections; later calls raise errors.ClientClosedError. A copy made by
        with_options() leaves the original's connections open."""
        if not self._borrows(self._client):
            self.get_httpx_client().close()

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers and timeout.
        """
        self._async_client, self._own_async = async_client, False
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._parent is not None and self._async_client is None:
            return self._parent.get_async_httpx_client()
        if self._async_client is None:
            inner = self._httpx_args.get("transport") or _default_transport(
                AsyncDeadlineTransport, httpx.AsyncHTTPTransport
            )(**self._transport_settings())
            self._async_client = httpx.AsyncClient(transport=self._guarded(inner), **self._httpx_settings())
            self._own_async = True
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        if not self._borrows(self._async_client):
            await self._async_for_this_loop().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        if not self._borrows(self._async_client):
            await self.get_async_httpx_client().__aexit__(*args, **kwargs)

    async def aclose(self) -> None:
        """Close the async httpx client's connections; later calls raise errors.ClientClosedError. A copy made by
        with_options() leaves the original's connections open."""
        if not self._borrows(self._async_client):
            await self.get_async_httpx_client().aclose()

    def _async_for_this_loop(self) -> httpx.AsyncClient:
        """The async httpx client, rebuilt when the running event loop is not the one its connections belong to
        (one client used from two asyncio.run() calls): connections cannot cross event loops."""
        if self._parent is not None and self._async_client is None:
            return self._parent._async_for_this_loop()
        import asyncio  # here, not at module level: sync use never pays for importing asyncio

        loop = asyncio.get_running_loop()
        bound = self._async_loop() if self._async_loop is not None else None
        if bound is loop and self._async_client is not None:  # every call after the first, on the same loop
            return self._async_client
        if (
            self._own_async
            and self._async_client is not None
            and bound is not loop
            and not self._async_client.is_closed
        ):
            self._async_client = None  # its connections belong to a loop that is gone or elsewhere: let them go
        client = self.get_async_httpx_client()
        self._async_loop = weakref.ref(loop)
        return client

    def send(self, kwargs: dict[str, Any]) -> _retry.Answer:
        """Send one operation's request (retries and body included); failures raise the package's errors."""
        client = self._client or self.get_httpx_client()
        if client.is_closed:
            raise ClientClosedError(
                "this client was closed (its `with` block ended or close() was called): make a new one"
            )
        return _retry.send(client, self._request(kwargs), self)

    async def send_async(self, kwargs: dict[str, Any]) -> _retry.Answer:
        """Like `send`, on the async client."""
        client = self._async_for_this_loop()
        if client.is_closed:
            raise ClientClosedError(
                "this client was closed (its `async with` block ended or aclose() was called): make a new one"
            )
        return await _retry.send_async(client, self._request(kwargs), self)


class AuthenticatedClient(Client):
    """A Client that sends the API key (``token``) in the ``xi-api-key`` header. The key never appears in repr,
    errors or logs. ``AuthenticatedClient.from_env()`` reads it from ELEVENLABS_API_KEY.
    """

    token: str
    """The API key (surrounding whitespace is stripped; errors.ConfigurationError if it cannot be sent)"""
    prefix: str
    """Written before the key in the header (ElevenLabs expects the bare key)"""
    auth_header_name: str
    """The header that carries the key"""

    def __init__(
        self,
        base_url: str,
        token: str,
        prefix: str = "",
        auth_header_name: str = "xi-api-key",
        **settings: Unpack[Settings],
    ) -> None:
        """See the class; ``settings`` are `Client`'s."""
        self.token, self.prefix, self.auth_header_name = token, prefix, auth_header_name
        super().__init__(base_url, **settings)

    def with_options(
        self,
        *,
        token: str | Unset = UNSET,
        timeout: httpx.Timeout | float | None | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | None | Unset = UNSET,
        headers: Mapping[str, str] | Unset = UNSET,
    ) -> Self:
        """`Client.with_options`, and ``token``: another API key for the copy's calls, so one connection pool serves
        many accounts (``get_user.sync(client=client.with_options(token=key))``); checked and masked like this
        client's key.

        Raises:
            errors.ConfigurationError: the key cannot be sent.
            ValueError: a setting is out of range.
        """
        changes = {} if isinstance(token, Unset) else {"token": token}
        copy = self._copy_sharing_connections(changes, timeout, max_retries, deadline, headers)
        if changes:  # the shared httpx client sends this client's key by default: each call of the copy sends its own
            copy._per_request["headers"] = {**copy._per_request.get("headers", {}), **copy._auth_headers()}
        return copy

    def _finish_init(self) -> None:
        try:
            self.token = check_key(self.token, source="token=")
        except SecretError as err:
            raise ConfigurationError(str(err)) from None
        self._hold_secret(self.token)
        super()._finish_init()

    def _init_args(self) -> dict[str, Any]:
        return {
            **super()._init_args(),
            "token": self.token,
            "prefix": self.prefix,
            "auth_header_name": self.auth_header_name,
        }

    def _shown(self) -> list[tuple[str, str]]:  # never the token
        return [*super()._shown(), ("prefix", repr(self.prefix)), ("auth_header_name", repr(self.auth_header_name))]

    def _auth_headers(self) -> dict[str, str]:
        return {self.auth_header_name: f"{self.prefix} {self.token}" if self.prefix else self.token}

    @classmethod
    def from_env(
        cls, token: str | None = None, *, base_url: str | None = None, **settings: Unpack[AuthenticatedSettings]
    ) -> Self:
        """A client with the key from `token` or ELEVENLABS_API_KEY and the base URL from `base_url`,
        ELEVENLABS_BASE_URL or the spec's first server (`Region.PRODUCTION`); the other settings (`Settings`) go to
        the constructor. A bad value raises errors.ConfigurationError naming where it came from."""
        source = "token=" if token else API_KEY_ENV
        token = token or os.environ.get(API_KEY_ENV, "")  # one local holds the key, named as reporters scrub
        if not token.strip():
            raise MissingAPIKeyError(
                f"no ElevenLabs API key: pass token=... to AuthenticatedClient.from_env() "
                f"or set the {API_KEY_ENV} environment variable"
            )
        url_source = "base_url=" if base_url else BASE_URL_ENV
        url = base_url or os.environ.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL
        if url is None:
            raise ConfigurationError(f"no base URL: pass base_url=... or set the {BASE_URL_ENV} environment variable")
        try:
            token = check_key(token, source=source)
            check_base_url(
                url,
                source=url_source,
                sends_secret=True,
                allow_insecure_http=settings.get("allow_insecure_http", False),
            )
        except (SecretError, BaseURLError) as err:
            raise ConfigurationError(str(err)) from None
        return cls(base_url=url, token=token, **settings)
