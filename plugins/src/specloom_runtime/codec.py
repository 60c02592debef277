"""Conversions between JSON values and the Python values generated models hold.

:func:`to_jsonable` is the one way back to JSON, used by ``to_dict``, request
bodies and parameters alike. Answers are read by :mod:`specloom_runtime.decoding`;
the ``parse_*`` helpers stay for packages generated before it, which call them
from their eager ``from_dict`` methods.
"""

from __future__ import annotations

import datetime
import enum
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeAlias, TypeVar, overload

from .unset import Unset
from .wiretext import read_date, read_datetime, read_uuid

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
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time, uuid.UUID)):
        # Read from an answer: the exact text received (see wiretext); made by the caller: the standard form.
        wire = getattr(value, "wire", None)
        if wire is not None:
            return wire
        return str(value) if isinstance(value, uuid.UUID) else value.isoformat()
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


_T = TypeVar("_T")


def _lenient(parse: Callable[[str], _T], what: str) -> Callable[[object], _T]:
    """``parse``, typed as what it makes (as generated annotations say), keeping what it cannot read."""

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


parse_datetime = _lenient(read_datetime, "an RFC 3339 date-time")
parse_date = _lenient(read_date, "an RFC 3339 full-date")
parse_uuid = _lenient(read_uuid, "a UUID")


_A = TypeVar("_A")
_B = TypeVar("_B")
_C = TypeVar("_C")
_D = TypeVar("_D")
_E = TypeVar("_E")
_F = TypeVar("_F")
_G = TypeVar("_G")
_H = TypeVar("_H")
_I = TypeVar("_I")
_J = TypeVar("_J")
_K = TypeVar("_K")
_L = TypeVar("_L")
_M = TypeVar("_M")
_N = TypeVar("_N")
_O = TypeVar("_O")
_P = TypeVar("_P")
#: One member of a union as generated code passes it: a class (model, enum, str, list...) or a parser.
_Variant: TypeAlias = "type[_A] | Callable[[Any], _A]"
#: The most members ``parse_union`` is typed for; generated code casts the result of a longer union.
UNION_ARITY = 16


# One overload per number of members, so the result is typed as the union of the members.
@overload
def parse_union(value: Any, variants: tuple[_Variant[_A]]) -> _A: ...
@overload
def parse_union(value: Any, variants: tuple[_Variant[_A], _Variant[_B]]) -> _A | _B: ...
@overload
def parse_union(value: Any, variants: tuple[_Variant[_A], _Variant[_B], _Variant[_C]]) -> _A | _B | _C: ...
@overload
def parse_union(
    value: Any, variants: tuple[_Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D]]
) -> _A | _B | _C | _D: ...
@overload
def parse_union(
    value: Any, variants: tuple[_Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D], _Variant[_E]]
) -> _A | _B | _C | _D | _E: ...
@overload
def parse_union(
    value: Any, variants: tuple[_Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D], _Variant[_E], _Variant[_F]]
) -> _A | _B | _C | _D | _E | _F: ...
@overload
def parse_union(
    value: Any,
    variants: tuple[_Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D], _Variant[_E], _Variant[_F], _Variant[_G]],
) -> _A | _B | _C | _D | _E | _F | _G: ...
@overload
def parse_union(
    value: Any,
    variants: tuple[
        _Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D], _Variant[_E], _Variant[_F], _Variant[_G], _Variant[_H],
    ],
) -> _A | _B | _C | _D | _E | _F | _G | _H: ...
@overload
def parse_union(
    value: Any,
    variants: tuple[
        _Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D], _Variant[_E], _Variant[_F], _Variant[_G], _Variant[_H],
        _Variant[_I],
    ],
) -> (
    _A | _B | _C | _D | _E | _F | _G | _H
    | _I
): ...
@overload
def parse_union(
    value: Any,
    variants: tuple[
        _Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D], _Variant[_E], _Variant[_F], _Variant[_G], _Variant[_H],
        _Variant[_I], _Variant[_J],
    ],
) -> (
    _A | _B | _C | _D | _E | _F | _G | _H
    | _I | _J
): ...
@overload
def parse_union(
    value: Any,
    variants: tuple[
        _Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D], _Variant[_E], _Variant[_F], _Variant[_G], _Variant[_H],
        _Variant[_I], _Variant[_J], _Variant[_K],
    ],
) -> (
    _A | _B | _C | _D | _E | _F | _G | _H
    | _I | _J | _K
): ...
@overload
def parse_union(
    value: Any,
    variants: tuple[
        _Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D], _Variant[_E], _Variant[_F], _Variant[_G], _Variant[_H],
        _Variant[_I], _Variant[_J], _Variant[_K], _Variant[_L],
    ],
) -> (
    _A | _B | _C | _D | _E | _F | _G | _H
    | _I | _J | _K | _L
): ...
@overload
def parse_union(
    value: Any,
    variants: tuple[
        _Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D], _Variant[_E], _Variant[_F], _Variant[_G], _Variant[_H],
        _Variant[_I], _Variant[_J], _Variant[_K], _Variant[_L], _Variant[_M],
    ],
) -> (
    _A | _B | _C | _D | _E | _F | _G | _H
    | _I | _J | _K | _L | _M
): ...
@overload
def parse_union(
    value: Any,
    variants: tuple[
        _Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D], _Variant[_E], _Variant[_F], _Variant[_G], _Variant[_H],
        _Variant[_I], _Variant[_J], _Variant[_K], _Variant[_L], _Variant[_M], _Variant[_N],
    ],
) -> (
    _A | _B | _C | _D | _E | _F | _G | _H
    | _I | _J | _K | _L | _M | _N
): ...
@overload
def parse_union(
    value: Any,
    variants: tuple[
        _Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D], _Variant[_E], _Variant[_F], _Variant[_G], _Variant[_H],
        _Variant[_I], _Variant[_J], _Variant[_K], _Variant[_L], _Variant[_M], _Variant[_N], _Variant[_O],
    ],
) -> (
    _A | _B | _C | _D | _E | _F | _G | _H
    | _I | _J | _K | _L | _M | _N | _O
): ...
@overload
def parse_union(
    value: Any,
    variants: tuple[
        _Variant[_A], _Variant[_B], _Variant[_C], _Variant[_D], _Variant[_E], _Variant[_F], _Variant[_G], _Variant[_H],
        _Variant[_I], _Variant[_J], _Variant[_K], _Variant[_L], _Variant[_M], _Variant[_N], _Variant[_O], _Variant[_P],
    ],
) -> (
    _A | _B | _C | _D | _E | _F | _G | _H
    | _I | _J | _K | _L | _M | _N | _O | _P
): ...
@overload
def parse_union(value: Any, variants: tuple[Callable[[Any], Any] | type, ...]) -> Any: ...


def parse_union(value: Any, variants: tuple[Callable[[Any], Any] | type, ...]) -> Any:
    """Decode ``value`` as the first of ``variants`` it fits.

    Objects go to the model whose required keys are all present and which knows
    the most of the value's keys; scalars to the first variant of their JSON
    type. A value that fits none is returned as it came, never dropped.

    Typed as the union of its members for up to :data:`UNION_ARITY` of them.
    """
    if isinstance(value, dict):
        model = fitting_model(value, variants)
        return value if model is None else model.from_dict(value)
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


def fitting_model(value: Mapping[str, Any], candidates: Iterable[Any]) -> Any:
    """The generated model class among ``candidates`` whose required keys ``value`` has and which knows most of its keys."""
    best: tuple[int, Any] | None = None
    for candidate in candidates:
        known = getattr(candidate, "__known_keys__", None)
        if known is None or not getattr(candidate, "__required_keys__", frozenset()) <= value.keys():
            continue
        score = len(known & value.keys())
        if best is None or score > best[0]:
            best = (score, candidate)
    return None if best is None else best[1]


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
