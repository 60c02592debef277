"""Dates, date-times and UUIDs that remember the text they were read from.

A server's ``2024-05-01T10:00:00.123456789Z`` is a ``datetime`` to the user, but
``isoformat()`` would send back ``2024-05-01T10:00:00.123456+00:00``. These
subclasses keep the received text in ``wire`` so :func:`specloom_runtime.codec.to_jsonable`
returns it unchanged: a decoded answer encodes to exactly what was received. A value
made by arithmetic or ``replace()`` has no ``wire`` and is written by ``isoformat()``.
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Callable
from typing import Any, ClassVar

# Pattern texts: re compiles each on first use and keeps it, so building a client compiles none.
_DATETIME = r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))\Z"
_DATE = r"(\d{4})-(\d{2})-(\d{2})\Z"
_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z"


class _Remembered:
    """Pickled and copied as the text it was read from: a copy of an answer encodes to the same text."""

    __slots__ = ()
    _read: ClassVar[Callable[[str], Any]]

    def __reduce_ex__(self, protocol: Any) -> Any:
        # datetime and UUID define __reduce_ex__ themselves, which would rebuild the value without its text.
        wire = getattr(self, "wire", None)
        if wire is None:  # made by arithmetic or replace(): nothing received to keep
            return super().__reduce_ex__(protocol)
        return type(self)._read, (wire,)


class WireDateTime(_Remembered, datetime.datetime):
    """A ``datetime`` read from RFC 3339 text; ``wire`` is that text."""

    __slots__ = ("wire",)
    wire: str


class WireDate(_Remembered, datetime.date):
    """A ``date`` read from RFC 3339 full-date text; ``wire`` is that text."""

    __slots__ = ("wire",)
    wire: str


class WireUUID(_Remembered, uuid.UUID):
    """A ``UUID`` read from its text form (any case); ``wire`` is that text."""

    __slots__ = ("wire",)
    wire: str


def read_datetime(text: str) -> WireDateTime:
    """RFC 3339 date-time text as a ``datetime``; ``ValueError`` when it is not one.

    Python keeps microseconds, so digits past the sixth are cut; a leap second (``:60``)
    reads as the last microsecond of the minute. Both are kept exactly in ``wire``.
    """
    m = re.match(_DATETIME, text)
    if m is None:
        raise ValueError(f"not an RFC 3339 date-time: {text!r}")
    # The pattern has made sure of RFC 3339; fromisoformat (in C) reads the rest once the two spellings
    # it refuses are made its own: a lower-case "z", and a leap second.
    iso = text[:-1] + "Z" if text[-1] == "z" else text
    if m[6] == "60":
        value = WireDateTime.fromisoformat(f"{iso[:17]}59{iso[19:]}").replace(microsecond=999999)
    else:
        value = WireDateTime.fromisoformat(iso)
    value.wire = text
    return value


def read_date(text: str) -> WireDate:
    """RFC 3339 full-date text as a ``date``; ``ValueError`` when it is not one."""
    if re.match(_DATE, text) is None:
        raise ValueError(f"not an RFC 3339 full-date: {text!r}")
    parsed = datetime.date.fromisoformat(text)
    value = WireDate(parsed.year, parsed.month, parsed.day)
    value.wire = text
    return value


def read_uuid(text: str) -> WireUUID:
    """UUID text (RFC 4122 form, any case) as a ``UUID``; ``ValueError`` when it is not one."""
    if re.match(_UUID, text) is None:
        raise ValueError(f"not a UUID: {text!r}")
    value = WireUUID(text)
    object.__setattr__(value, "wire", text)  # UUID refuses plain attribute assignment
    return value


WireDateTime._read = read_datetime
WireDate._read = read_date
WireUUID._read = read_uuid
