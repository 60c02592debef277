"""What a client takes to authenticate, and which of the spec's security schemes each credential fills.

Credentials are given per scheme by name (``credentials={"basicAuth": ("sid", "token")}``)
or in the simple forms (``bearer_token``, ``api_key``, ``username``/``password``,
``client_id``/``client_secret``), each of which fills every scheme of the kind it is for.
A credential no scheme of the spec can use is refused when the client is built.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

from .auth import ClientCredentialsAuth
from .errors import ConfigurationError
from .oauth2 import OAuth2ClientCredentialsAuth
from .security import ApiKeyScheme, Applier, HttpScheme, OAuth2Scheme, OpenIdConnectScheme, Placement, SecurityScheme

if TYPE_CHECKING:
    from .config import ClientConfig


@attrs.frozen
class ClientCredentials:
    """An OAuth 2.0 client's id and secret, exchanged for access tokens at its scheme's token URL."""

    client_id: str
    client_secret: str = attrs.field(repr=lambda _: "'***'")
    scopes: tuple[str, ...] = ()


#: A credential for one scheme: a token or API key, ``(username, password)`` for HTTP basic,
#: or :class:`ClientCredentials` for an OAuth 2.0 scheme with a client-credentials flow.
Credential = str | tuple[str, str] | ClientCredentials


def _header(scheme: str, value: str) -> Placement:
    return Placement("header", "Authorization", f"{scheme.capitalize()} {value}")


def _basic(username: str, password: str) -> Placement:
    return _header("basic", base64.b64encode(f"{username}:{password}".encode()).decode("ascii"))


def _takes_token(scheme: SecurityScheme) -> bool:
    return isinstance(scheme, (OAuth2Scheme, OpenIdConnectScheme)) or isinstance(scheme, HttpScheme) and scheme.scheme == "bearer"


def describe(name: str, scheme: SecurityScheme) -> str:
    if isinstance(scheme, ApiKeyScheme):
        return f"{name} (API key in {scheme.location} {scheme.name!r})"
    if isinstance(scheme, HttpScheme):
        return f"{name} (HTTP {scheme.scheme})"
    if isinstance(scheme, OAuth2Scheme):
        return f"{name} (OAuth 2.0{', client credentials at ' + scheme.token_url if scheme.token_url else ''})"
    return f"{name} (OpenID Connect)"


class _Builder:
    """Turns the client's settings into one applier per scheme it has a credential for."""

    def __init__(self, config: ClientConfig, schemes: Mapping[str, SecurityScheme]) -> None:
        self.config = config
        self.schemes = schemes
        self._fetchers: dict[tuple[str, str, str], Applier] = {}

    def declared(self) -> str:
        return ", ".join(describe(n, s) for n, s in self.schemes.items()) or "none"

    def explicit(self, name: str, credential: Credential) -> Applier:
        scheme = self.schemes.get(name)
        if scheme is None:
            raise ConfigurationError(f"credentials name {name!r}, which is not a security scheme of this API "
                                     f"(its schemes: {self.declared()})")
        if isinstance(credential, ClientCredentials) and isinstance(scheme, OAuth2Scheme) and scheme.token_url:
            return self.oauth2(scheme.token_url, credential)
        if isinstance(credential, tuple) and isinstance(scheme, HttpScheme) and scheme.scheme == "basic":
            return _basic(*credential)
        if isinstance(credential, str) and not (isinstance(scheme, HttpScheme) and scheme.scheme == "basic"):
            if isinstance(scheme, ApiKeyScheme):
                return Placement(scheme.location, scheme.name, credential)
            return _header(scheme.scheme if isinstance(scheme, HttpScheme) else "bearer", credential)
        raise ConfigurationError(f"credentials[{name!r}] is a {type(credential).__name__}; {describe(name, scheme)} takes {_takes(scheme)}")

    def oauth2(self, token_url: str, credentials: ClientCredentials) -> Applier:
        key = (token_url, credentials.client_id, credentials.client_secret)
        if key not in self._fetchers:
            self._fetchers[key] = OAuth2ClientCredentialsAuth(self.config, token_url, credentials)
        return self._fetchers[key]

    def simple_forms(self) -> list[tuple[str, list[Callable[[SecurityScheme], bool]], Callable[[SecurityScheme], Applier]]]:
        """(setting, the kinds of scheme it fills in order of preference, how it fills one) for each simple form given."""
        config = self.config
        forms: list[tuple[str, list[Callable[[SecurityScheme], bool]], Callable[[SecurityScheme], Applier]]] = []
        if config.bearer_token:
            bearer = _header("bearer", config.bearer_token)
            forms.append(("bearer_token", [_takes_token, _authorization_key], lambda _: bearer))
        if config.api_key:
            forms.append(("api_key", [_is_api_key, _is_token_header], self.api_key))
        if config.username is not None and config.password is not None:
            basic = _basic(config.username, config.password)
            forms.append(("username/password", [_is_basic], lambda _: basic))
        if config.client_id and config.client_secret:
            pair = ClientCredentials(config.client_id, config.client_secret)
            # A bearer scheme takes them only when the package knows its control plane's own token endpoint.
            kinds: list[Callable[[SecurityScheme], bool]] = [_has_token_url]
            if config.token_exchange is not None:
                kinds.append(_is_bearer)
            forms.append(("client_id/client_secret", kinds, lambda s: self.client_credentials(s, pair)))
        return forms

    def api_key(self, scheme: SecurityScheme) -> Applier:
        key, header = self.config.api_key, self.config.api_key_header
        assert key is not None
        if header.lower() != "authorization":  # the client's own choice of header wins over the scheme's
            return Placement("header", header, key)
        if isinstance(scheme, ApiKeyScheme):
            return Placement(scheme.location, scheme.name, key)
        assert isinstance(scheme, HttpScheme)
        return _header(scheme.scheme, key)

    def client_credentials(self, scheme: SecurityScheme, pair: ClientCredentials) -> Applier:
        if isinstance(scheme, OAuth2Scheme) and scheme.token_url:
            return self.oauth2(scheme.token_url, pair)
        # An HTTP bearer scheme: tokens from the control plane's own token endpoint (``token_exchange``).
        key = ("", pair.client_id, pair.client_secret)
        if key not in self._fetchers:
            self._fetchers[key] = ClientCredentialsAuth(self.config)
        return self._fetchers[key]


def _takes(scheme: SecurityScheme) -> str:
    if isinstance(scheme, HttpScheme) and scheme.scheme == "basic":
        return "a (username, password) pair"
    if isinstance(scheme, OAuth2Scheme) and scheme.token_url:
        return "an access token string or ClientCredentials"
    return "a string (its API key or token)"


def _is_api_key(scheme: SecurityScheme) -> bool:
    return isinstance(scheme, ApiKeyScheme)


def _authorization_key(scheme: SecurityScheme) -> bool:
    return isinstance(scheme, ApiKeyScheme) and scheme.location == "header" and scheme.name.lower() == "authorization"


def _is_token_header(scheme: SecurityScheme) -> bool:
    return isinstance(scheme, HttpScheme) and scheme.scheme != "basic"


def _is_basic(scheme: SecurityScheme) -> bool:
    return isinstance(scheme, HttpScheme) and scheme.scheme == "basic"


def _is_bearer(scheme: SecurityScheme) -> bool:
    return isinstance(scheme, HttpScheme) and scheme.scheme == "bearer"


def _has_token_url(scheme: SecurityScheme) -> bool:
    return isinstance(scheme, OAuth2Scheme) and bool(scheme.token_url)


def appliers(config: ClientConfig, schemes: Mapping[str, SecurityScheme]) -> dict[str, Applier]:
    """One applier per scheme the client has a credential for; refuses a credential that fills no scheme.

    A credential given by scheme name wins over a simple form for that scheme. A simple
    form fills every scheme of the first kind it is for that the spec declares
    (``api_key``: API-key schemes, else HTTP schemes other than basic).
    """
    builder = _Builder(config, schemes)
    found = {name: builder.explicit(name, credential) for name, credential in (config.credentials or {}).items()}
    for setting, kinds, make in builder.simple_forms():
        names = next((names for kind in kinds if (names := [n for n, s in schemes.items() if kind(s)])), [])
        if not names:
            why = (" (an HTTP bearer scheme takes them only at the control plane's own token endpoint, and this API's "
                   "spec names none)" if setting == "client_id/client_secret" and config.token_exchange is None else "")
            raise ConfigurationError(f"{setting} fits no security scheme of this API (its schemes: {builder.declared()}){why}")
        for name in names:
            found.setdefault(name, make(schemes[name]))
    return found

