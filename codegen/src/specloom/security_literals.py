"""Security schemes and requirements of the IR as Python literals of generated code and as index rows."""

from __future__ import annotations

from .ir import SecurityRequirement, SecurityScheme, TokenExchange

#: The runtime class each kind of scheme becomes.
SCHEME_CLASSES = {"apiKey": "ApiKeyScheme", "http": "HttpScheme", "oauth2": "OAuth2Scheme", "openIdConnect": "OpenIdConnectScheme"}


def scheme_literal(scheme: SecurityScheme) -> str:
    """``ApiKeyScheme('api-key', 'query')``, ``HttpScheme('bearer', 'JWT')``, ``OAuth2Scheme(token_url=...)``..."""
    cls = SCHEME_CLASSES[scheme.kind]
    if scheme.kind == "apiKey":
        return f"{cls}({scheme.parameter!r}, {scheme.location!r})"
    if scheme.kind == "http":
        return f"{cls}({scheme.scheme!r}{', ' + repr(scheme.bearer_format) if scheme.bearer_format else ''})"
    if scheme.kind == "oauth2":
        token_url = next((f.token_url for f in scheme.flows if f.kind == "clientCredentials" and f.token_url), None)
        flows = tuple(f.kind for f in scheme.flows)
        return f"{cls}(token_url={token_url!r}, flows={flows!r})"
    return f"{cls}({scheme.url!r})"


def exchange_literal(exchange: TokenExchange | None) -> str:
    """``TokenExchange('/api/v1/token', 'grantType', (('client_credentials', 'clientID', 'clientSecret'),))``."""
    if exchange is None:
        return "None"
    return f"TokenExchange({exchange.path!r}, {exchange.grant_key!r}, {exchange.grants!r})"


def requirements_literal(requirements: tuple[SecurityRequirement, ...]) -> str:
    """``({'basicAuth': ()}, {'apiKey': ()})``: the alternatives, each scheme with its scopes; ``()`` for none."""
    items = ["{" + ", ".join(f"{name!r}: {scopes!r}" for name, scopes in r) + "}" for r in requirements]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def requirement_json(requirement: SecurityRequirement) -> dict[str, list[str]]:
    """One alternative as the spec writes it: scheme name -> scopes."""
    return {name: list(scopes) for name, scopes in requirement}
