"""Upload bodies (issue 11): what the spec says of multipart and binary request bodies, and how it is rendered.

The IR keeps a multipart or form body's ``encoding`` (:class:`~specloom.ir.PartEncoding`: a
part's media type, an array's style); the group template passes it to the runtime as the
operation's ``body_encoding``. Properties of ``format: binary`` are typed as the runtime's
``Upload`` (a ``File``, bytes, a path, a binary file object or an iterator of bytes) by
:mod:`specloom.pytypes` and checked with ``is_file_content`` by :mod:`specloom.checks`.
"""

from __future__ import annotations

from typing import Any

from .diagnostics import Diagnostics
from .ir import Body, PartEncoding
from .loader import Location

#: The runtime helpers an upload operation's generated code names.
FILE_TYPE = "Upload"
FILE_CHECK = "is_file_content"


def is_form(media_type: str) -> bool:
    """A body whose properties are sent one by one (multipart or urlencoded), not as one JSON document."""
    return media_type.startswith("multipart/form-data") or media_type == "application/x-www-form-urlencoded"


def read_encoding(media: str, media_obj: dict[str, Any], loc: Location, diagnostics: Diagnostics) -> tuple[PartEncoding, ...]:
    """The ``encoding`` of a multipart or form body's media type object, sorted by property; what is unset is left out."""
    raw = media_obj.get("encoding")
    if raw is None or not is_form(media):
        return ()
    if not isinstance(raw, dict):
        diagnostics.warn(loc.file, loc.pointer + "/encoding", "encoding must be an object; ignored")
        return ()
    found = []
    for name in sorted(raw, key=str):
        entry = raw[name]
        if not isinstance(entry, dict):
            diagnostics.warn(loc.file, f"{loc.pointer}/encoding/{name}", "an encoding entry must be an object; ignored")
            continue
        content_type = entry.get("contentType")
        style = entry.get("style")
        explode = entry.get("explode")
        encoding = PartEncoding(
            name=str(name),
            content_type=content_type if isinstance(content_type, str) and content_type.strip() else None,
            style=style if isinstance(style, str) else "form",
            # OpenAPI: explode defaults to true for style form, false for the others.
            explode=explode if isinstance(explode, bool) else (not isinstance(style, str) or style == "form"),
        )
        if encoding != PartEncoding(str(name)):
            found.append(encoding)
    return tuple(found)


def body_encoding_field(body: Body | None) -> str | None:
    """The ``body_encoding={...}`` argument of the runtime ``Operation``, or ``None`` when the spec sets nothing."""
    if body is None or not body.encoding:
        return None
    entries = []
    for e in body.encoding:
        args = [f"content_type={e.content_type!r}"] if e.content_type is not None else []
        if (e.style, e.explode) != ("form", True):
            args += [f"style={e.style!r}", f"explode={e.explode}"]
        entries.append(f"{e.name!r}: PartEncoding({', '.join(args)})")
    return "body_encoding={" + ", ".join(entries) + "}"
