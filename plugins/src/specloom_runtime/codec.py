"""Conversions between JSON values and the Python values generated models hold.

Generated ``from_dict`` methods call the ``parse_*`` helpers for formats that
JSON cannot carry; :func:`to_jsonable` is the one way back, used by ``to_dict``,
request bodies and parameters alike.
"""

from __future__ import annotations

import datetime
import enum
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from .unset import Unset

_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_jsonable(value: Any) -> Any:
    """Turn models, enums, dates, UUIDs and containers of them into JSON values."""
    # Exact types first: request bodies are mostly plain JSON already, and this runs on every call.
    cls = type(value)
    if cls in _PLAIN:
        return value
    if cls is dict:
        return {str(k): to_jsonable(v) for k, v in value.items() if not isinstance(v, Unset)}
    if cls is list:
        return [to_jsonable(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (str, bool, int, float)):
        return value
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):  # a generated model
        return to_dict()
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items() if not isinstance(v, Unset)}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, bytes):
        return value.decode()
    raise TypeError(f"cannot send a value of type {type(value).__name__} as JSON: {value!r}")


def as_json(value: Any) -> Any:
    """``value`` as the JSON it will be sent as; unchanged when it cannot be sent at all.

    Generated validators call this only when a value fails its JSON type check, so
    plain JSON is never copied, and a model, enum or date is checked as sent.
    """
    try:
        return to_jsonable(value)
    except TypeError:
        return value


def _lenient(parse: Callable[[str], Any], what: str) -> Callable[[Any], Any]:
    def parse_or_keep(value: Any) -> Any:
        # A server that sends a malformed value must not make the whole answer unreadable.
        if isinstance(value, str):
            try:
                return parse(value)
            except ValueError:
                return value
        return value

    parse_or_keep.__doc__ = f"Parse {what}; a value that is not one is kept as it came."
    return parse_or_keep


parse_datetime = _lenient(datetime.datetime.fromisoformat, "an RFC 3339 date-time")
parse_date = _lenient(datetime.date.fromisoformat, "an RFC 3339 full-date")
parse_uuid = _lenient(uuid.UUID, "a UUID")


def parse_union(value: Any, variants: tuple[Callable[[Any], Any] | type, ...]) -> Any:
    """Decode ``value`` as the first of ``variants`` it fits.

    Objects go to the model whose required keys are all present and which knows
    the most of the value's keys; scalars to the first variant of their JSON
    type. A value that fits none is returned as it came, never dropped.
    """
    if isinstance(value, dict):
        best: tuple[int, Any] | None = None
        for variant in variants:
            known = getattr(variant, "__known_keys__", None)
            if known is None:
                continue
            if not getattr(variant, "__required_keys__", frozenset()) <= value.keys():
                continue
            score = len(known & value.keys())
            if best is None or score > best[0]:
                best = (score, variant)
        if best is not None:
            return best[1].from_dict(value)
        return value
    for variant in variants:
        if isinstance(variant, type) and not hasattr(variant, "from_dict"):
            if variant is float and isinstance(value, (int, float)) and not isinstance(value, bool):
                return float(value)
            if issubclass(variant, enum.Enum):
                try:
                    return variant(value)
                except ValueError:
                    continue
            if _json_type_fits(variant, value):
                return value
        elif not isinstance(variant, type):
            try:
                return variant(value)
            except (TypeError, ValueError, AttributeError, KeyError):
                continue
    return value


def _json_type_fits(variant: type, value: Any) -> bool:
    if variant is bool or isinstance(value, bool):
        return variant is bool and isinstance(value, bool)
    return isinstance(value, variant)


def model_to_dict(model: Any, wire_names: Mapping[str, str]) -> dict[str, Any]:
    """The JSON form of a generated model: set attributes under their wire names, then extras."""
    out: dict[str, Any] = {}
    for attribute, wire in wire_names.items():
        value = getattr(model, attribute)
        if not isinstance(value, Unset):
            out[wire] = to_jsonable(value)
    for key, value in model.additional_properties.items():
        out.setdefault(key, to_jsonable(value))
    return out
