"""Following redirects without ever carrying credentials to another origin."""

from __future__ import annotations

import httpx

# Headers that can carry a credential; dropped when a redirect leaves the origin.
CREDENTIAL_HEADERS = ("authorization", "proxy-authorization", "cookie", "x-api-key", "api-key")


def next_hop(
    request: httpx.Request, response: httpx.Response, hops_left: int, pristine: httpx.Headers
) -> tuple[httpx.Request, bool] | None:
    """The request a redirect asks for and whether it stays on the same origin; ``None`` to stop.

    The hop starts from ``pristine``, the headers as they were before auth ran, so no
    credential an auth flow wrote (whatever its header name) is carried along; on the
    same origin the auth flow runs again and adds them back.
    """
    location = response.headers.get("location")
    if hops_left <= 0 or not location:
        return None
    url = request.url.join(location)
    if url.scheme not in ("http", "https"):
        return None
    method = request.method
    content: bytes | None = request.content
    if response.status_code == 303 and method != "HEAD" or response.status_code in (301, 302) and method == "POST":
        method, content = "GET", None
    same_origin = (url.scheme, url.host, url.port) == (request.url.scheme, request.url.host, request.url.port)
    headers = httpx.Headers(pristine)
    headers.pop("host", None)
    if content is None:
        headers.pop("content-length", None)
        headers.pop("content-type", None)
    if not same_origin:
        for name in CREDENTIAL_HEADERS:
            headers.pop(name, None)
    return httpx.Request(method, url, headers=headers, content=content, extensions=request.extensions), same_origin
