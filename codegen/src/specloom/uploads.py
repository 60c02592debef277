"""Upload bodies (issue 11): what the spec says of multipart and binary request bodies, and how it is rendered.

The IR keeps a multipart or form body's ``encoding`` (:class:`~specloom.ir.PartEncoding`: a
part's media type and declared headers, a value's style, explode and allowReserved, whether a form
value is written as its contentType says); the group template passes what the runtime sends by to
it as the operation's ``body_encoding``, and the generated validator checks the part headers a
caller gives (:meth:`specloom.checks.CheckWriter.operation_function`). Properties of ``format: binary`` are typed as the runtime's
``Upload`` (a ``File``, bytes, a path, a binary file object or an iterator of bytes) by
:mod:`specloom.pytypes` and checked with ``is_file_content`` by :mod:`specloom.checks`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .diagnostics import Diagnostics
from .ir import Body, PartEncoding, PartHeader, TypeRef
from .loader import Location

#: The runtime helpers an upload operation's generated code names.
FILE_TYPE = "Upload"
FILE_CHECK = "is_file_content"


def is_form(media_type: str) -> bool:
    """A body whose properties are sent one by one (multipart or urlencoded), not as one JSON document."""
    return media_type.startswith("multipart/form-data") or media_type == "application/x-www-form-urlencoded"


#: Resolves a ``$ref`` (the loader's ``deref``), and types a schema (the schema reader's ``type_of``).
Deref = Callable[[Any, Location], tuple[Any, Location] | None]
TypeOf = Callable[[Any, Location], TypeRef]


def read_encoding(media: str, media_obj: dict[str, Any], loc: Location, diagnostics: Diagnostics, deref: Deref,
                  type_of: TypeOf) -> tuple[PartEncoding, ...]:
    """The ``encoding`` of a multipart or form body's media type object, sorted by property; what is unset is left out.

    As OpenAPI 3.0/3.1 say: ``headers`` count for multipart only (``Content-Type`` among them is ignored: it is
    ``contentType``); in a form (urlencoded) body, ``contentType`` decides how a value is written only when
    none of ``style``, ``explode`` and ``allowReserved`` is set.
    """
    raw = media_obj.get("encoding")
    if raw is None or not is_form(media):
        return ()
    if not isinstance(raw, dict):
        diagnostics.warn(loc.file, loc.pointer + "/encoding", "encoding must be an object; ignored")
        return ()
    found = []
    for name in sorted(raw, key=str):
        entry = raw[name]
        where = loc.child("encoding", str(name))
        if not isinstance(entry, dict):
            diagnostics.warn(loc.file, where.pointer, "an encoding entry must be an object; ignored")
            continue
        content_type = entry.get("contentType")
        style = entry.get("style")
        explode = entry.get("explode")
        allow_reserved = entry.get("allowReserved") is True
        styled = isinstance(style, str) or isinstance(explode, bool) or "allowReserved" in entry
        content_type = content_type if isinstance(content_type, str) and content_type.strip() else None
        multipart = media.startswith("multipart/")
        encoding = PartEncoding(
            name=str(name),
            content_type=content_type,
            style=style if isinstance(style, str) else "form",
            # OpenAPI: explode defaults to true for style form, false for the others.
            explode=explode if isinstance(explode, bool) else (not isinstance(style, str) or style == "form"),
            allow_reserved=allow_reserved and not multipart,
            as_media=content_type is not None and not styled and not multipart,
            headers=_part_headers(entry.get("headers"), where.child("headers"), diagnostics, deref, type_of) if multipart else (),
        )
        if encoding != PartEncoding(str(name)):
            found.append(encoding)
    return tuple(found)


def _part_headers(raw: Any, loc: Location, diagnostics: Diagnostics, deref: Deref, type_of: TypeOf) -> tuple[PartHeader, ...]:
    """The Header Objects of one multipart part, by name; Content-Type is ``contentType``'s, so it is left out."""
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        diagnostics.warn(loc.file, loc.pointer, "an encoding's headers must be an object; ignored")
        return ()
    headers = []
    for name in sorted(raw, key=str):
        if str(name).lower() == "content-type":
            continue
        resolved = deref(raw[name], loc.child(str(name)))
        if resolved is None or not isinstance(resolved[0], dict):
            diagnostics.warn(loc.file, loc.child(str(name)).pointer, "a header must be a Header Object; ignored")
            continue
        header, header_loc = resolved
        schema = header.get("schema", {})
        headers.append(PartHeader(str(name), type_of(schema, header_loc.child("schema")), header.get("required") is True))
    return tuple(headers)


def body_encoding_field(body: Body | None) -> str | None:
    """The ``body_encoding={...}`` argument of the runtime ``Operation``, or ``None`` when the spec sets nothing."""
    if body is None or not body.encoding:
        return None
    entries = []
    for e in body.encoding:
        args = [f"content_type={e.content_type!r}"] if e.content_type is not None else []
        if (e.style, e.explode) != ("form", True):
            args += [f"style={e.style!r}", f"explode={e.explode}"]
        args += [f"{flag}=True" for flag, on in (("allow_reserved", e.allow_reserved), ("as_media", e.as_media)) if on]
        if args:  # headers alone are the generated validator's (the runtime sends what the caller gives)
            entries.append(f"{e.name!r}: PartEncoding({', '.join(args)})")
    return "body_encoding={" + ", ".join(entries) + "}" if entries else None
