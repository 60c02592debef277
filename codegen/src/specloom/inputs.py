"""What a generated package was made from, so regenerating it from unchanged inputs costs only hashing them.

A package's fingerprint covers everything its files depend on: the generator itself (its
modules and templates), the package description (names, version), every file of its spec
(the root and each file a ``$ref`` reached), and the fingerprint of the family's previous
release, whose names and IR the package's names and changelog follow. The manifest
``generate`` writes records the fingerprint and the spec files it covered; a later run
re-hashes just those files, and when nothing changed (and the generated files are still as
written) it skips reading the spec at all.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any, NamedTuple

from .render import PackageInfo
from .writer import MANIFEST


class Inputs(NamedTuple):
    """A package's fingerprint and the digest of each spec file it covers (names relative to the spec's folder)."""

    fingerprint: str
    specs: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        return {"fingerprint": self.fingerprint, "specs": self.specs}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def generator_files() -> list[Path]:
    """What the generator is made of: every module, the front ends' subpackages included, and every template."""
    here = Path(__file__).parent
    return sorted([*here.rglob("*.py"), *here.glob("templates/*")])


@functools.cache
def generator_digest() -> str:
    """The generator's own source and templates: a new specloom regenerates everything."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in generator_files():
        digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def inputs(spec: Path, files: list[str], info: PackageInfo, previous: str, declared: object = None) -> Inputs | None:
    """The inputs of a package whose spec is made of ``files``; ``None`` when one cannot be read.

    ``declared``: what the family's family.toml says of the package beyond its names, as JSON
    (:meth:`specloom.family.Settings.as_json`).
    """
    base = spec.resolve().parent
    try:
        specs = {name: _sha256((base / name).read_bytes()) for name in files}
    except OSError:
        return None
    text = json.dumps([generator_digest(), list(info), specs, previous, declared], sort_keys=True, default=str)
    return Inputs(_sha256(text.encode()), specs)


def recorded(out: Path) -> tuple[Inputs, dict[str, str]] | None:
    """The inputs and the file digests the manifest in ``out`` recorded, if it has them."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        found = manifest["inputs"]
        return Inputs(str(found["fingerprint"]), dict(found["specs"])), dict(manifest["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def unchanged(out: Path, spec: Path, info: PackageInfo, previous: str, declared: object = None) -> Inputs | None:
    """The package's inputs when ``out`` holds it made from these same inputs, its files untouched; else ``None``."""
    found = recorded(out)
    if found is None:
        return None
    before, files = found
    now = inputs(spec, list(before.specs), info, previous, declared)
    if now is None or now.fingerprint != before.fingerprint:
        return None
    for name, digest in files.items():
        try:
            if _sha256((out / name).read_bytes()) != digest:
                return None
        except OSError:
            return None
    return now
