"""Security schemes and requirements of a spec -> the IR; what cannot be used is reported, never raised."""

from __future__ import annotations

from typing import Any

from .diagnostics import Diagnostics
from .ir import OAuthFlow, SecurityRequirement, SecurityScheme
from .loader import Location, SpecSet
from .schemas import text_of

_KINDS = ("apiKey", "http", "oauth2", "openIdConnect")
_KEY_LOCATIONS = ("header", "query", "cookie")
_FLOWS = ("implicit", "password", "clientCredentials", "authorizationCode")


class SecurityReader:
    """Reads ``components.securitySchemes`` once, then the ``security`` lists that name them."""

    def __init__(self, specs: SpecSet, diagnostics: Diagnostics, root: dict[str, Any], base: Location) -> None:
        self.specs = specs
        self.diagnostics = diagnostics
        components = root.get("components")
        raw = components.get("securitySchemes") if isinstance(components, dict) else None
        where = base.child("components", "securitySchemes")
        if raw is not None and not isinstance(raw, dict):
            self._warn(where, f"securitySchemes must be an object, found {type(raw).__name__}; ignored")
            raw = None
        found = (self._scheme(str(name), value, where.child(str(name))) for name, value in sorted((raw or {}).items()))
        self.schemes: tuple[SecurityScheme, ...] = tuple(s for s in found if s is not None)
        self._names = {s.name for s in self.schemes}
        #: The top-level ``security``: what every operation without its own asks for.
        self.default = self.requirements(root, base) or ()

    def _warn(self, loc: Location, message: str) -> None:
        self.diagnostics.warn(loc.file, loc.pointer, message)

    def _scheme(self, name: str, raw: Any, loc: Location) -> SecurityScheme | None:
        resolved = self.specs.deref(raw, loc)
        if resolved is None:
            return None
        scheme, loc = resolved
        kind = scheme.get("type") if isinstance(scheme, dict) else None
        if not isinstance(scheme, dict) or kind not in _KINDS:
            self._warn(loc, f"security scheme {name!r} has no type the runtime knows ({', '.join(_KINDS)}); ignored")
            return None
        description = text_of(scheme.get("description"))
        if kind == "apiKey":
            location, parameter = scheme.get("in"), scheme.get("name")
            if location not in _KEY_LOCATIONS or not isinstance(parameter, str) or not parameter:
                self._warn(loc, f"API key scheme {name!r} needs 'in' (header, query or cookie) and a 'name'; ignored")
                return None
            return SecurityScheme(name, "apiKey", location=location, parameter=parameter, description=description)
        if kind == "http":
            http = scheme.get("scheme")
            if not isinstance(http, str) or not http.strip() or any(c.isspace() for c in http.strip()):
                self._warn(loc, f"HTTP scheme {name!r} needs a 'scheme' (basic, bearer...) without spaces; ignored")
                return None
            bearer_format = scheme.get("bearerFormat")
            return SecurityScheme(name, "http", scheme=http.strip().lower(), description=description,
                                  bearer_format=bearer_format if isinstance(bearer_format, str) else "")
        if kind == "oauth2":
            return SecurityScheme(name, "oauth2", flows=self._flows(name, scheme.get("flows"), loc.child("flows")),
                                  description=description)
        url = scheme.get("openIdConnectUrl")
        if not isinstance(url, str):
            self._warn(loc, f"OpenID Connect scheme {name!r} has no openIdConnectUrl; kept without it")
        return SecurityScheme(name, "openIdConnect", url=url if isinstance(url, str) else "", description=description)

    def _flows(self, name: str, raw: Any, loc: Location) -> tuple[OAuthFlow, ...]:
        if not isinstance(raw, dict):
            self._warn(loc, f"OAuth 2.0 scheme {name!r} declares no flows; a client can still give it an access token")
            return ()
        flows = []
        for kind, flow in sorted(raw.items()):
            if kind not in _FLOWS or not isinstance(flow, dict):
                self._warn(loc.child(str(kind)), f"unknown or malformed OAuth 2.0 flow {kind!r}; ignored")
                continue

            scopes = flow.get("scopes")
            flows.append(OAuthFlow(kind, _text(flow, "tokenUrl"), _text(flow, "authorizationUrl"),
                                   _text(flow, "refreshUrl"),
                                   tuple(sorted(str(s) for s in scopes)) if isinstance(scopes, dict) else ()))
        return tuple(flows)

    def requirements(self, owner: dict[str, Any], loc: Location) -> tuple[SecurityRequirement, ...] | None:
        """``owner``'s ``security`` list; ``None`` when it has none (the default then applies).

        An alternative naming a scheme the spec does not declare is reported and dropped: no
        client could satisfy it.
        """
        if "security" not in owner:
            return None
        raw, where = owner["security"], loc.child("security")
        if not isinstance(raw, list):
            self._warn(where, f"security must be a list of requirement objects, found {type(raw).__name__}; ignored")
            return None
        alternatives: list[SecurityRequirement] = []
        for i, requirement in enumerate(raw):
            if not isinstance(requirement, dict):
                self._warn(where.child(i), "a security requirement must be an object; ignored")
                continue
            unknown = sorted(str(n) for n in requirement if n not in self._names)
            if unknown:
                self._warn(where.child(i), f"security requirement names undeclared scheme(s) {', '.join(unknown)}; "
                           "this alternative is dropped")
                continue
            alternatives.append(tuple(
                (name, tuple(str(s) for s in scopes) if isinstance(scopes, list) else ())
                for name, scopes in requirement.items()
            ))
        return tuple(dict.fromkeys(alternatives))


def _text(node: dict[str, Any], key: str) -> str:
    value = node.get(key)
    return value if isinstance(value, str) else ""
