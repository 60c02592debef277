"""Writing a rendered package: only changed files, atomically, never outside the output folder."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from .diagnostics import SpecloomError

MANIFEST = ".specloom-manifest.json"


class WriteResult(NamedTuple):
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


class _Targets:
    """Maps package-relative paths to files inside ``out``, refusing any that would leave it."""

    def __init__(self, out: Path) -> None:
        self.root = out.resolve()
        self._checked: dict[PurePosixPath, Path] = {}

    def __call__(self, relative: str) -> Path:
        pure = PurePosixPath(relative)
        if pure.is_absolute() or not pure.parts or any(p in ("", ".", "..") or "\\" in p for p in pure.parts):
            raise SpecloomError(f"refusing to write {relative!r}: not a plain path inside {self.root}")
        parent = self._checked.get(pure.parent)
        if parent is None:
            # Resolved once per folder: a symlinked folder must not lead out of the output.
            parent = (self.root / Path(*pure.parent.parts)).resolve()
            if not parent.is_relative_to(self.root):
                raise SpecloomError(f"refusing to write {relative!r}: it leaves {self.root}")
            self._checked[pure.parent] = parent
        return parent / pure.name


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def plan(out: Path, files: dict[str, str], inputs: dict[str, Any] | None = None) -> tuple[dict[str, bytes], list[str]]:
    """The full set of files (manifest included) and the ones whose bytes on disk differ.

    The manifest lists each file's digest and, when given, what the package was made from
    (``inputs``, see :mod:`specloom.inputs`).
    """
    encoded = {path: text.encode("utf-8") for path, text in sorted(files.items())}
    manifest: dict[str, Any] = {"files": {path: _digest(data) for path, data in encoded.items()}}
    if inputs is not None:
        manifest["inputs"] = inputs
    encoded[MANIFEST] = (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode()
    stale = []
    target_of = _Targets(out)
    for path, data in encoded.items():
        target = target_of(path)
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


def write(out: Path, files: dict[str, str], inputs: dict[str, Any] | None = None) -> WriteResult:
    encoded, stale = plan(out, files, inputs)
    removed = leftovers(out, encoded)
    out.mkdir(parents=True, exist_ok=True)
    target_of = _Targets(out)
    for path in stale:
        target = target_of(path)
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
        target = target_of(path)
        target.unlink(missing_ok=True)
        parent = target.parent
        while parent != out.resolve() and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    unchanged = tuple(p for p in encoded if p not in stale)
    return WriteResult(tuple(stale), unchanged, tuple(removed))
