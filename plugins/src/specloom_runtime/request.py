"""Turning an :class:`Operation` and a call's arguments into an ``httpx.Request``."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from . import styles
from .codec import to_jsonable
from .errors import ConfigurationError, RequestEncodingError
from .operation import Operation, ParamStyle
from .unset import UNSET, Unset

if TYPE_CHECKING:
    from .call import Call
    from .config import ClientConfig
    from .uploads import UploadStream

_DEFAULT_STYLE = ParamStyle()


# Headers the runtime and its plugins own; a caller's headers may not replace them.
PROTECTED_HEADERS = frozenset({
    "authorization", "proxy-authorization", "user-agent", "x-client-request-id", "idempotency-key",
    "content-type", "content-length", "host", "cookie", "transfer-encoding",
})


# A line break ends a header (and may start another, or a second request); NUL is never valid.
_BREAKS = re.compile(r"[\r\n\0]")
# A header name is an RFC 9110 token: a space or a colon in it would change what the server reads.
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


def check_headers(headers: Mapping[str, str], where: str) -> None:
    """Refuse SDK-controlled headers and line breaks in caller-supplied ones, before anything is sent."""
    clash = sorted(name for name in headers if name.lower() in PROTECTED_HEADERS)
    if clash:
        raise ConfigurationError(
            f"{where} may not set {', '.join(clash)}: the client controls these (use its auth and request options)"
        )
    broken = unsendable_headers(headers)
    if broken:
        raise ConfigurationError(f"{where}: {broken}")


def unsendable_headers(headers: Mapping[str, str], *, cookies: bool = False) -> str | None:
    """What makes these headers (or cookies) impossible to send as given, or ``None``."""
    for name, value in headers.items():
        problem = _unsendable(name) or _unsendable(value)
        if problem:
            return f"{name!r} {problem}"
        if not _TOKEN.fullmatch(name):
            return f"{name!r} is not a header name (letters, digits and !#$%&'*+-.^_`|~ only)"
        if cookies and (";" in value or "=" in name or ";" in name):
            return f"cookie {name!r} holds ';' or '=' where it would add another cookie"
    return None


def _unsendable(text: str) -> str | None:
    if _BREAKS.search(text):
        return "holds a line break or NUL, which would end the header early"
    if not text.isascii():
        return "holds a character outside ASCII, which a header cannot carry as text (encode it first)"
    return None


def check_credentials(config: ClientConfig) -> None:
    """Refuse, before anything is sent, a token or key that could not go into a header as given.

    Only the setting is named: the value is a secret.
    """
    texts = {"bearer_token": config.bearer_token, "api_key": config.api_key}
    texts.update({f"credentials[{k!r}]": v for k, v in (config.credentials or {}).items() if isinstance(v, str)})
    for setting, text in texts.items():
        problem = _unsendable(text) if text else None
        if problem:
            raise ConfigurationError(f"{setting} {problem}")


def build_request(call: Call) -> httpx.Request:
    """The request for a call; arguments that are :data:`UNSET` are left out.

    Raises :class:`RequestEncodingError`, naming the argument, when a value cannot be sent.
    """
    operation, arguments, options, config = call.operation, call.arguments, call.options, call.config
    if operation.presigned:  # to the URL the caller gives, with nothing of the client's (see .presigned)
        from .presigned import presigned_request

        return presigned_request(call)
    check_headers(options.headers, "request_options.headers")
    where = "path parameters"
    try:
        url = config.base_url + _expand_path(operation.path, arguments.get("path") or {})
        where = "query parameters"
        params = _encode_query(operation, {**(arguments.get("query") or {}), **options.query})
        where = "header parameters"
        header_values = {**config.headers, **{name: _simple(value) for name, value in _given(arguments.get("headers"))}}
        header_values.update(options.headers)
        _refuse_unsendable(unsendable_headers(header_values))
        where = "cookie parameters"
        cookie_values = {name: _simple(value) for name, value in _given(arguments.get("cookies"))}
        _refuse_unsendable(unsendable_headers(cookie_values, cookies=True))
        where = "body"
        body = arguments.get("body", UNSET)
        if operation.graphql is not None:
            from .graphql import graphql_body  # here: only GraphQL packages pay for the module

            where = "variables"
            body = graphql_body(operation.graphql, arguments.get("variables") or {})
        content = None
        stream = _upload(operation, body, options.body, header_values)
        if stream is None:
            if options.body:
                body = {**to_jsonable(body), **options.body} if not isinstance(body, Unset) else dict(options.body)
            content = _encode_body(operation, body, header_values)
    except (TypeError, ValueError) as exc:
        raise RequestEncodingError(f"{operation.operation_id}: cannot send the {where}: {exc}") from exc
    timeout = httpx.Timeout(options.timeout) if options.timeout is not None else config.timeout
    if cookie_values:
        header_values["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookie_values.items())
    if stream is not None:  # httpx adds Host itself only to a request built without a stream
        header_values["Host"] = httpx.URL(url).netloc.decode("ascii")
    return httpx.Request(
        operation.method,
        url,
        params=params,
        headers=header_values,
        content=content,
        stream=stream,
        extensions={"timeout": timeout.as_dict()},
    )


def _refuse_unsendable(problem: str | None) -> None:
    if problem is not None:
        raise ValueError(problem)


def _upload(operation: Operation[Any], body: Any, extra: Mapping[str, Any], headers: dict[str, str]) -> UploadStream | None:
    """A multipart body, or a file sent as the whole body, as a stream (:mod:`.uploads`); ``None`` for other bodies."""
    media = operation.body_media_type
    if media is None or isinstance(body, Unset) and not extra:
        return None
    # Loaded by the first upload: most clients never send one, and every client imports this module.
    from .uploads import binary_body, is_file_content

    if media.startswith("multipart/form-data"):
        from .multipart import body_fields, multipart_body

        if extra:  # request_options.body adds fields, as it does to a JSON object body
            body = {**(body_fields(body) if not isinstance(body, Unset) else {}), **extra}
        stream, headers["Content-Type"] = multipart_body(body, operation.body_encoding)
    elif "json" not in media and "form-urlencoded" not in media and not isinstance(body, (bytes, str)) and (
            is_file_content(body) or hasattr(body, "read")):  # a text file too: source_of says what is wrong with it
        stream, headers["Content-Type"] = binary_body(body, media)
    else:
        return None
    headers.update(stream.headers())
    return stream


def can_resend(request: httpx.Request) -> bool:
    """Whether ``request``'s body can be sent again (a retry, a redirect, a replay after a 401).

    A body in memory always can. An upload's stream (:class:`~specloom_runtime.uploads.UploadStream`)
    says so in its ``can_resend``: an iterator, once read, cannot. Asked by attribute, so a client
    loads the upload modules only when it uploads.
    """
    return getattr(request.stream, "can_resend", True) is not False


def _encode_body(operation: Operation[Any], body: Any, headers: dict[str, str]) -> bytes | None:
    media = operation.body_media_type
    if media is None or isinstance(body, Unset):
        return None
    headers["Content-Type"] = media
    if media == "application/x-www-form-urlencoded":
        from .forms import urlencoded_body  # loaded by the first form body

        return urlencoded_body(body, operation.body_encoding)
    if isinstance(body, (bytes, str)) and "json" not in media:
        return body.encode() if isinstance(body, str) else body
    # allow_nan=False: NaN and infinities are not JSON, and a server would reject them anyway.
    return json.dumps(to_jsonable(body), separators=(",", ":"), allow_nan=False).encode()


def _given(values: Mapping[str, Any] | None) -> list[tuple[str, Any]]:
    return [(k, v) for k, v in (values or {}).items() if not isinstance(v, Unset)]


def _expand_path(template: str, values: Mapping[str, Any]) -> str:
    for name, value in values.items():
        # safe="" so "/" and "?" in a value stay inside their segment.
        segment = quote(_simple(value), safe="")
        if segment.strip(".") == "":
            # "." or ".." would be a dot segment, removed with the one before it (RFC 3986 5.2.4):
            # another endpoint would be called. Percent-encoded, the dots are data.
            segment = segment.replace(".", "%2E")
        template = template.replace("{" + name + "}", segment)
    return template


def _simple(value: Any) -> str:
    return styles.simple(to_jsonable(value))


def _encode_query(operation: Operation[Any], values: Mapping[str, Any]) -> list[tuple[str, str | int | float | bool | None]]:
    encoded: list[tuple[str, str | int | float | bool | None]] = []
    for name, value in _given(values):
        encoded += styles.pairs(name, to_jsonable(value), operation.styles.get(name, _DEFAULT_STYLE))
    return encoded
