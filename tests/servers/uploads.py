"""What the test servers make of an upload: a multipart body read part by part as it arrives, each part hashed.

:class:`MultipartReader` feeds python-multipart's streaming parser (the one Starlette and FastAPI
use) chunk by chunk and keeps, per part, its headers, size and SHA-256, plus its bytes up to
``keep`` (so a 256 MB file part is hashed, never held).
"""

from __future__ import annotations

import hashlib

import attrs
from python_multipart.multipart import MultipartParser, parse_options_header


@attrs.define
class ReceivedPart:
    """One part of a multipart body as it arrived."""

    #: Header names lower-case, values as sent (latin-1).
    headers: dict[str, str] = attrs.field(factory=dict)
    size: int = 0
    sha256: str = ""
    #: The part's bytes, when it was no longer than the reader's ``keep``.
    data: bytes | None = b""

    @property
    def name(self) -> str | None:
        return self._disposition().get("name")

    @property
    def filename(self) -> str | None:
        return self._disposition().get("filename")

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    @property
    def text(self) -> str:
        assert self.data is not None, "the part was too long to keep"
        return self.data.decode()

    def _disposition(self) -> dict[str, str]:
        _, params = parse_options_header(self.headers.get("content-disposition", "").encode("latin-1"))
        return {k.decode("latin-1"): v.decode("utf-8", "replace") for k, v in params.items()}


class MultipartReader:
    """Reads a multipart/form-data body chunk by chunk: :meth:`feed` each chunk, then :meth:`finish`."""

    def __init__(self, content_type: str, *, keep: int = 1 << 20) -> None:
        media, params = parse_options_header(content_type.encode("latin-1"))
        if media != b"multipart/form-data" or b"boundary" not in params:
            raise ValueError(f"not a multipart/form-data body with a boundary: {content_type!r}")
        self.keep = keep
        self.parts: list[ReceivedPart] = []
        self._hash = hashlib.sha256()
        self._field = b""
        self._value = b""
        self._parser = MultipartParser(params[b"boundary"], {
            "on_part_begin": self._begin,
            "on_header_field": lambda data, start, end: self._add("_field", data[start:end]),
            "on_header_value": lambda data, start, end: self._add("_value", data[start:end]),
            "on_header_end": self._header_end,
            "on_part_data": self._data,
            "on_part_end": self._end,
        })

    def feed(self, chunk: bytes) -> None:
        self._parser.write(chunk)

    def finish(self) -> list[ReceivedPart]:
        self._parser.finalize()
        return self.parts

    def part(self, name: str) -> ReceivedPart:
        found = [p for p in self.parts if p.name == name]
        assert len(found) == 1, f"{len(found)} parts named {name!r}"
        return found[0]

    def _add(self, attribute: str, data: bytes) -> None:
        setattr(self, attribute, getattr(self, attribute) + data)

    def _begin(self) -> None:
        self.parts.append(ReceivedPart())
        self._hash = hashlib.sha256()

    def _header_end(self) -> None:
        self.parts[-1].headers[self._field.decode("latin-1").lower()] = self._value.decode("latin-1")
        self._field = self._value = b""

    def _data(self, data: bytes, start: int, end: int) -> None:
        part, piece = self.parts[-1], data[start:end]
        self._hash.update(piece)
        part.size += len(piece)
        if part.data is not None:
            part.data = part.data + piece if part.size <= self.keep else None

    def _end(self) -> None:
        self.parts[-1].sha256 = self._hash.hexdigest()


def read_multipart(content_type: str, body: bytes) -> MultipartReader:
    """A whole multipart body, read (in 64 KiB chunks, as it would arrive)."""
    reader = MultipartReader(content_type)
    for start in range(0, len(body), 65536):
        reader.feed(body[start:start + 65536])
    reader.finish()
    return reader
