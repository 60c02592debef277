"""The control plane's own token endpoint, found in the spec: where client credentials become a token.

Run:ai and the reference family take a JSON ``POST /api/v1/token`` whose body names the
grant (``grantType``) and the pair: ``clientID``/``clientSecret`` for ``client_credentials``,
``appID``/``appSecret`` for the older ``app_token``. The rule looks for that shape rather than
that path: a JSON object body with a grant-type property and, for each grant its enum allows
(both when it has none), the id and secret properties of that grant, spelt in any case, with
or without underscores. The first such operation by path wins. The generated package hands
what it found to the runtime, which sends ``client_id``/``client_secret`` that way.
"""

from __future__ import annotations

from .ir import Api, Model, Operation, TokenExchange

#: The grants a client id and secret can be exchanged by, preferred first, and the prefix of their keys.
_GRANTS = (("client_credentials", "client"), ("app_token", "app"))


def _plain(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def find_token_exchange(api: Api) -> TokenExchange | None:
    """The first token operation (by path) of the shape described above, or ``None``."""
    for op in sorted(api.operations, key=lambda op: op.path):
        found = _exchange(api, op)
        if found is not None:
            return found
    return None


def _exchange(api: Api, op: Operation) -> TokenExchange | None:
    body = op.body
    if op.method.upper() != "POST" or body is None or not _is_json(body.media_type) or body.type.kind != "model":
        return None
    model = api.models.get(body.type.ref or "")
    if model is None or model.kind != "object":
        return None
    keys = {_plain(p.wire_name): p.wire_name for p in model.properties}
    grant_key = keys.get("granttype")
    if grant_key is None:
        return None
    allowed = _enum_values(api, model, grant_key)
    grants = tuple(
        (grant, keys[f"{prefix}id"], keys[f"{prefix}secret"])
        for grant, prefix in _GRANTS
        if (allowed is None or grant in allowed) and f"{prefix}id" in keys and f"{prefix}secret" in keys
    )
    return TokenExchange(op.path, grant_key, grants) if grants else None


def _enum_values(api: Api, model: Model, grant_key: str) -> set[object] | None:
    """The values the grant property allows (its own enum, or the enum model it names); ``None``: any."""
    prop = next(p for p in model.properties if p.wire_name == grant_key)
    inline = prop.type.constraint("enum")
    if inline is not None:
        return set(inline)
    named = api.models.get(prop.type.ref or "") if prop.type.kind == "model" else None
    if named is not None and named.kind == "enum":
        return {member.value for member in named.members}
    return None


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")
