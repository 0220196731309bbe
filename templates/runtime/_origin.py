"""Where the API key may go: the base URL is checked once (scheme, host, port; plain http only to loopback unless
the caller opts in), and secret headers are removed from any request to another origin (a followed redirect)."""

import httpx

from ._secrets import SECRET_HEADER_NAMES


class BaseURLError(ValueError):
    """The base URL cannot be used; the message names where it came from."""


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    import ipaddress  # here: only a plain http:// URL needs it, and cold start counts every import

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(value: object, *, source: str, sends_secret: bool, allow_insecure_http: bool) -> str:
    """The base URL as a str, or BaseURLError saying what is wrong with it and where it came from."""
    if not isinstance(value, str):  # a Region is a str
        raise BaseURLError(f"the base URL from {source} must be a str (e.g. Region.PRODUCTION), got {value!r}")
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, ValueError, TypeError) as err:
        raise BaseURLError(f"the base URL {value!r} from {source} is not a valid URL: {err}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise BaseURLError(f"the base URL {value!r} from {source} must be an absolute http(s) URL with a host")
    if sends_secret and url.scheme == "http" and not allow_insecure_http and not _is_loopback(url.host):
        raise BaseURLError(
            f"the base URL {value!r} from {source} is plain http to a non-loopback host: the API key would travel "
            "in clear. Use https://, or pass allow_insecure_http=True if you really mean it"
        )
    return value


# The call loop marks the request it builds (from the base URL) with its URL object; a redirect builds a new one.
CHECKED_URL = "elevenlabs.checked_url"


def origin_of(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


class OriginGuard(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Removes secret headers from requests to any origin but the base URL's (httpx itself only strips
    `Authorization` on a cross-origin redirect, not `xi-api-key`)."""

    def __init__(
        self, inner: httpx.BaseTransport | httpx.AsyncBaseTransport, base_url: str, secret_headers: frozenset[str]
    ) -> None:
        self._inner = inner
        self._origin = origin_of(httpx.URL(base_url))
        self._secret_headers = SECRET_HEADER_NAMES | secret_headers

    def _guard(self, request: httpx.Request) -> None:
        if request.extensions.get(CHECKED_URL) is request.url:  # the call's own request: built for the base URL
            return
        if origin_of(request.url) != self._origin:
            for name in self._secret_headers:
                request.headers.pop(name, None)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._inner, httpx.BaseTransport)
        self._guard(request)
        return self._inner.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._inner, httpx.AsyncBaseTransport)
        self._guard(request)
        return await self._inner.handle_async_request(request)

    def close(self) -> None:
        if isinstance(self._inner, httpx.BaseTransport):
            self._inner.close()

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncBaseTransport):
            await self._inner.aclose()
