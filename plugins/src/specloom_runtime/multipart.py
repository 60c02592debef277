"""``multipart/form-data`` request bodies (RFC 7578), streamed: files are read as the parts go out.

Each property of the body is a part named after it, sent as its value asks and as the
spec's ``encoding`` (:class:`~specloom_runtime.operation.PartEncoding`) says:

- a file (:class:`~specloom_runtime.uploads.File`, bytes, a path, a binary file object, an
  iterator of bytes): a part with a file name, its bytes streamed;
- an object (a dict or a model): JSON, ``application/json``;
- an array: one part per item, the same name on each (or, ``explode: false``, its scalars
  joined by commas into one part);
- anything else: its text, as a query parameter would be written (``true``, ``42``, a date-time).

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
from collections.abc import Mapping
from typing import Any

from .codec import to_jsonable
from .operation import PartEncoding
from .unset import Unset
from .uploads import BytesSource, Source, UploadStream, file_name, is_file_content, media_type_header, source_of

_NO_ENCODING = PartEncoding()
# What a quoted header parameter may not hold as it is (httpx's and the HTML standard's choice).
_QUOTE = {'"': "%22", "\\": "\\\\", **{chr(c): f"%{c:02X}" for c in range(0x20) if c != 0x1B}}
_QUOTE_RE = re.compile("|".join(re.escape(c) for c in _QUOTE))


def form_fields(body: Any) -> Any:
    """A form body's properties by wire name, values as given (files stay files); other values unchanged.

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
    fields = form_fields(body)
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
        if not encoding.explode and not any(_structured(item) for item in value):
            return [_text_part(name, encoding.separator.join(_text(item) for item in value), encoding, where)]
        return [part for i, item in enumerate(value) for part in _parts(name, item, encoding, f"{where}[{i}]")]
    if is_file_content(value):
        filename = file_name(value, default=name)
        declared = getattr(value, "content_type", None)
        media = declared or _concrete(encoding.content_type) or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        headers = _disposition(name, filename) + _content_type(media, where)
        return [(headers, source_of(value, where))]
    if _structured(value):
        text = json.dumps(to_jsonable(value), separators=(",", ":"), allow_nan=False)
        headers = _disposition(name) + _content_type(_concrete(encoding.content_type) or "application/json", where)
        return [(headers, BytesSource(text.encode()))]
    return [_text_part(name, _text(value), encoding, where)]


def _text_part(name: str, text: str, encoding: PartEncoding, where: str) -> tuple[bytes, Source]:
    # No Content-Type by default: RFC 7578 reads such a part as text/plain.
    media = _concrete(encoding.content_type)
    headers = _disposition(name) + (_content_type(media, where) if media else b"")
    return headers, BytesSource(text.encode())


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

