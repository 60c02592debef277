"""``multipart/form-data`` request bodies (RFC 7578), streamed: files are read as the parts go out.

Each property of the body is a part named after it, sent as its value asks and as the
spec's ``encoding`` (:class:`~specloom_runtime.operation.PartEncoding`) says:

- a file (:class:`~specloom_runtime.uploads.File`, bytes, a path, a binary file object, an
  iterator of bytes): a part with a file name, its bytes streamed;
- an object (a dict or a model): JSON, ``application/json``;
- an array: one part per item, the same name on each (or, ``explode: false``, its scalars
  joined by commas into one part);
- anything else: its text, as a query parameter would be written (``true``, ``42``, a date-time).

A part carries more headers when the caller gives them, as the spec's ``encoding.<name>.headers``
declares them: a file's in ``File(..., headers=...)``, any other value's in :class:`Part`. Their
values are written in the ``simple`` style (an array's items joined by commas); the generated
validator checks them against the spec's header schemas (:func:`part_headers`) before anything is
sent. ``Content-Type`` is the part's media type (``content_type=``) and ``Content-Disposition``
carries its name and file name: neither can be given as a header.

Names and file names are quoted as browsers and httpx quote them (``"`` as ``%22``, a line
break as ``%0D``/``%0A``, a backslash doubled), so no name can end its header or start another;
a media type that could is refused.
"""

from __future__ import annotations

import enum
import json
import mimetypes
import os
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from .codec import to_jsonable
from .operation import PartEncoding
from .request import _simple, unsendable_headers
from .unset import Unset
from .uploads import BytesSource, File, Source, UploadStream, file_name, is_file_content, media_type_header, source_of

_NO_ENCODING = PartEncoding()
# What a quoted header parameter may not hold as it is (httpx's and the HTML standard's choice).
_QUOTE = {'"': "%22", "\\": "\\\\", **{chr(c): f"%{c:02X}" for c in range(0x20) if c != 0x1B}}
_QUOTE_RE = re.compile("|".join(re.escape(c) for c in _QUOTE))
# Part headers the client writes itself: the part's name and file name, its media type, its framing.
_WRITTEN = {"content-disposition": "the property's name and the file name", "content-type": "content_type=",
            "content-length": "the part's size", "content-transfer-encoding": "the part's bytes as they are"}


@attrs.frozen
class Part:
    """A value of a multipart body sent with headers of its own (the spec's ``encoding.<property>.headers``).

    ``value``: what the property holds (text, a number, an object sent as JSON...); a file is given
    its headers with ``File(..., headers=...)``. ``content_type`` overrides the part's media type.
    In an array, each item is a part and may be a ``Part`` of its own.
    """

    value: Any
    headers: Mapping[str, Any] = attrs.field(factory=dict)
    content_type: str | None = None


def form_fields(body: Any) -> Any:
    """A form body's properties by wire name, values as the spec types them: a :class:`Part` gives its value (files
    stay files); other bodies unchanged. What the generated validator checks."""
    fields = body_fields(body)
    if not isinstance(fields, Mapping):
        return fields
    return {name: _unwrapped(value) for name, value in fields.items()}


def part_headers(body: Any, name: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """For each part property ``name`` of a multipart ``body`` makes: where it is (``body.file``, ``body.tags[1]``)
    and the headers the caller gave it, names lower-case. The generated validator checks them with the spec's."""
    fields = body_fields(body)
    value = fields.get(name) if isinstance(fields, Mapping) else None
    items = list(enumerate(value)) if isinstance(value, (list, tuple)) else [(None, value)]
    for i, item in items:
        if item is None or isinstance(item, Unset):
            continue
        given = item.headers if isinstance(item, (Part, File)) else {}
        where = f"body.{name}" if i is None else f"body.{name}[{i}]"
        yield where, {str(k).lower(): v for k, v in given.items()} if isinstance(given, Mapping) else {}


def body_fields(body: Any) -> Any:
    """A form body's properties by wire name, values as given (files and :class:`Part` s stay as they are); other
    values unchanged.

    A generated model gives its set attributes under their wire names, then its
    ``additional_properties``; a mapping is taken as it is.
    """
    if isinstance(body, Mapping):
        return {str(k): v for k, v in body.items() if not isinstance(v, Unset)}
    wire_names = getattr(type(body), "__wire_names__", None)
    if isinstance(wire_names, Mapping):
        fields = {wire: getattr(body, attribute) for attribute, wire in wire_names.items()}
        fields = {wire: value for wire, value in fields.items() if not isinstance(value, Unset)}
        for key, value in getattr(body, "additional_properties", {}).items():
            fields.setdefault(key, value)
        return fields
    return body


def multipart_body(body: Any, encoding: Mapping[str, PartEncoding]) -> tuple[UploadStream, str]:
    """The streamed body and its Content-Type (with the boundary) for a multipart/form-data ``body``.

    Raises ``TypeError``/``ValueError`` naming the property (``body.<name>``) for a value that cannot be sent.
    """
    fields = body_fields(body)
    if not isinstance(fields, Mapping):
        raise TypeError(f"a multipart body must be an object (a model or a dict), not {type(body).__name__}")
    boundary = os.urandom(16).hex()
    delimiter = f"--{boundary}\r\n".encode()
    pieces: list[Source] = []
    for name, value in fields.items():
        for headers, content in _parts(name, value, encoding.get(name, _NO_ENCODING), f"body.{name}"):
            pieces += [BytesSource(delimiter + headers + b"\r\n"), content, BytesSource(b"\r\n")]
    pieces.append(BytesSource(f"--{boundary}--\r\n".encode()))
    return UploadStream(pieces, "the body"), f"multipart/form-data; boundary={boundary}"


def _parts(name: str, value: Any, encoding: PartEncoding, where: str) -> list[tuple[bytes, Source]]:
    """The parts one property makes: (their headers, their content)."""
    if value is None or isinstance(value, Unset):
        return []
    if isinstance(value, (list, tuple)):
        if not encoding.explode and not any(_structured(item) or isinstance(item, (Part, File)) for item in value):
            return [_text_part(name, encoding.separator.join(_text(item) for item in value), encoding, where)]
        return [part for i, item in enumerate(value) for part in _parts(name, item, encoding, f"{where}[{i}]")]
    extra, declared = b"", None
    if isinstance(value, (Part, File)):
        extra = _extra_headers(value.headers, where)
        declared = value.content_type
    if isinstance(value, Part):
        if isinstance(value.value, (Part, File)):
            raise TypeError(f"{where}: a Part holds a value, not a {type(value.value).__name__} "
                            "(give a File its headers with File(..., headers=...))")
        encoding = encoding._replace(content_type=declared) if declared is not None else encoding
        value = value.value
    if is_file_content(value):
        filename = file_name(value, default=name)
        media = declared or _concrete(encoding.content_type) or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        headers = _disposition(name, filename) + _content_type(media, where) + extra
        return [(headers, source_of(value, where))]
    if _structured(value):
        text = json.dumps(to_jsonable(value), separators=(",", ":"), allow_nan=False)
        headers = _disposition(name) + _content_type(_concrete(encoding.content_type) or "application/json", where) + extra
        return [(headers, BytesSource(text.encode()))]
    headers, content = _text_part(name, _text(value), encoding, where)
    return [(headers + extra, content)]


def _extra_headers(given: Any, where: str) -> bytes:
    """The headers a caller gave a part, checked: a header name, a value a header can carry, none the client writes."""
    if not isinstance(given, Mapping):
        raise TypeError(f"{where}: headers must be a mapping of header names to values, not {type(given).__name__}")
    lines = []
    for header, value in given.items():
        if not isinstance(header, str):
            raise TypeError(f"{where}: header names must be text, not {type(header).__name__}")
        if header.lower() in _WRITTEN:
            raise ValueError(f"{where}: the header {header!r} is written by the client ({_WRITTEN[header.lower()]})")
        if value is None or isinstance(value, Unset):
            continue
        text = _simple(value)
        problem = unsendable_headers({header: text})
        if problem is not None:
            raise ValueError(f"{where}: the header {problem}")
        lines.append(f"{header}: {text}\r\n")
    return "".join(lines).encode("ascii")


def _text_part(name: str, text: str, encoding: PartEncoding, where: str) -> tuple[bytes, Source]:
    # No Content-Type by default: RFC 7578 reads such a part as text/plain.
    media = _concrete(encoding.content_type)
    headers = _disposition(name) + (_content_type(media, where) if media else b"")
    return headers, BytesSource(text.encode())


def _unwrapped(value: Any) -> Any:
    if isinstance(value, Part):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_unwrapped(item) for item in value]
    return value


def _structured(value: Any) -> bool:
    return isinstance(value, Mapping) or callable(getattr(value, "to_dict", None))


def _text(value: Any) -> str:
    value = to_jsonable(value.value if isinstance(value, enum.Enum) else value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), allow_nan=False)
    return str(value)


def _disposition(name: str, filename: str | None = None) -> bytes:
    header = f"Content-Disposition: form-data; name={_quoted(name)}"
    if filename is not None:
        header += f"; filename={_quoted(filename)}"
    return (header + "\r\n").encode()


def _quoted(text: str) -> str:
    return '"' + _QUOTE_RE.sub(lambda m: _QUOTE[m.group(0)], text) + '"'


def _content_type(media: str, where: str) -> bytes:
    return f"Content-Type: {media_type_header(media, where)}\r\n".encode()


def _concrete(media: str | None) -> str | None:
    """The first media type of a spec's ``contentType`` list that names one type (``image/*`` does not)."""
    for candidate in (media or "").split(","):
        candidate = candidate.strip()
        if candidate and "*" not in candidate:
            return candidate
    return None

