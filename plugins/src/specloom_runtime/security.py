"""Security schemes as a spec declares them, and the auth that applies what each operation asks for.

A generated package carries its scheme table (``_security.py``) and each
``Operation`` its requirements: alternatives, any one of which authorises the
call, each combining one or more schemes. :class:`SecurityAuth` applies the
first alternative the client has every credential for, and nothing to an
operation that needs none.

The schemes and placements are named tuples: plain values, and cheap to define
(building any client of a spec with schemes imports this module).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator, Mapping
from typing import Literal, NamedTuple

import httpx

#: One alternative of an operation's ``security``: scheme name -> OAuth 2.0 scopes (empty for other schemes).
Requirement = Mapping[str, tuple[str, ...]]
#: Where the auth finds the requirements of the operation a request is for (set by the auth plugin).
REQUIREMENTS = "specloom.security"


class ApiKeyScheme(NamedTuple):
    """An API key sent as the header, query parameter or cookie ``name``."""

    name: str
    location: Literal["header", "query", "cookie"]


class HttpScheme(NamedTuple):
    """``Authorization: <Scheme> <credentials>``: ``basic``, ``bearer`` or another scheme (lowercase)."""

    scheme: str
    bearer_format: str | None = None


class OAuth2Scheme(NamedTuple):
    """OAuth 2.0: an access token; ``token_url`` is the client-credentials flow's, when the spec declares one."""

    token_url: str | None = None
    flows: tuple[str, ...] = ()


class OpenIdConnectScheme(NamedTuple):
    """OpenID Connect: an access token from the provider ``url`` describes."""

    url: str = ""


SecurityScheme = ApiKeyScheme | HttpScheme | OAuth2Scheme | OpenIdConnectScheme


class TokenExchange(NamedTuple):
    """How the control plane's own token endpoint takes client credentials: a JSON POST to ``path``
    (under the base URL) whose body names the grant under ``grant_key`` and the client id and secret
    under the keys of that grant. A generated package carries its spec's (``TOKEN_EXCHANGE``)."""

    path: str
    grant_key: str
    #: ``(grant, client id key, client secret key)`` per grant the endpoint takes, the preferred first.
    grants: tuple[tuple[str, str, str], ...]


class Placement(NamedTuple):
    """Where and how one credential goes on a request: a header, a query parameter or a cookie."""

    location: Literal["header", "query", "cookie"]
    name: str
    value: str

    def __repr__(self) -> str:
        return f"Placement(location={self.location!r}, name={self.name!r}, value='***')"

    def apply(self, request: httpx.Request) -> None:
        if self.location == "header":
            request.headers[self.name] = self.value
        elif self.location == "query":
            request.url = request.url.copy_set_param(self.name, self.value)
        else:
            # Set, not appended: a retry sends the same request through the auth again.
            others = [c for c in request.headers.get("cookie", "").split("; ") if c and not c.startswith(self.name + "=")]
            request.headers["Cookie"] = "; ".join([*others, f"{self.name}={self.value}"])


#: A credential ready for one scheme: a fixed placement, or an auth that fetches tokens first.
Applier = Placement | httpx.Auth


class SecurityAuth(httpx.Auth):
    """Applies, per request, the credentials of the first alternative of its operation the client can satisfy.

    A request of an operation that declares nothing (a hand-built ``Operation``)
    gets the credential of the first scheme the client has one for, as before
    schemes were declared. At most one credential of an alternative fetches tokens
    (client credentials); its flow then runs, with refresh and replay after a 401.
    """

    def __init__(self, appliers: Mapping[str, Applier]) -> None:
        self._appliers = dict(appliers)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._appliers!r})"

    @property
    def token_requests(self) -> int:
        """How many token requests the credentials that fetch tokens have made (tests and metrics read it)."""
        fetchers = {id(a): a for a in self._appliers.values() if not isinstance(a, Placement)}
        return sum(getattr(a, "token_requests", 0) for a in fetchers.values())

    def chosen(self, request: httpx.Request) -> list[Applier]:
        requirements: tuple[Requirement, ...] | None = request.extensions.get(REQUIREMENTS)
        if requirements is None:
            return list(self._appliers.values())[:1]
        for requirement in requirements:
            if all(name in self._appliers for name in requirement):
                return [self._appliers[name] for name in requirement]
        return []

    def _split(self, request: httpx.Request) -> httpx.Auth | None:
        fetching = None
        for applier in self.chosen(request):
            if isinstance(applier, Placement):
                applier.apply(request)
            elif fetching is None:
                fetching = applier
        return fetching

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        fetching = self._split(request)
        if fetching is None:
            yield request
            return
        yield from fetching.sync_auth_flow(request)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        fetching = self._split(request)
        if fetching is None:
            yield request
            return
        flow = fetching.async_auth_flow(request)
        outgoing = await flow.__anext__()
        while True:
            response = yield outgoing
            try:
                outgoing = await flow.asend(response)
            except StopAsyncIteration:
                return
