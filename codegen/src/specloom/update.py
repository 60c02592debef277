"""``specloom update``: take a new spec into a family, as one release.

The spec is read in full first (every file it refers to), so a spec that cannot be read
changes nothing. Its files are then copied into ``specs/<family>/<release>/`` (replacing
what an existing release had there) and the release is registered in ``family.toml``:
appended when new; for an existing release whose spec changed, its ``patch`` number goes
up by one, so the package is republished as ``1.<release>.<patch>``. ``family.toml`` is
edited as text, line by line, so its comments and layout stay as the maintainer wrote them.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import NamedTuple

from .diagnostics import ConfigError, Diagnostics
from .family import Family, load_family, release_version
from .pipeline import outside_folder, read_spec

_HEADER = re.compile(r"^\s*\[")
_KEY = re.compile(r"^\s*(\w+)\s*=")


class Taken(NamedTuple):
    """What an update did: ``patch`` is the release's new patch number; ``changed`` is False when the
    spec was already there, byte for byte (nothing was written)."""

    family: Family
    version: str
    patch: int
    changed: bool


def take_release(family_dir: Path, version: str, spec: Path) -> Taken:
    family = load_family(family_dir)
    version = release_version(version, "--release")
    if not spec.is_file():
        raise ConfigError(f"{spec}: no such spec file")
    _, files = read_spec(spec, Diagnostics())  # refuses a spec that cannot be read, before any write
    outside = outside_folder(files)
    if outside:
        raise ConfigError(f"{spec}: refers to files outside its folder ({', '.join(outside)}); "
                          "put the spec and its files in one folder")
    source = spec.resolve().parent
    target = family_dir / version
    existing = next((r for r in family.releases if r.version == version), None)
    if existing is not None and _same(source, files, target, existing.spec):
        return Taken(family, version, existing.patch, changed=False)
    _replace_folder(source, files, target)
    toml = family_dir / "family.toml"
    text = toml.read_text(encoding="utf-8")
    spec_entry = f"{version}/{files[0]}"
    if existing is None:
        patch = 0
        text = text.rstrip("\n") + f'\n\n[[release]]\nversion = "{version}"\nspec = {json.dumps(spec_entry)}\n'
    else:
        patch = existing.patch + 1
        text = _edit_release(text, version, {"spec": json.dumps(spec_entry), "patch": str(patch)}, toml)
    toml.write_text(text, encoding="utf-8")
    return Taken(load_family(family_dir), version, patch, changed=True)


def _same(source: Path, files: list[str], target: Path, current_spec: Path) -> bool:
    """Whether ``target`` already holds exactly these files, the root spec being the release's spec."""
    if current_spec.resolve() != (target / files[0]).resolve():
        return False
    return all((target / f).is_file() and (target / f).read_bytes() == (source / f).read_bytes() for f in files)


def _replace_folder(source: Path, files: list[str], target: Path) -> None:
    """Copy ``files`` into a fresh folder beside ``target``, then swap it in: never a half-copied release."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for name in files:
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / name, staging / name)
        if target.exists():
            old = target.with_name(f".{target.name}-old")
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
            staging.rename(target)
            shutil.rmtree(old)
        else:
            staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _edit_release(text: str, version: str, values: dict[str, str], where: Path) -> str:
    """``text`` with the ``[[release]]`` table of ``version`` given ``values`` (TOML literals)."""
    lines = text.split("\n")
    start = None
    for i, line in enumerate(lines):
        if line.strip() == "[[release]]":
            end = next((j for j in range(i + 1, len(lines)) if _HEADER.match(lines[j])), len(lines))
            if any(re.fullmatch(rf'\s*version\s*=\s*"{re.escape(version)}"\s*(#.*)?', lines[j]) for j in range(i + 1, end)):
                start = i
                break
    if start is None:
        raise ConfigError(f"{where}: no [[release]] table with version = \"{version}\" to update")
    end = next((j for j in range(start + 1, len(lines)) if _HEADER.match(lines[j])), len(lines))
    missing = dict(values)
    for j in range(start + 1, end):
        key = _KEY.match(lines[j])
        if key and key[1] in missing:
            lines[j] = f"{key[1]} = {missing.pop(key[1])}"
    # After the table's last key: comments before the next table belong to that table.
    last = max((j for j in range(start + 1, end) if _KEY.match(lines[j])), default=start)
    lines[last + 1:last + 1] = [f"{key} = {value}" for key, value in missing.items()]
    return "\n".join(lines)
