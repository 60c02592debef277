"""Upload bodies: bytes, files and iterators sent as they are read, never held whole in memory.

A body given as a path, a binary file object or an iterator of bytes (or a :class:`File` naming one)
becomes an :class:`UploadStream`, which httpx reads chunk by chunk as the connection takes
them, in the sync and the async client alike (an async iterator in the async client only).
Content-Length is sent when the size is known (bytes, a path, a file that can seek, an iterator
whose ``File.size`` is given), else the body goes chunked.

Sending again: a body that can be rewound (bytes, a path, a file that can seek) starts over
from its first byte on a retry or a redirect; one that cannot (an iterator, a pipe) is sent
once: :func:`can_resend` tells the transport loop, which then raises the failure instead of
retrying it.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, TypeAlias

import attrs
import httpx

from .errors import RequestEncodingError

#: How much is read from a file or a bytes value at a time (httpx's own chunk size).
CHUNK_SIZE = 64 * 1024

# A media type as a header may carry it: type/subtype and parameters, printable ASCII, no line break.
_MEDIA_TYPE = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+/[!#$%&'*+\-.^_`|~0-9A-Za-z]+(\s*;[\x20-\x7e]*)?")

#: What an upload's content may be.
FileContent: TypeAlias = bytes | bytearray | memoryview | os.PathLike[str] | IO[bytes] | Iterable[bytes] | AsyncIterable[bytes]
#: Called as content goes out with (bytes sent so far, total bytes or ``None`` when unknown).
ProgressCallback: TypeAlias = Callable[[int, int | None], None]


@attrs.frozen
class File:
    """Content to upload, with what a multipart part says of it.

    ``content``: bytes, a path, a binary file object (sent from where it stands) or an iterator
    of bytes (an async iterator in the async client). ``filename`` and ``content_type`` go into
    the part's headers (by default: the path's or file's name, else the property's name; the
    spec's ``encoding``, else a guess from the name, else ``application/octet-stream``).
    ``size``: the length of an iterator's content, when the caller knows it (sent as
    Content-Length). ``progress`` is called with (bytes sent, total or ``None``) as the content
    goes out: from 0, increasing, ending at the total; a retry that sends the content again
    starts again from 0. ``headers``: more headers of its multipart part, as the spec's
    ``encoding.<property>.headers`` declares them (values written in the ``simple`` style).
    """

    content: FileContent
    filename: str | None = None
    content_type: str | None = None
    size: int | None = None
    progress: ProgressCallback | None = attrs.field(default=None, repr=False)
    headers: Mapping[str, Any] = attrs.field(factory=dict)


#: What an argument typed as a file takes: a :class:`File`, or bare content.
Upload: TypeAlias = File | FileContent


def is_file_content(value: Any) -> bool:
    """``value`` can be sent as a file: a :class:`File`, bytes, a path, a binary file object or an iterator of bytes.

    Text is not: a ``str`` (or a file opened in text mode) has no bytes until it is encoded.
    """
    if isinstance(value, (File, bytes, bytearray, memoryview, os.PathLike)):
        return True
    if isinstance(value, (str, io.TextIOBase, Mapping)) or hasattr(value, "to_dict"):
        return False
    if isinstance(value, (list, tuple)):  # chunks given whole can be checked now; an iterator's only as they come
        return all(isinstance(chunk, (bytes, bytearray, memoryview)) for chunk in value)
    return callable(getattr(value, "read", None)) or isinstance(value, (Iterable, AsyncIterable))


class Source:
    """One piece of an upload body: its bytes, their number when known, and whether they can be read again."""

    length: int | None = None
    rewindable: bool = True

    def chunks(self) -> Iterator[bytes]:
        raise NotImplementedError

    async def achunks(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks():  # bytes in memory: nothing to wait for
            yield chunk


class BytesSource(Source):
    def __init__(self, data: bytes | bytearray | memoryview) -> None:
        self._data = memoryview(data).cast("B")
        self.length = len(self._data)

    def chunks(self) -> Iterator[bytes]:
        for start in range(0, len(self._data), CHUNK_SIZE):
            yield bytes(self._data[start:start + CHUNK_SIZE])


class FileSource(Source):
    """A file on disk (opened anew for each attempt) or a file object (rewound to where it stood, if it can seek)."""

    def __init__(self, file: os.PathLike[str] | IO[bytes], where: str) -> None:
        self._where = where
        self._path: Path | None = None
        self._file: IO[bytes] | None = None
        if isinstance(file, os.PathLike):
            self._path = Path(file)
            if not self._path.is_file():
                raise ValueError(f"{where} is a path to no file: {os.fspath(file)!r}")
            self.length = self._path.stat().st_size
            return
        if isinstance(file, io.TextIOBase) or isinstance(file.read(0), str):
            raise TypeError(f"{where} is a file opened in text mode; open it in binary mode ('rb')")
        self._file = file
        self._start: int | None = _position(file)
        self.rewindable = self._start is not None
        self.length = _remaining(file, self._start)

    def chunks(self) -> Iterator[bytes]:
        if self._path is not None:
            with self._path.open("rb") as file:
                yield from self._read(file)
            return
        assert self._file is not None
        if self._start is not None:
            self._file.seek(self._start)
        yield from self._read(self._file)

    async def achunks(self) -> AsyncIterator[bytes]:
        import asyncio  # only the async client gets here

        # Each read runs in a worker thread: a slow disk or a network file system never stalls the event loop.
        chunks = self.chunks()
        while (chunk := await asyncio.to_thread(next, chunks, None)) is not None:
            yield chunk

    def _read(self, file: IO[bytes]) -> Iterator[bytes]:
        left = self.length
        while left is None or left > 0:
            chunk = file.read(CHUNK_SIZE if left is None else min(CHUNK_SIZE, left))
            if not chunk:
                break
            if not isinstance(chunk, bytes):
                raise RequestEncodingError(f"{self._where}: the file gave {type(chunk).__name__}, not bytes")
            left = None if left is None else left - len(chunk)
            yield chunk
        if left:
            # Fewer bytes than Content-Length announced: the server would wait for the rest.
            raise RequestEncodingError(f"{self._where}: the file shrank while it was being sent ({left} bytes missing)")


class IteratorSource(Source):
    """An iterator of bytes (sync, or async for the async client): read once, never rewound.

    A list or tuple of chunks can be read again, so it is sent again like bytes.
    """

    def __init__(self, chunks: Iterable[bytes] | AsyncIterable[bytes], size: int | None, where: str) -> None:
        self._chunks = chunks
        self._where = where
        self.length = size
        self.rewindable = isinstance(chunks, (list, tuple))

    def chunks(self) -> Iterator[bytes]:
        if not isinstance(self._chunks, Iterable):
            raise RequestEncodingError(f"{self._where} is an async iterator: only the async client can send it")
        for chunk in self._chunks:
            yield self._checked(chunk)

    async def achunks(self) -> AsyncIterator[bytes]:
        if isinstance(self._chunks, AsyncIterable):
            async for chunk in self._chunks:
                yield self._checked(chunk)
        else:
            for chunk in self.chunks():
                yield chunk

    def _checked(self, chunk: Any) -> bytes:
        if isinstance(chunk, (bytes, bytearray, memoryview)):
            return bytes(chunk)
        raise RequestEncodingError(f"{self._where}: the iterator gave {type(chunk).__name__}, not bytes")


class Counted(Source):
    """A source whose progress is reported to a callback, from 0 on each attempt to its total."""

    def __init__(self, source: Source, progress: ProgressCallback) -> None:
        self._source = source
        self._progress = progress
        self.length = source.length
        self.rewindable = source.rewindable

    def chunks(self) -> Iterator[bytes]:
        sent = 0
        self._progress(0, self.length)
        for chunk in self._source.chunks():
            yield chunk  # counted once the connection comes back for the next one: it took this one
            sent += len(chunk)
            self._progress(sent, self.length)

    async def achunks(self) -> AsyncIterator[bytes]:
        sent = 0
        self._progress(0, self.length)
        async for chunk in self._source.achunks():
            yield chunk
            sent += len(chunk)
            self._progress(sent, self.length)


def source_of(value: Any, where: str) -> Source:
    """The :class:`Source` of an upload value, checked now: a typed problem names ``where``, nothing is sent.

    Raises ``ValueError`` (or ``TypeError`` for a value that is no file at all), which the request
    builder reports as :class:`~specloom_runtime.errors.RequestEncodingError`.
    """
    file = value if isinstance(value, File) else File(value)
    content = file.content
    if isinstance(content, io.TextIOBase):
        raise TypeError(f"{where} is a file opened in text mode; open it in binary mode ('rb')")
    if isinstance(content, str) or not is_file_content(content) or isinstance(content, File):
        raise TypeError(f"{where} must be bytes, a path, a binary file object or an iterator of bytes, "
                        f"not {type(content).__name__}" + (" (encode text first)" if isinstance(content, str) else ""))
    if file.size is not None and (not isinstance(file.size, int) or file.size < 0):
        raise ValueError(f"{where}: File.size must be a number of bytes, not {file.size!r}")
    source: Source
    if isinstance(content, (bytes, bytearray, memoryview)):
        source = BytesSource(content)
    elif isinstance(content, os.PathLike) or callable(getattr(content, "read", None)):
        source = FileSource(content, where)  # type: ignore[arg-type]  # a file object: it has read()
    else:
        source = IteratorSource(content, file.size, where)
    return Counted(source, file.progress) if file.progress is not None else source


def file_name(value: Any, default: str) -> str:
    """The name a file part carries: the ``File``'s, the path's or file object's own, else ``default``."""
    file = value if isinstance(value, File) else File(value)
    if file.filename is not None:
        return file.filename
    own = file.content if isinstance(file.content, os.PathLike) else getattr(file.content, "name", None)
    if isinstance(own, (str, os.PathLike)) and os.fspath(own):  # not a descriptor number (os.fdopen)
        return Path(own).name or default
    return default


class UploadStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A request body made of pieces (bytes, files, iterators), read as the connection takes it.

    Each time httpx reads it from the start (a retry, a redirect) it starts over from every
    piece's first byte; a body with a piece that cannot be rewound refuses a second reading
    with :class:`~specloom_runtime.errors.RequestEncodingError` (the transport loop asks
    :attr:`can_resend` first, so it never gets there itself).
    """

    def __init__(self, pieces: Sequence[Source], where: str) -> None:
        self._pieces = tuple(pieces)
        self._where = where
        lengths = [p.length for p in self._pieces]
        #: The body's size when every piece's is known, else ``None`` (then sent chunked).
        self.length: int | None = None if None in lengths else sum(n for n in lengths if n is not None)
        self.rewindable = all(p.rewindable for p in self._pieces)
        self.started = False

    @property
    def can_resend(self) -> bool:
        """Whether the whole body can be sent (again): nothing read yet, or every piece can start over."""
        return self.rewindable or not self.started

    def headers(self) -> dict[str, str]:
        """The framing headers: Content-Length when the size is known, else chunked transfer."""
        if self.length is None:
            return {"Transfer-Encoding": "chunked"}
        return {"Content-Length": str(self.length)}

    def _begin(self) -> None:
        if not self.can_resend:
            raise RequestEncodingError(f"{self._where} was read once already (an iterator or a file that cannot seek) "
                                       "and cannot be sent again")
        self.started = True

    def __iter__(self) -> Iterator[bytes]:
        self._begin()
        for piece in self._pieces:
            yield from piece.chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        self._begin()
        for piece in self._pieces:
            async for chunk in piece.achunks():
                yield chunk


def binary_body(value: Any, media_type: str) -> tuple[UploadStream, str]:
    """A file sent as the whole body, and its Content-Type: the spec's; where the spec allows any (``image/*``,
    ``*/*``), the ``File``'s, else ``application/octet-stream``."""
    declared = value.content_type if isinstance(value, File) else None
    if isinstance(value, File) and value.headers:
        raise ValueError("body: File.headers are a multipart part's; a body that is the file itself takes its "
                         "headers from request_options.headers")
    if declared is not None:
        media_type_header(declared, "body")
    media = media_type if "*" not in media_type else declared or "application/octet-stream"
    return UploadStream([source_of(value, "body")], "the body"), media_type_header(media, "body")


def media_type_header(media: str, where: str) -> str:
    """``media``, checked to be a media type a header can carry (so it cannot end its header or add one)."""
    if not isinstance(media, str) or not _MEDIA_TYPE.fullmatch(media):
        raise ValueError(f"{where}: {media!r} is not a media type that can be sent (type/subtype, ASCII, no line break)")
    return media


def _position(file: IO[bytes]) -> int | None:
    """Where a file object stands, if it can seek back there (a pipe or a socket cannot)."""
    try:
        return file.tell() if file.seekable() else None
    except (AttributeError, OSError, ValueError):
        return None


def _remaining(file: IO[bytes], start: int | None) -> int | None:
    """How many bytes a file object holds from ``start`` on, when that can be told without reading them."""
    if start is None:
        return None
    try:
        return max(0, os.fstat(file.fileno()).st_size - start)
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        pass
    try:  # an in-memory file (BytesIO): seek to its end and back
        end = file.seek(0, io.SEEK_END)
        file.seek(start)
        return max(0, end - start)
    except (OSError, ValueError):
        return None
