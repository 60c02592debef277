"""Client settings: one object every plugin reads, adjustable only while plugins configure it."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import httpx

from .errors import ConfigurationError

if TYPE_CHECKING:
    from .credentials import Credential
    from .security import SecurityScheme, TokenExchange

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _refuse_when_frozen(instance: ClientConfig, attribute: attrs.Attribute[Any], value: Any) -> Any:
    if instance._frozen:
        raise ConfigurationError(f"client settings are fixed once the client is built; cannot set {attribute.name}")
    return value


def _secret_texts(value: object) -> list[str]:
    """The secret strings of a masked setting: a token, a header dict's values, each credential given per scheme."""
    from .credentials import ClientCredentials  # here: credentials builds on auth, which builds on this module

    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):  # (username, password)
        return [str(value[1])]
    if isinstance(value, ClientCredentials):
        return [value.client_secret]
    if isinstance(value, Mapping):
        return [text for item in value.values() for text in _secret_texts(item)]
    return []


def _secret_repr(value: object) -> str:
    return "None" if value is None else "'***'"


def _url_repr(value: str | None) -> str:
    """A URL with any password masked (a proxy URL may carry one)."""
    if value is None:
        return "None"
    url = httpx.URL(value)
    return repr(str(url.copy_with(password="***")) if url.password else value)


@attrs.define(on_setattr=_refuse_when_frozen)
class ClientConfig:
    """Every setting of a client; each Run:ai ``Configuration`` option has one here (see the README)."""

    base_url: str
    timeout: httpx.Timeout = DEFAULT_TIMEOUT
    #: Extra headers for every request; SDK-controlled headers (Authorization...) are refused.
    headers: dict[str, str] = attrs.field(factory=dict)

    # -- authentication (auth plugin) --
    bearer_token: str | None = attrs.field(default=None, repr=_secret_repr)
    client_id: str | None = None
    client_secret: str | None = attrs.field(default=None, repr=_secret_repr)
    #: The grant client_id/client_secret are exchanged by, one the package's token endpoint takes
    #: ("client_credentials", or "app_token", the legacy grant of older Run:ai releases); ``None``: its first.
    grant: str | None = None
    #: The token endpoint's path under base_url; ``None``: the one the package's spec names.
    token_path: str | None = None
    auto_refresh: bool = True
    #: Refresh this many seconds before the token expires.
    refresh_margin: float = 60.0
    api_key: str | None = attrs.field(default=None, repr=_secret_repr)
    #: Read the API key from this environment variable when ``api_key`` is not given.
    api_key_env: str | None = None
    api_key_header: str = "Authorization"
    #: A CLI config folder (authentication.json + config.json); ``True`` means ~/.runai.
    cli_config: str | Path | bool | None = None
    cluster_id: str | None = None
    #: Credentials per security scheme of the spec, by the scheme's name (see ``specloom_runtime.credentials``).
    credentials: Mapping[str, Credential] | None = attrs.field(default=None, repr=_secret_repr)
    #: HTTP basic authentication.
    username: str | None = None
    password: str | None = attrs.field(default=None, repr=_secret_repr)
    #: The spec's security schemes by name, from the generated package; ``None``: it declares none it knows of.
    security_schemes: Mapping[str, SecurityScheme] | None = attrs.field(default=None, repr=False)
    #: The spec's token endpoint for client credentials, from the generated package; ``None``: it has none.
    token_exchange: TokenExchange | None = attrs.field(default=None, repr=False)

    # -- retries (retry plugin) --
    max_retries: int = 3
    #: Backoff before retry n is ``retry_backoff * 2**(n-1)`` seconds, capped, with jitter.
    retry_backoff: float = 0.5
    retry_backoff_cap: float = 8.0
    #: A Retry-After longer than this is not waited for: the error is raised at once.
    retry_after_cap: float = 60.0
    #: Send an idempotency key with every POST/PATCH, so they can be retried safely.
    idempotent_writes: bool = False

    # -- validation --
    #: Check every request against the spec before sending it (per call: RequestOptions(validate=...)).
    validate: bool = True
    #: Refuse an answer that does not match the spec (ResponseDecodeError) instead of keeping what does not fit.
    strict_responses: bool = False

    # -- transport --
    verify: bool = True
    ca_bundle: str | None = None
    client_cert: str | tuple[str, str] | None = None
    proxy: str | None = attrs.field(default=None, repr=_url_repr)
    proxy_headers: dict[str, str] | None = attrs.field(default=None, repr=_secret_repr)
    #: Connections open at once per client (calls beyond it wait for one). Measured on loopback (issue 15):
    #: with no server delay the pool size barely matters (the client's CPU is the limit: 10, 32 and 100
    #: connections within noise at 64 and 256 calls in flight); with 20 ms per answer, 10 connections cap
    #: 64 calls in flight at ~440 calls/s, 64 reach ~2,700 and 100 serve 256 in flight at ~2,900. So 100,
    #: httpx's and aiohttp's own default: fan-out scripts are not held back by the pool, while a client
    #: still cannot open more than that against the control plane.
    max_connections: int = 100
    #: Idle connections kept for reuse (``None``: up to ``max_connections``), each for 5 s (httpx's keep-alive).
    max_keepalive_connections: int | None = None
    #: The async client's HTTP transport: "aiohttp" (HTTP/1.1 over aiohttp's pool, the fastest under
    #: concurrency), "httpx" (httpx's own, httpcore; HTTP/2 with ``http2``) or an ``httpx.AsyncBaseTransport``
    #: of your own. ``None``: aiohttp, or httpx when ``http2`` is on. The sync clients always use httpx's.
    async_transport: str | httpx.AsyncBaseTransport | None = None
    #: Offer HTTP/2 to https servers (ALPN; plain http stays HTTP/1.1); needs the ``h2`` package (the ``http2`` extra).
    http2: bool = False
    follow_redirects: bool = True
    max_redirects: int = 5
    trust_env: bool = True

    # -- identity and diagnostics --
    distribution: str = "specloom-client"
    version: str = "0"
    debug: bool = False
    #: Settings of third-party plugins, by name.
    extras: dict[str, Any] = attrs.field(factory=dict)

    _frozen: bool = attrs.field(default=False, init=False, repr=False, on_setattr=attrs.setters.NO_OP)

    def freeze(self) -> None:
        object.__setattr__(self, "_frozen", True)

    def secrets(self) -> list[str]:
        """Every credential among the settings: the fields whose repr is masked, and a proxy's password."""
        found: list[str] = []
        for field in attrs.fields(type(self)):
            value = getattr(self, field.name)
            if field.repr is _secret_repr and value is not None:
                found.extend(_secret_texts(value))
        proxy_password = httpx.URL(self.proxy).password if self.proxy else None
        if proxy_password:
            found.append(proxy_password)
        return found

    def check(self) -> None:
        """Refuse settings that cannot work, before any request (and any credential) is sent."""
        check_base_url(self.base_url)
        if self.bearer_token is not None and (self.client_id or self.client_secret):
            raise ConfigurationError("bearer_token cannot be used together with client_id/client_secret")
        if bool(self.client_id) != bool(self.client_secret):
            raise ConfigurationError("client credentials need both client_id and client_secret")
        if (self.username is None) != (self.password is None):
            raise ConfigurationError("HTTP basic authentication needs both username and password")
        if self.max_retries < 0 or self.retry_backoff < 0 or self.retry_after_cap < 0:
            raise ConfigurationError("max_retries, retry_backoff and retry_after_cap must not be negative")
        check_transport(self)

    def token_request(self) -> tuple[str, dict[str, str]]:
        """The URL and JSON body that exchange client_id/client_secret for a token, by the package's token endpoint."""
        exchange = self.token_exchange
        if exchange is None:
            raise ConfigurationError(
                "client_id/client_secret: this API's spec names no token endpoint to exchange them at (a JSON POST "
                "with grantType, clientID and clientSecret); pass bearer_token, or credentials= for an OAuth 2.0 scheme")
        grants = {grant: keys for grant, *keys in exchange.grants}
        grant = self.grant or exchange.grants[0][0]
        if grant not in grants:
            raise ConfigurationError(f"grant {grant!r} is not one this API's token endpoint ({exchange.path}) takes: "
                                     + ", ".join(map(repr, grants)))
        id_key, secret_key = grants[grant]
        body = {exchange.grant_key: grant, id_key: self.client_id or "", secret_key: self.client_secret or ""}
        return self.base_url + (self.token_path or exchange.path), body


ASYNC_TRANSPORTS = ("aiohttp", "httpx")


def check_transport(config: ClientConfig) -> None:
    """A transport the async client can be built on, and HTTP/2 only where it can be spoken."""
    chosen = config.async_transport
    if isinstance(chosen, str) and chosen not in ASYNC_TRANSPORTS:
        raise ConfigurationError(f"async_transport must be one of {', '.join(map(repr, ASYNC_TRANSPORTS))} "
                                 f"or an httpx.AsyncBaseTransport, not {chosen!r}")
    if chosen is not None and not isinstance(chosen, (str, httpx.AsyncBaseTransport)):
        raise ConfigurationError(f"async_transport must be a name or an httpx.AsyncBaseTransport, not {type(chosen).__name__}")
    if config.http2:
        if chosen == "aiohttp":
            raise ConfigurationError("http2=True needs async_transport='httpx' (aiohttp speaks HTTP/1.1 only)")
        import importlib.util  # only when HTTP/2 is asked for

        if importlib.util.find_spec("h2") is None:
            raise ConfigurationError("http2=True needs the h2 package: pip install 'specloom-runtime[http2]'")


def is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str) -> httpx.URL:
    """https, or http to a loopback host only; no user info, query or fragment, nothing but a host name.

    Paths are appended to the base URL as text, so a ``?`` or ``#`` (even with
    nothing after it) would turn every path into a query or a fragment, and every
    call would go to ``/``.
    """
    if any(c.isspace() or not c.isprintable() for c in base_url):
        raise ConfigurationError(f"base_url must not contain spaces or control characters: {base_url!r}")
    for mark, part in (("?", "query"), ("#", "fragment")):
        if mark in base_url:
            raise ConfigurationError(f"base_url must not have a {part} ({mark!r}): every path would end up in it")
    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ConfigurationError(f"base_url is not a URL: {exc}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError("base_url must be an absolute http(s) URL with a host")
    # A name (IDNA-encoded already), an IPv4 or an IPv6 address; httpx lets "%" and other marks through.
    if not re.fullmatch(rb"[A-Za-z0-9._-]+|[0-9A-Fa-f:.]+", url.raw_host):
        raise ConfigurationError(f"base_url has an invalid host name {url.host!r}")
    if url.scheme == "http" and not is_loopback(url.host):
        raise ConfigurationError(f"base_url must use https (plain http is allowed for loopback hosts only), got host {url.host!r}")
    if url.userinfo:
        raise ConfigurationError("base_url must not carry a user name or password; pass credentials as settings")
    if url.query or url.fragment:
        raise ConfigurationError("base_url must not have a query or fragment")
    return url
