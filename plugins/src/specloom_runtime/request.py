"""Turning an :class:`Operation` and a call's arguments into an ``httpx.Request``."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import httpx

from .codec import to_jsonable
from .operation import Operation, ParamStyle
from .unset import Unset

_DEFAULT_STYLE = ParamStyle()


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    operation: Operation[Any],
    *,
    path: Mapping[str, Any] | None = None,
    query: Mapping[str, Any] | None = None,
    headers: Mapping[str, Any] | None = None,
    cookies: Mapping[str, Any] | None = None,
    body: Any = None,
) -> httpx.Request:
    """Build the request; arguments that are :data:`UNSET` are left out."""
    url = _expand_path(operation.path, path or {})
    params = _encode_query(operation, query or {})
    header_values = {name: _scalar(value) for name, value in _given(headers)}
    content: bytes | None = None
    data: dict[str, Any] | None = None
    if operation.body_media_type is not None and not isinstance(body, Unset):
        header_values["Content-Type"] = operation.body_media_type
        if operation.body_media_type == "application/x-www-form-urlencoded":
            data = {k: _scalar(v) for k, v in to_jsonable(body).items() if v is not None}
        elif "json" in operation.body_media_type:
            content = json.dumps(to_jsonable(body), separators=(",", ":"), allow_nan=False).encode()
        elif isinstance(body, (bytes, str)):
            content = body.encode() if isinstance(body, str) else body
        else:
            content = json.dumps(to_jsonable(body)).encode()
    cookie_values = {name: _scalar(value) for name, value in _given(cookies)}
    return client.build_request(
        operation.method,
        url,
        params=params,
        headers=header_values,
        content=content,
        data=data,
        cookies=cookie_values or None,
    )


def _given(values: Mapping[str, Any] | None) -> list[tuple[str, Any]]:
    return [(k, v) for k, v in (values or {}).items() if not isinstance(v, Unset)]


def _expand_path(template: str, values: Mapping[str, Any]) -> str:
    for name, value in values.items():
        # safe="" so "/" and "?" in a value stay inside their segment.
        template = template.replace("{" + name + "}", quote(_scalar(value), safe=""))
    return template


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
