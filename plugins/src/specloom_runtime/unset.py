"""The UNSET sentinel: "not given", as distinct from an explicit ``None`` (JSON null)."""

from __future__ import annotations

from typing import Final, Literal


class Unset:
    """Type of :data:`UNSET`; falsy so ``if value:`` reads naturally."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Final = Unset()
