"""Downloads: binary and text answers read as they arrive, and saved to a file only once complete.

An operation whose success answer is binary (``application/octet-stream``, archives,
images, PDFs...) returns a :class:`ByteStream`; one whose answer is a text file to save
(``text/csv``, tab-separated values, or any text answer the spec gives a
``Content-Disposition`` header) a :class:`TextStream`; an operation that streams text
only when asked (``follow=true``) a :class:`TextStream` then. Other text answers stay
``str``: a short answer read whole is what a caller of ``get_workload_logs()`` expects.
The async client gets :class:`AsyncByteStream` / :class:`AsyncTextStream`, whose
methods have the same names and are awaited (``await stream.save(path)``,
``async for line in stream.iter_lines()``).

They are streams like :mod:`specloom_runtime.streams`' (each is one): iterating gives the
body's chunks as they come; the connection goes back to the pool when the body ends,
fails, is closed, leaves a ``with`` block or (sync) is collected; a stalled read raises
:class:`~specloom_runtime.errors.ApiTimeoutError`, a broken one
:class:`~specloom_runtime.errors.ApiConnectionError`, and nothing is retried once the
body has begun. A body that ends before its ``Content-Length`` raises
:class:`~specloom_runtime.errors.StreamError`: it is never taken for a short file.

``save(path, progress=...)`` writes to a hidden file beside ``path`` and renames it into
place (``os.replace``) only once the whole body is written and flushed to disk: whatever
interrupts it (a cut connection, a stall, an exception from ``progress``, Ctrl-C) leaves
no file under ``path`` and removes its own. ``path`` may be a folder: the file then takes
the name the server gives in ``Content-Disposition``, reduced to a plain file name.
"""

from __future__ import annotations

import codecs
import os
import re
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, cast

import httpx

from .errors import StreamError
from .streams import AsyncStream, Stream, _avalues, _is_async, _Items, _values, media_type

#: What ``save`` reports after each chunk written: (bytes so far, bytes in all or ``None`` when unknown).
Progress = Callable[[int, int | None], object]

#: Characters no file name gets from a server: path separators, control characters, and what Windows refuses.
_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
#: Most file systems refuse longer names (in bytes).
_NAME_LIMIT = 255


class _Body(_Items[bytes]):
    """The response a download reads and how much of it came, against how much was announced."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(response, None, False)
        self.received = 0
        #: Bytes the body will hold: its Content-Length, unless a content coding makes that the size on the wire only.
        self.expected = content_length(response) if response.headers.get("content-encoding", "identity") == "identity" \
            else None

    def count(self, chunk: bytes) -> bytes:
        self.received += len(chunk)
        return chunk

    def check_complete(self) -> None:
        """At the end of the body: one shorter than announced is an error, not a short file."""
        if self.expected is not None and self.received < self.expected:
            raise StreamError(f"{self.what}: the answer ended after {self.received} of its {self.expected} bytes",
                              request_id=self.request_id)


def _checked(body: _Body, chunks: Iterator[bytes]) -> Iterator[bytes]:
    yield from chunks
    body.check_complete()


async def _achecked(body: _Body, chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    async for chunk in chunks:
        yield chunk
    body.check_complete()


class _Download:
    """What the sync and async downloads share: what the answer says about its body, and where to save it."""

    response: httpx.Response
    _items: _Items[Any]

    @property
    def _body(self) -> _Body:
        return cast(_Body, self._items)  # the openers below give every download a _Body

    @property
    def headers(self) -> httpx.Headers:
        return self.response.headers

    @property
    def content_type(self) -> str | None:
        """The media type (``text/csv``), without parameters; ``None`` when the server gave none."""
        return media_type(self.response) or None

    @property
    def content_length(self) -> int | None:
        """The Content-Length header (bytes on the wire); ``None`` when absent or not a number."""
        return content_length(self.response)

    @property
    def filename(self) -> str | None:
        """The file name from Content-Disposition, reduced to a plain name (no folder, no leading dot); else ``None``."""
        return safe_filename(self.response.headers.get("content-disposition"))

    @property
    def request_id(self) -> str | None:
        return self._body.request_id

    @property
    def received(self) -> int:
        """Bytes of the body read so far."""
        return self._body.received

    @property
    def total(self) -> int | None:
        """Bytes the body holds when known (its Content-Length, without a content coding), else ``None``."""
        return self._body.expected

    def _destination(self, path: str | os.PathLike[str]) -> Path:
        target = Path(path)
        if target.is_dir():
            name = self.filename
            if name is None:
                raise IsADirectoryError(f"{self._body.what}: {str(target)!r} is a folder and the answer names no file "
                                        "(no Content-Disposition file name): give the file's path")
            target = target / name
        return target

    def _report(self, progress: Progress | None) -> None:
        if progress is not None:
            progress(self._body.received, self._body.expected)


class _PartFile:
    """A file written beside ``target`` under a hidden temporary name, put in its place only once complete.

    On leaving with an exception (any: KeyboardInterrupt too) the temporary file is removed
    and ``target`` is untouched; on leaving normally it is flushed to disk and renamed to
    ``target`` in one step, replacing any file there.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        base = target.name.encode()[:_NAME_LIMIT - 32].decode(errors="ignore")
        self.temporary = target.with_name(f".{base}.{secrets.token_hex(6)}.part")

    def __enter__(self) -> BinaryIO:
        # "x": created here and now (never someone else's file), with the permissions any new file gets.
        self.file: BinaryIO = open(self.temporary, "xb")
        return self.file

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            with self.file:
                if exc_type is None:
                    self.file.flush()
                    os.fsync(self.file.fileno())  # so a crash after the rename cannot leave an empty file there
            if exc_type is None:
                os.replace(self.temporary, self.target)
        except BaseException:
            self.temporary.unlink(missing_ok=True)
            raise
        if exc_type is not None:
            self.temporary.unlink(missing_ok=True)


class ByteStream(_Download, Stream[bytes]):
    """A binary answer read on the calling thread: iterate its chunks, :meth:`read` it whole or :meth:`save` it."""

    def read(self) -> bytes:
        """The rest of the body, whole."""
        return b"".join(self)

    def save(self, path: str | os.PathLike[str], *, progress: Progress | None = None) -> Path:
        """Write the body to ``path`` (a file, or a folder for the server's file name); the file's path.

        ``progress(received, total)`` is called before the first chunk and after each one
        written; ``total`` is ``None`` when the server did not say. The stream is closed
        afterwards, whatever happened; an interrupted save leaves no file (see the module).
        """
        with self:
            target = self._destination(path)
            with _PartFile(target) as file:
                self._report(progress)
                for chunk in self:
                    file.write(chunk)
                    self._report(progress)
        return target


class AsyncByteStream(_Download, AsyncStream[bytes]):
    """A binary answer read on the event loop: ``async for`` over its chunks, ``await read()`` or ``await save()``.

    The file is written on the event loop's thread: chunks are small (tens of KiB), and
    a local disk takes them faster than the network brings them.
    """

    async def read(self) -> bytes:
        """The rest of the body, whole."""
        return b"".join([chunk async for chunk in self])

    async def save(self, path: str | os.PathLike[str], *, progress: Progress | None = None) -> Path:
        """Write the body to ``path``, as :meth:`ByteStream.save` does."""
        async with self:
            target = self._destination(path)
            with _PartFile(target) as file:
                self._report(progress)
                async for chunk in self:
                    file.write(chunk)
                    self._report(progress)
        return target


class _Text:
    """What the sync and async text streams share: how bytes become text, and text lines."""

    response: httpx.Response

    def _decoder(self) -> codecs.IncrementalDecoder:
        # The charset the server names (httpx reads it), else UTF-8; a character split between chunks is joined.
        return codecs.getincrementaldecoder(self.response.encoding or "utf-8")(errors="replace")


class _Lines:
    """Text cut into lines (without their ends) where ``str.splitlines`` cuts, as httpx's ``iter_lines`` does.

    A piece without a line end, or ending in CR (its LF may begin the next piece), waits for more.
    """

    def __init__(self) -> None:
        self.pending = ""

    def feed(self, text: str) -> list[str]:
        pieces = (self.pending + text).splitlines(keepends=True)
        last = pieces[-1] if pieces else ""
        self.pending = pieces.pop() if last and (last.endswith("\r") or len(last.splitlines()[0]) == len(last)) else ""
        return [piece.splitlines()[0] for piece in pieces]

    def end(self) -> list[str]:
        return self.pending.splitlines()


class TextStream(_Text, ByteStream):
    """A text answer read on the calling thread: its chunks (bytes), or its text and lines as they come."""

    def iter_text(self) -> Iterator[str]:
        """The body as text, piece by piece, in the charset the server named (UTF-8 when none)."""
        decoder = self._decoder()
        for chunk in self:
            if text := decoder.decode(chunk):
                yield text
        if text := decoder.decode(b"", final=True):
            yield text

    def iter_lines(self) -> Iterator[str]:
        """The body's lines as each one completes, without their line ends (LF, CRLF or CR)."""
        lines = _Lines()
        for text in self.iter_text():
            yield from lines.feed(text)
        yield from lines.end()

    def read_text(self) -> str:
        """The rest of the body as text, whole."""
        return "".join(self.iter_text())


class AsyncTextStream(_Text, AsyncByteStream):
    """A text answer read on the event loop: ``async for`` over its chunks, or its text and lines."""

    async def iter_text(self) -> AsyncIterator[str]:
        """The body as text, piece by piece (see :meth:`TextStream.iter_text`)."""
        decoder = self._decoder()
        async for chunk in self:
            if text := decoder.decode(chunk):
                yield text
        if text := decoder.decode(b"", final=True):
            yield text

    async def iter_lines(self) -> AsyncIterator[str]:
        """The body's lines as each one completes (see :meth:`TextStream.iter_lines`)."""
        lines = _Lines()
        async for text in self.iter_text():
            for line in lines.feed(text):
                yield line
        for line in lines.end():
            yield line

    async def read_text(self) -> str:
        """The rest of the body as text, whole."""
        return "".join([text async for text in self.iter_text()])


def _open(response: httpx.Response, sync: type[ByteStream], asynchronous: type[AsyncByteStream]) -> Any:
    # Typed as the sync stream by its callers: the async client's ``call`` overloads give the async one.
    body = _Body(response)
    if _is_async(response):
        return asynchronous(body, _avalues(body, _achecked(body, response.aiter_bytes()), body.count))
    return sync(body, _values(body, _checked(body, response.iter_bytes()), body.count))


def byte_stream(response: httpx.Response, strict: bool = False) -> ByteStream:
    """The ``decode`` of an operation with a binary answer (the async client gets an :class:`AsyncByteStream`)."""
    stream: ByteStream = _open(response, ByteStream, AsyncByteStream)
    return stream


def text_stream(response: httpx.Response, strict: bool = False) -> TextStream:
    """The ``decode`` of an operation with a streamed text answer (the async client gets an :class:`AsyncTextStream`)."""
    stream: TextStream = _open(response, TextStream, AsyncTextStream)
    return stream


def content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length", "")
    return int(value) if value.isdigit() and value.isascii() else None


def safe_filename(content_disposition: str | None) -> str | None:
    """The file name a Content-Disposition header gives (``filename*`` too), safe to create in a folder of ours.

    Only its last path segment is kept, characters no file name should hold become ``_``,
    leading dots and spaces go (no hidden file, no ``..``), and it is cut to 255 bytes;
    ``None`` when nothing is left or there was no name.
    """
    if not content_disposition:
        return None
    from email.message import Message  # the standard RFC 2183/2231 reader, only when a name is asked for

    header = Message()
    header["content-disposition"] = content_disposition
    name = header.get_filename()
    if not name:
        return None
    name = _UNSAFE_IN_NAMES.sub("_", re.split(r"[/\\]", name)[-1]).strip(" .")
    name = name.encode()[:_NAME_LIMIT].decode(errors="ignore")
    return name or None
