"""Following redirects without ever carrying credentials to another origin, or a body to plain http."""

from __future__ import annotations

import httpx

from .errors import RedirectError
from .request import can_resend

# Headers that can carry a credential; dropped when a redirect leaves the origin.
CREDENTIAL_HEADERS = ("authorization", "proxy-authorization", "cookie", "x-api-key", "api-key")


def next_hop(
    request: httpx.Request, response: httpx.Response, hops_left: int, pristine: httpx.Headers
) -> tuple[httpx.Request, bool] | None:
    """The request a redirect asks for and whether it stays on the same origin; ``None`` to stop.

    The hop starts from ``pristine``, the headers as they were before auth ran, so no
    credential an auth flow wrote (whatever its header name) is carried along; on the
    same origin the auth flow runs again and adds them back.

    Raises :class:`RedirectError` for a hop from https to plain http (its body and
    query would travel in clear text) and for a ``Location`` that is not a URL.
    """
    location = response.headers.get("location")
    if hops_left <= 0 or not location:
        return None
    url = _target(request, response, location)
    if url.scheme not in ("http", "https"):
        return None
    if request.url.scheme == "https" and url.scheme == "http":
        raise _refused(request, response, f"it leads from https to plain http ({url.host})")
    method = request.method
    # An upload (uploads.UploadStream, which says whether it can_resend) goes again from its first byte;
    # other bodies are in memory.
    upload = request.stream if hasattr(request.stream, "can_resend") else None
    content: bytes | None = None if upload is not None else request.content
    if response.status_code == 303 and method != "HEAD" or response.status_code in (301, 302) and method == "POST":
        method, content, upload = "GET", None, None
    if upload is not None and not can_resend(request):
        raise _refused(request, response, "its body (an iterator) was sent once and cannot be sent again")
    same_origin = (url.scheme, url.host, url.port) == (request.url.scheme, request.url.host, request.url.port)
    headers = httpx.Headers(pristine)
    headers.pop("host", None)
    if content is None and upload is None:
        headers.pop("content-length", None)
        headers.pop("content-type", None)
    if not same_origin:
        for name in CREDENTIAL_HEADERS:
            headers.pop(name, None)
    if upload is not None:  # httpx adds Host itself only to a request built without a stream
        headers["Host"] = url.netloc.decode("ascii")
    return httpx.Request(method, url, headers=headers, content=content, stream=upload,
                         extensions=request.extensions), same_origin


def check_location(response: httpx.Response) -> None:
    """An httpx response hook: refuse a redirect whose ``Location`` is not a URL, with a typed error.

    httpx builds the next request of every redirect, even one it will not follow, and
    fails on such a Location with an untyped error (a transport error that would be
    retried, or a bare ``ValueError`` from IDNA).
    """
    if response.has_redirect_location:
        response.read()
        _target(response.request, response, response.headers["location"])


async def check_location_async(response: httpx.Response) -> None:
    if response.has_redirect_location:
        await response.aread()
        _target(response.request, response, response.headers["location"])


def _target(request: httpx.Request, response: httpx.Response, location: str) -> httpx.URL:
    try:
        url = request.url.join(location)
        url.host  # noqa: B018 - decoding the host is what fails on a bad IDNA label
    except (httpx.InvalidURL, ValueError) as exc:
        raise _refused(request, response, f"its Location is not a URL ({exc})") from None
    return url


def _refused(request: httpx.Request, response: httpx.Response, why: str) -> RedirectError:
    return RedirectError(f"{request.method} {request.url.path} -> {response.status_code}: the redirect was not followed: {why}",
                         response=response)
