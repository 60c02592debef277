"""Turning an :class:`Operation` and a call's arguments into an ``httpx.Request``."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import httpx

from .codec import to_jsonable
from .errors import RequestEncodingError
from .operation import Operation, ParamStyle
from .unset import Unset

_DEFAULT_STYLE = ParamStyle()


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    operation: Operation[Any],
    *,
    base_url: str = "",
    default_headers: Mapping[str, str] | None = None,
    path: Mapping[str, Any] | None = None,
    query: Mapping[str, Any] | None = None,
    headers: Mapping[str, Any] | None = None,
    cookies: Mapping[str, Any] | None = None,
    body: Any = None,
) -> httpx.Request:
    """Build the request; arguments that are :data:`UNSET` are left out.

    Raises :class:`RequestEncodingError`, naming the argument, when a value cannot be sent.
    """
    where = "path parameters"
    try:
        url = base_url + _expand_path(operation.path, path or {})
        where = "query parameters"
        params = _encode_query(operation, query or {})
        where = "header parameters"
        header_values = {**(default_headers or {}), **{name: _simple(value) for name, value in _given(headers)}}
        where = "cookie parameters"
        cookie_values = {name: _simple(value) for name, value in _given(cookies)}
        where = "body"
        content, data = _encode_body(operation, body, header_values)
    except (TypeError, ValueError) as exc:
        raise RequestEncodingError(f"{operation.operation_id}: cannot send the {where}: {exc}") from exc
    return client.build_request(
        operation.method,
        url,
        params=params,
        headers=header_values,
        content=content,
        data=data,
        cookies=cookie_values or None,
    )


def _encode_body(operation: Operation[Any], body: Any, headers: dict[str, str]) -> tuple[bytes | None, dict[str, Any] | None]:
    media = operation.body_media_type
    if media is None or isinstance(body, Unset):
        return None, None
    headers["Content-Type"] = media
    if media == "application/x-www-form-urlencoded":
        # Arrays repeat their key (form style, exploded), as OpenAPI's default encoding says.
        fields = to_jsonable(body).items()
        return None, {k: [_scalar(i) for i in v] if isinstance(v, list) else _scalar(v) for k, v in fields if v is not None}
    if isinstance(body, (bytes, str)) and "json" not in media:
        return (body.encode() if isinstance(body, str) else body), None
    # allow_nan=False: NaN and infinities are not JSON, and a server would reject them anyway.
    return json.dumps(to_jsonable(body), separators=(",", ":"), allow_nan=False).encode(), None


def _given(values: Mapping[str, Any] | None) -> list[tuple[str, Any]]:
    return [(k, v) for k, v in (values or {}).items() if not isinstance(v, Unset)]


def _expand_path(template: str, values: Mapping[str, Any]) -> str:
    for name, value in values.items():
        # safe="" so "/" and "?" in a value stay inside their segment.
        template = template.replace("{" + name + "}", quote(_simple(value), safe=""))
    return template


def _simple(value: Any) -> str:
    """OpenAPI's ``simple`` style (paths and headers): arrays and objects as comma-separated items."""
    value = to_jsonable(value)
    if isinstance(value, list):
        return ",".join(_scalar(item) for item in value)
    if isinstance(value, dict):
        return ",".join(f"{k},{_scalar(v)}" for k, v in value.items())
    return _scalar(value)


def _scalar(value: Any) -> str:
    value = to_jsonable(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def _encode_query(operation: Operation[Any], values: Mapping[str, Any]) -> list[tuple[str, str | int | float | bool | None]]:
    pairs: list[tuple[str, str | int | float | bool | None]] = []
    for name, value in _given(values):
        style = operation.styles.get(name, _DEFAULT_STYLE)
        value = to_jsonable(value)
        if isinstance(value, list):
            if style.explode and style.style == "form":
                pairs.extend((name, _scalar(item)) for item in value)
            else:
                sep = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style.style, ",")
                pairs.append((name, sep.join(_scalar(item) for item in value)))
        elif isinstance(value, dict):
            if style.style == "deepObject":
                pairs.extend((f"{name}[{k}]", _scalar(v)) for k, v in value.items())
            elif style.explode:
                pairs.extend((k, _scalar(v)) for k, v in value.items())
            else:
                pairs.append((name, ",".join(f"{k},{_scalar(v)}" for k, v in value.items())))
        else:
            pairs.append((name, _scalar(value)))
    return pairs
