"""Writing a rendered package: only changed files, atomically, never outside the output folder."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from .diagnostics import SpecloomError

MANIFEST = ".specloom-manifest.json"


def _file_mode() -> int:
    umask = os.umask(0o22)  # (reading the umask means setting it: set back at once, at import)
    os.umask(umask)
    return 0o666 & ~umask


#: The mode of a file the writer makes: what open() would give it.
_FILE_MODE = _file_mode()


class WriteResult(NamedTuple):
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


class _Targets:
    """Maps package-relative paths to files inside ``out``, refusing any that would leave it."""

    def __init__(self, out: Path, shown: Path | None = None) -> None:
        self.root = out.resolve()
        self.shown = shown or self.root  # the folder errors name (not the one a new package is staged in)
        self._checked: dict[PurePosixPath, Path] = {}

    def __call__(self, relative: str) -> Path:
        pure = PurePosixPath(relative)
        if pure.is_absolute() or not pure.parts or any(p in ("", ".", "..") or "\\" in p for p in pure.parts):
            raise SpecloomError(f"refusing to write {relative!r}: not a plain path inside {self.shown}")
        parent = self._checked.get(pure.parent)
        if parent is None:
            # Resolved once per folder: a symlinked folder must not lead out of the output.
            parent = (self.root / Path(*pure.parent.parts)).resolve()
            if not parent.is_relative_to(self.root):
                raise SpecloomError(f"refusing to write {relative!r}: it leaves {self.shown}")
            self._checked[pure.parent] = parent
        return parent / pure.name


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _encoded(files: dict[str, str], inputs: dict[str, Any] | None) -> dict[str, bytes]:
    """Each file as bytes, in path order, and the manifest last."""
    encoded = {path: text.encode("utf-8") for path, text in sorted(files.items())}
    manifest: dict[str, Any] = {"files": {path: _digest(data) for path, data in encoded.items()}}
    if inputs is not None:
        manifest["inputs"] = inputs
    encoded[MANIFEST] = (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode()
    return encoded


def plan(out: Path, files: dict[str, str], inputs: dict[str, Any] | None = None) -> tuple[dict[str, bytes], list[str]]:
    """The full set of files (manifest included) and the ones whose bytes on disk differ.

    The manifest lists each file's digest and, when given, what the package was made from
    (``inputs``, see :mod:`specloom.inputs`).
    """
    encoded = _encoded(files, inputs)
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
    if not os.path.lexists(out):
        return _write_new(out, _encoded(files, inputs))
    encoded, stale = plan(out, files, inputs)
    removed = leftovers(out, encoded)
    out.mkdir(parents=True, exist_ok=True)
    target_of = _Targets(out)
    for path in stale:
        target = target_of(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            os.fchmod(fd, _FILE_MODE)  # mkstemp makes it private; a package is for everyone the umask allows
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


def _write_new(out: Path, encoded: dict[str, bytes]) -> WriteResult:
    """A package where there was none: written into a new folder beside ``out``, which then becomes ``out``.

    The package appears whole or not at all, and each file costs one create and one write: no
    temporary file and rename per file, no look at what is not there (on some file systems these
    system calls cost more than rendering the file).
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".tmp-{out.name}-{secrets.token_hex(6)}"
    staging.mkdir()  # (the mode the umask allows, as out would have had)
    try:
        target_of = _Targets(staging, shown=out)
        folders = {staging}
        for path, data in encoded.items():
            target = target_of(path)
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            _create(target, data)
        os.rename(staging, out)  # refused if out appeared meanwhile: nothing of it is overwritten
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return WriteResult(tuple(encoded), (), ())


def _create(target: Path, data: bytes) -> None:
    """A new file holding ``data`` (refused if one is there), in three system calls: ``open()`` makes more."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
