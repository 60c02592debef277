"""Small predicates the generated request validators call (JSON Schema semantics)."""

from __future__ import annotations

import datetime
import importlib
import math
import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from .unset import UNSET

# RFC 4122's text form (what JSON Schema's "uuid" format means): the pattern alone decides.
_UUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
# RFC 3339 section 5.6: a full date, "T", a time, and an offset or Z. (re caches compiled patterns.)
_DATETIME = r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"


def is_integer(value: Any) -> bool:
    """JSON Schema's integer: an int (not a bool), or a float with no fractional part."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not (isinstance(value, float) and not math.isfinite(value))


def is_int32(value: Any) -> bool:
    return bool(-(2**31) <= value < 2**31)


def is_int64(value: Any) -> bool:
    return bool(-(2**63) <= value < 2**63)


def is_multiple(value: Any, step: float) -> bool:
    """multipleOf as JSON Schema validators decide it: exactly for an integer step, else the float
    quotient must be whole (so 0.3 is not a multiple of 0.1), and exactly when the quotient overflows."""
    if isinstance(step, int):
        return bool(value % step == 0)
    try:
        quotient = value / step
    except OverflowError:  # an int too large for a float
        quotient = math.inf
    if math.isfinite(quotient):
        return bool(quotient.is_integer())
    return (Fraction(value) / Fraction(step)).denominator == 1


def is_uuid(value: str) -> bool:
    return re.match(_UUID, value) is not None


def is_datetime(value: str) -> bool:
    if not re.match(_DATETIME, value):
        return False
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return True


def is_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def count_present(value: dict[str, Any]) -> int:
    """minProperties/maxProperties: the keys that will be sent (one holding UNSET is left out)."""
    return sum(1 for item in value.values() if item is not UNSET)


def has_duplicates(items: list[Any]) -> bool:
    """uniqueItems: equal JSON values count as duplicates (1 and 1.0 too, but not 1 and True)."""
    seen: list[Any] = []
    for item in items:
        key = _canonical(item)
        if key in seen:
            return True
        seen.append(key)
    return False


def _canonical(value: Any) -> Any:
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float)):
        return ("number", float(value))
    if isinstance(value, dict):
        return ("object", sorted((k, _canonical(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("array", [_canonical(v) for v in value])
    return (type(value).__name__, value)


class Validators(dict[str, Callable[[Any, str, list[str]], None]]):
    """The ``validate_<module>`` functions of one generated package's models, each imported on first use.

    Generated validators call one another through this table: an import inside the
    function would be paid on every call, and one at module level would import every
    model a schema reaches (and go round in circles on recursive schemas).
    """

    def __init__(self, package: str) -> None:
        super().__init__()
        self.package = package

    def __missing__(self, module: str) -> Callable[[Any, str, list[str]], None]:
        function: Callable[[Any, str, list[str]], None] = getattr(
            importlib.import_module(f"{self.package}.models.{module}"), f"validate_{module}"
        )
        self[module] = function
        return function


_TABLES: dict[str, Validators] = {}


def validators(package: str) -> Validators:
    """The table of ``package``'s model validators, shared by all its modules."""
    table = _TABLES.get(package)
    if table is None:
        table = _TABLES.setdefault(package, Validators(package))
    return table
