"""Uploads to a presigned URL: object storage (S3, GCS, DigitalOcean Spaces...) the API hands out for one file.

The flow such APIs describe: create the file (the answer carries a short-lived ``upload_url`` whose
query string is its signature), PUT the bytes there, then name the file in later calls. The URL is
another origin than the API's, and whoever holds it may write the file, so:

- nothing of the client goes there: no credential (the call has no auth flow), none of the client's
  ``headers``, no cookie, and no plugin's ``prepare_request`` runs (a plugin adding a tenant header
  to every call would hand it to the storage host). What is sent: ``Content-Type`` (the spec's
  media type, or the one asked for; none when asked for none: some URLs are signed without it),
  ``Content-Length`` or chunked framing, and the caller's ``request_options.headers`` (headers the
  URL was signed for, ``x-amz-*``...). A redirect carries the same, nothing more.
- the URL must be https (plain http only to a loopback host) without user info; it is checked
  before anything is sent and its query (the signature) is masked in logs and never shown in errors.
- the body is an upload like any other (:mod:`.uploads`): bytes, a path, a binary file, an iterator;
  streamed, with ``File(progress=...)``; sent again on a retry, a redirect only when it can be read
  again (an iterator is sent once). A PUT is retried under the client's rules; a POST is not.
  Storage hosts want Content-Length (S3 refuses a chunked PUT): an iterator's goes with
  ``File(chunks, size=n)``.

An operation the generator finds to be such an upload (its ``servers`` give no host) is generated
with a ``presigned`` :class:`~specloom_runtime.operation.Operation` and a URL argument; every client also
has :meth:`upload_presigned` for URLs from anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

from .config import is_loopback
from .errors import RequestEncodingError
from .logs import remember_secret
from .operation import Operation
from .request import check_headers
from .uploads import binary_body, is_file_content

if TYPE_CHECKING:
    from .call import Call

#: What a presigned upload sends when the caller names no media type (what storage hosts expect of raw bytes).
DEFAULT_MEDIA_TYPE = "application/octet-stream"


def presigned_operation(url: Any, method: str = "PUT", content_type: str | None = DEFAULT_MEDIA_TYPE) -> Operation[httpx.Response]:
    """The operation :meth:`upload_presigned` calls: ``method`` to ``url``, answered by the storage host's response.

    Its ``path`` (what logs and errors show) is the URL's path: never its query, the signature.
    """
    if method not in ("PUT", "POST"):
        raise RequestEncodingError(f"upload_presigned: method must be 'PUT' or 'POST', not {method!r}")
    try:
        path = checked_url(url).path
    except (TypeError, ValueError) as exc:
        raise RequestEncodingError(f"upload_presigned: {exc}") from None
    return Operation(method=method, path=path, operation_id="upload_presigned", decode=_storage_response,
                     body_media_type=content_type, validate=_check_body, security=(), presigned=True)


def presigned_request(call: Call) -> httpx.Request:
    """The request of a presigned upload: the call's ``url`` argument, its body, and only the headers said above.

    Raises :class:`RequestEncodingError` naming the URL or the body when either cannot be sent.
    """
    operation, options = call.operation, call.options
    check_headers(options.headers, "request_options.headers")
    where = "url"
    try:
        url = checked_url(call.arguments.get("url"))
        where = "body"
        stream, media = binary_body(call.arguments.get("body"), operation.body_media_type or DEFAULT_MEDIA_TYPE)
    except (TypeError, ValueError) as exc:
        raise RequestEncodingError(f"{operation.operation_id}: cannot send the {where}: {exc}") from exc
    remember_secret(url.query.decode("ascii"))  # the signature: masked in every log line from now on
    headers = dict(options.headers)
    if operation.body_media_type is not None:
        headers["Content-Type"] = media
    headers.update(stream.headers())
    headers["Host"] = url.netloc.decode("ascii")  # httpx adds Host itself only to a request built without a stream
    timeout = httpx.Timeout(options.timeout) if options.timeout is not None else call.config.timeout
    return httpx.Request(operation.method, url, headers=headers, stream=stream, extensions={"timeout": timeout.as_dict()})


def checked_url(url: Any) -> httpx.URL:
    """``url`` if an upload may go there: absolute, https (http only to a loopback host), no user info.

    Messages name the host and path, never the query (the signature).
    """
    if not isinstance(url, (str, httpx.URL)):
        raise TypeError(f"the upload URL must be text, not {type(url).__name__}")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise ValueError(f"the upload URL is not a URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError("the upload URL must be an absolute http(s) URL, as the API returned it")
    shown = f"{parsed.scheme}://{parsed.host}{parsed.path}"
    if parsed.userinfo:
        raise ValueError(f"the upload URL {shown} carries a user name or password: refused, it would be sent as "
                         "credentials")
    if parsed.scheme == "http" and not is_loopback(parsed.host):
        raise ValueError(f"the upload URL {shown} is plain http: its body and signature would travel in clear text "
                         "(https, or http to a loopback host only)")
    return parsed


def _check_body(arguments: Mapping[str, Any]) -> list[str]:
    if is_file_content(arguments.get("body")):
        return []
    return ["body: must be a file: bytes, a path, a binary file object or an iterator of bytes (a File to name it)"]


def _storage_response(response: httpx.Response, strict: bool = False) -> httpx.Response:
    """The storage host's answer as it came (read, closed): its status and headers (an ``ETag``...)."""
    return response
