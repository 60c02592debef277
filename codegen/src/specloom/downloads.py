"""Which answers are downloads: read as they arrive, to iterate or save, rather than held whole.

- A **binary** answer (any media type that is neither JSON nor text: ``application/octet-stream``,
  archives, images, PDF...) is always a download (kind ``bytes``: a ``ByteStream``). Bytes held
  whole would make a caller pay the whole file in memory to write it to disk.
- A **text** answer is a download (kind ``text_stream``: a ``TextStream``) when it is a data file:
  a tabular media type (``text/csv``, tab-separated values), or any text answer whose spec
  declares a ``Content-Disposition`` header (the server names a file to save). CSV reports
  grow with the data; a caller wants to save or read them line by line.
- Every other text answer (``text/plain``, HTML, XML, YAML, Markdown) stays ``str`` (kind
  ``text``): short answers a caller reads at once, like a workload's last log lines.
"""

from __future__ import annotations

from typing import Any, Literal

#: Text media types that hold data files (tables) rather than messages.
DATA_FILE_MEDIA_TYPES = frozenset({"text/csv", "text/tab-separated-values", "application/csv"})


def text_kind(media_type: str, headers: Any) -> Literal["text", "text_stream"]:
    """How a text answer of ``media_type`` is read, given its spec's ``headers`` object."""
    base = media_type.split(";", 1)[0].strip().lower()
    declared = {str(name).lower() for name in headers} if isinstance(headers, dict) else set()
    return "text_stream" if base in DATA_FILE_MEDIA_TYPES or "content-disposition" in declared else "text"
