"""``application/x-www-form-urlencoded`` request bodies, written as the spec's ``encoding`` says (OpenAPI 3.0/3.1).

Each property is written as a query parameter of its style would be (:mod:`.styles`: ``form`` and
exploded unless the spec's :class:`~specloom_runtime.operation.PartEncoding` says otherwise), a
property that is ``None`` left out; one whose encoding sets ``contentType`` but none of ``style``,
``explode`` and ``allowReserved`` is written as that media type says (JSON text for a JSON type).

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

from . import styles
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
                 else styles.text(value))]
    return styles.pairs(name, value, how)


def _is_json(media: str | None) -> bool:
    kind = (media or "").split(",")[0].split(";")[0].strip().lower()  # a list in the spec: its first type
    return kind == "application/json" or kind.endswith("+json")
