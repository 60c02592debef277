"""Writing a rendered package: only changed files, atomically, never outside the output folder."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path, PurePosixPath

import attrs

from .diagnostics import SpecloomError

MANIFEST = ".specloom-manifest.json"


@attrs.frozen
class WriteResult:
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


def _safe_target(out: Path, relative: str) -> Path:
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or any(p in ("", ".") for p in pure.parts):
        raise SpecloomError(f"refusing to write {relative!r}: not a plain path inside {out}")
    target = (out / Path(*pure.parts)).resolve()
    if not target.is_relative_to(out.resolve()):
        raise SpecloomError(f"refusing to write {relative!r}: it leaves {out}")
    return target


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def plan(out: Path, files: dict[str, str]) -> tuple[dict[str, bytes], list[str]]:
    """The full set of files (manifest included) and the ones whose bytes on disk differ."""
    encoded = {path: text.encode("utf-8") for path, text in sorted(files.items())}
    manifest = {path: _digest(data) for path, data in encoded.items()}
    encoded[MANIFEST] = (json.dumps({"files": manifest}, indent=1, sort_keys=True) + "\n").encode()
    stale = []
    for path, data in encoded.items():
        target = _safe_target(out, path)
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            pass
        stale.append(path)
    return encoded, stale


def leftovers(out: Path, encoded: dict[str, bytes]) -> list[str]:
    """Files a previous generation wrote (per its manifest) that this one no longer produces."""
    try:
        previous = json.loads((out / MANIFEST).read_text())["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return sorted(p for p in previous if isinstance(p, str) and p not in encoded)


def write(out: Path, files: dict[str, str]) -> WriteResult:
    encoded, stale = plan(out, files)
    removed = leftovers(out, encoded)
    out.mkdir(parents=True, exist_ok=True)
    for path in stale:
        target = _safe_target(out, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(encoded[path])
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    for path in removed:
        target = _safe_target(out, path)
        target.unlink(missing_ok=True)
        parent = target.parent
        while parent != out.resolve() and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    unchanged = tuple(p for p in encoded if p not in stale)
    return WriteResult(tuple(stale), unchanged, tuple(removed))
