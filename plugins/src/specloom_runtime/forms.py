"""``application/x-www-form-urlencoded`` request bodies, written as the spec's ``encoding`` says (OpenAPI 3.0/3.1).

Each property is written as a query parameter of its style would be (RFC 6570, ``form`` and exploded
unless the spec's :class:`~specloom_runtime.operation.PartEncoding` says otherwise):

- an array: ``tags=a&tags=b`` (``form``, exploded); ``tags=a,b`` unexploded; ``spaceDelimited``
  and ``pipeDelimited`` join with a space or ``|``;
- an object: ``city=Paris&zip=75001`` (``form``, exploded: the object's own properties, its name
  left out, as OpenAPI's table says); ``address=city,Paris,zip,75001`` unexploded;
  ``address[city]=Paris&address[zip]=75001`` (``deepObject``, nested objects one bracket deeper);
- a property whose encoding sets ``contentType`` but none of ``style``, ``explode`` and
  ``allowReserved``: its value written as that media type says (JSON text for a JSON type);
- a value inside an exploded object or an array that is itself structured: JSON text, since RFC
  6570 has no form for it.

Text is percent-encoded as RFC 3986 says, which OpenAPI follows: every reserved character escaped, a
space as ``%20`` (every form parser reads it as a space, while the ``+`` browsers send for one is itself
a reserved character: validators such as Prism refuse it), unless ``allowReserved`` leaves the
reserved characters as they are. Keys keep deepObject's brackets as OpenAPI writes them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .codec import to_jsonable
from .operation import PartEncoding

_DEFAULT = PartEncoding()
#: RFC 3986's reserved characters: left as they are in a property whose encoding sets ``allowReserved``.
RESERVED = ":/?#[]@!$&'()*+,;="


def urlencoded_body(body: Any, encoding: Mapping[str, PartEncoding]) -> bytes:
    """The bytes of a form body (a model or a dict). Raises ``TypeError`` for a body that is no object."""
    fields = to_jsonable(body)
    if not isinstance(fields, dict):
        raise TypeError(f"a form body must be an object (a model or a dict), not {type(body).__name__}")
    written = []
    for name, value in fields.items():
        how = encoding.get(name, _DEFAULT)
        safe = RESERVED if how.allow_reserved else ""
        written += [f"{quote(key, safe='[]')}={quote(text, safe=safe)}" for key, text in _pairs(name, value, how)]
    return "&".join(written).encode("ascii")


def _pairs(name: str, value: Any, how: PartEncoding) -> list[tuple[str, str]]:
    """The (key, text) pairs one property makes, in order."""
    if value is None:
        return []
    if how.as_media:
        return [(name, json.dumps(value, separators=(",", ":"), allow_nan=False) if _is_json(how.content_type)
                 else _text(value))]
    if isinstance(value, list):
        if how.explode and how.style == "form":
            return [(name, _text(item)) for item in value]
        return [(name, how.separator.join(_text(item) for item in value))]
    if isinstance(value, dict):
        if how.style == "deepObject":
            return _deep(name, value)
        if how.explode:
            return [(key, _text(item)) for key, item in value.items() if item is not None]
        return [(name, how.separator.join(f"{key}{how.separator}{_text(item)}" for key, item in value.items()))]
    return [(name, _text(value))]


def _deep(prefix: str, value: dict[str, Any]) -> list[tuple[str, str]]:
    """``deepObject``: ``prefix[key]=value``, an object inside one bracket deeper, an array's items under one key."""
    pairs: list[tuple[str, str]] = []
    for key, item in value.items():
        where = f"{prefix}[{key}]"
        if isinstance(item, dict):
            pairs += _deep(where, item)
        elif isinstance(item, list):
            pairs += [(where, _text(x)) for x in item]
        elif item is not None:
            pairs.append((where, _text(item)))
    return pairs


def _text(value: Any) -> str:
    """A value (already JSON-like) as form text: ``true``/``false``, numbers as written, structure as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), allow_nan=False)
    return str(value)


def _is_json(media: str | None) -> bool:
    kind = (media or "").split(",")[0].split(";")[0].strip().lower()  # a list in the spec: its first type
    return kind == "application/json" or kind.endswith("+json")
