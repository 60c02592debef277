"""OpenAPI's parameter styles: how a value becomes text in a path, a header, a query or a form field.

One set of rules (RFC 6570, as OpenAPI's style table applies it) for query parameters and
``application/x-www-form-urlencoded`` fields alike; values are JSON-like already (``to_jsonable``):

- ``simple`` (paths, headers): an array's items, or an object's keys and values, joined by commas;
- ``form`` and the delimited styles (queries, form fields), in :func:`pairs`:
  - an array: ``tags=a&tags=b`` exploded; ``tags=a,b`` not, ``spaceDelimited`` and ``pipeDelimited``
    joining with a space or ``|``;
  - an object: ``city=Paris&zip=75001`` exploded (its own properties, its name left out, a ``None``
    property left out too); ``address=city,Paris,zip,75001`` not, joined by the style's delimiter;
  - ``deepObject``: ``address[city]=Paris``, a nested object one bracket deeper, an array's items
    under one key;
- a scalar: ``true``/``false``, numbers as written, ``None`` as nothing; a value that is itself
  structured where RFC 6570 has no form for it (an array's object item): JSON text.
"""

from __future__ import annotations

import json
from typing import Any, Protocol


class Styled(Protocol):
    """A parameter's or a form field's serialisation (:class:`~.operation.ParamStyle`, :class:`~.operation.PartEncoding`)."""

    @property
    def style(self) -> str: ...

    @property
    def explode(self) -> bool: ...

    @property
    def separator(self) -> str: ...


def pairs(name: str, value: Any, how: Styled) -> list[tuple[str, str]]:
    """The (key, text) pairs a query parameter or a form field ``name`` makes of ``value``, in order."""
    if isinstance(value, list):
        if how.explode and how.style == "form":
            return [(name, text(item)) for item in value]
        return [(name, how.separator.join(text(item) for item in value))]
    if isinstance(value, dict):
        if how.style == "deepObject":
            return _deep(name, value)
        if how.explode:
            return [(key, text(item)) for key, item in value.items() if item is not None]
        return [(name, how.separator.join(f"{key}{how.separator}{text(item)}" for key, item in value.items()))]
    return [(name, text(value))]


def _deep(prefix: str, value: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for key, item in value.items():
        where = f"{prefix}[{key}]"
        if isinstance(item, dict):
            found += _deep(where, item)
        elif isinstance(item, list):
            found += [(where, text(x)) for x in item]
        elif item is not None:
            found.append((where, text(item)))
    return found


def simple(value: Any) -> str:
    """OpenAPI's ``simple`` style (paths and headers): arrays and objects as comma-separated items."""
    if isinstance(value, list):
        return ",".join(text(item) for item in value)
    if isinstance(value, dict):
        return ",".join(f"{key},{text(item)}" for key, item in value.items())
    return text(value)


def text(value: Any) -> str:
    """One value as text: ``true``/``false``, numbers as written, ``None`` as nothing, structure as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), allow_nan=False)
    return str(value)
