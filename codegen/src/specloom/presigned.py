"""Operations that upload to a URL the API hands out (a presigned URL), not to the API itself: found by a rule.

The rule: a PUT or POST with a binary body whose ``servers`` (the operation's own, else its path's)
all lack a host (``https://``, ``{url}``), so no base URL can complete them: DigitalOcean's
batch-file upload (``PUT /<upload_url>``, served from ``https://``: "use the exact ``upload_url``
returned by ``POST /v1/batches/files``") is one. A spec may also say so on the operation with
``x-specloom-presigned: true``.

Such an operation is generated with a required ``str`` argument for the URL (named after the
path's one placeholder, ``/<upload_url>`` or ``/{upload_url}``, else ``url``) and a ``presigned``
runtime ``Operation``: the runtime sends the body there with none of the client's credentials or
headers (``specloom_runtime.presigned``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from .ir import Body, Operation, Parameter
from .naming import snake

#: The extension that declares an operation a presigned upload when its servers do not say so.
EXTENSION = "x-specloom-presigned"
# A path that is one placeholder and nothing else: "/<upload_url>" (DigitalOcean) or "/{upload_url}".
_PLACEHOLDER = re.compile(r"/(?:<([^<>/]+)>|\{([^{}/]+)\})")
_VARIABLE = re.compile(r"\{([^{}]*)\}")
# Keywords every generated method has already.
_TAKEN = frozenset({"body", "request_options", "self"})


def presigned(method: str, path: str, operation: Mapping[str, Any], path_item: Mapping[str, Any], body: Body | None,
              parameters: tuple[Parameter, ...]) -> tuple[str, tuple[Parameter, ...]]:
    """The URL argument's name (``""``: not a presigned upload) and the parameters left (the path's placeholder, if it
    was declared as a path parameter, is the URL now)."""
    binary = body is not None and body.type.kind == "string" and body.type.format == "binary"
    servers = operation.get("servers") if operation.get("servers") is not None else path_item.get("servers")
    if method not in ("PUT", "POST") or not binary or not (operation.get(EXTENSION) is True or _hostless(servers)):
        return "", parameters
    match = _PLACEHOLDER.fullmatch(path)
    placeholder = (match.group(1) or match.group(2)) if match else ""
    kept = tuple(p for p in parameters if not (p.location == "path" and p.wire_name == placeholder))
    taken = _TAKEN | {p.python_name for p in kept}
    name = snake(placeholder, fallback="url") if placeholder else "url"
    if name in taken:
        name = "presigned_url"
    while name in taken:
        name += "_"
    return name, kept


def _hostless(servers: Any) -> bool:
    """Every server URL (variables at their defaults) has a scheme and no host, or is empty: the URL comes at call time."""
    if not isinstance(servers, list) or not servers:
        return False
    for server in servers:
        url = _expanded(server)
        parts = urlsplit(url or "")
        if url is None or url and not (parts.scheme in ("http", "https") and not parts.netloc):
            return False
    return True


def _expanded(server: Any) -> str | None:
    """A Server Object's URL with its variables at their defaults; ``None`` when it is not a Server Object."""
    if not isinstance(server, dict) or not isinstance(server.get("url"), str):
        return None
    declared = server.get("variables")
    variables: dict[str, Any] = declared if isinstance(declared, dict) else {}

    def default(match: re.Match[str]) -> str:
        variable = variables.get(match.group(1))
        return str(variable.get("default", "")) if isinstance(variable, dict) else ""

    return _VARIABLE.sub(default, server["url"]).strip()


def explained(op: Operation) -> str:
    """The docstring paragraph of a presigned upload: where its URL comes from, and what is (not) sent there."""
    return (f"``{op.presigned_url}``: the presigned URL the API returned, used as it is (host, path and query). "
            "The body goes there with none of the client's credentials or headers.")
