"""Enums that accept values a newer server may send.

A client pinned to one control-plane release must still parse answers from a
server that gained an enum value since; such a value becomes a pseudo-member
instead of a ``ValueError`` halfway through decoding a response.
"""

from __future__ import annotations

import enum
from typing import Any


class OpenStrEnum(str, enum.Enum):
    """A string enum whose unknown values decode to pseudo-members."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        return _pseudo_member(cls, str.__new__(cls, value), value)

    def __str__(self) -> str:
        return str(self.value)


class OpenIntEnum(int, enum.Enum):
    """An integer enum whose unknown values decode to pseudo-members."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        return _pseudo_member(cls, int.__new__(cls, value), value)


def _pseudo_member(cls: type[enum.Enum], member: Any, value: object) -> Any:
    member._name_ = f"UNKNOWN_{value}"
    member._value_ = value
    # Cache it so the same unknown value yields the same (identical) member.
    return cls._value2member_map_.setdefault(value, member)


def is_known(member: enum.Enum) -> bool:
    """True when ``member`` is one of the values this release's spec declares."""
    return member._name_ in type(member).__members__
