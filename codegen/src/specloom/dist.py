"""Wheels, sdists and a static package index, so users can ``pip install <family>-client~=1.224.0``.

Each project (a generated package, or the runtime) is built by pypa ``build`` with the
project's own backend (hatchling), in this environment rather than a fresh one per build:
both are dependencies of specloom, so a build needs no network. The index is PEP 503's
"simple" layout, written as static files beside the distributions (``dist/simple/``), so
any web server or ``pip install --index-url file:///.../dist/simple`` serves it. It lists
every distribution in the folder, so building release after release into one folder
grows one index.
"""

from __future__ import annotations

import hashlib
import html
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from .diagnostics import ConfigError

#: What a distribution file's name begins with: the project name as written in it (PEP 427, sdist).
_PROJECT = re.compile(r"^(?P<name>.+?)-\d[^-]*?(?:-[^-]+-[^-]+-[^-]+)?\.(?:whl|tar\.gz)$")


def build_project(project: Path, out: Path) -> list[str]:
    """Build an sdist and a wheel of ``project`` (a folder with a pyproject.toml) into ``out``; their names."""
    if not (project / "pyproject.toml").is_file():
        raise ConfigError(f"{project}: no pyproject.toml; is this a generated package (or the runtime)?")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--no-isolation", "--outdir", str(out), str(project)],
        capture_output=True, text=True, check=False,
    )
    built = re.search(r"Successfully built (\S+) and (\S+)\s*$", result.stdout)
    if result.returncode != 0 or built is None:
        raise ConfigError(f"{project}: the build failed:\n{(result.stderr or result.stdout).strip()}")
    return [built[1], built[2]]


def normalized(name: str) -> str:
    """PEP 503's form of a project name: lower case, runs of ``-``, ``_`` and ``.`` as one ``-``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def write_index(dist: Path) -> Path:
    """Write ``dist/simple/`` (PEP 503) listing every wheel and sdist in ``dist``; returns its folder."""
    projects: dict[str, list[Path]] = {}
    for path in sorted(dist.iterdir()):
        match = _PROJECT.match(path.name)
        if path.is_file() and match:
            projects.setdefault(normalized(match["name"]), []).append(path)
    simple = dist / "simple"
    simple.mkdir(parents=True, exist_ok=True)
    _page(simple / "index.html", "Simple index", ((f"{name}/", name) for name in sorted(projects)))
    for name, files in projects.items():
        (simple / name).mkdir(exist_ok=True)
        links = ((f"../../{f.name}#sha256={_sha256(f)}", f.name) for f in files)
        _page(simple / name / "index.html", f"Links for {name}", links, requires_python=">=3.11")
    return simple


def _page(path: Path, title: str, links: Iterable[tuple[str, str]], requires_python: str = "") -> None:
    extra = f' data-requires-python="{html.escape(requires_python)}"' if requires_python else ""
    anchors = "\n".join(f'    <a href="{html.escape(href)}"{extra}>{html.escape(text)}</a><br>' for href, text in links)
    path.write_text(f"<!DOCTYPE html>\n<html>\n  <head><title>{html.escape(title)}</title></head>\n  <body>\n"
                    f"    <h1>{html.escape(title)}</h1>\n{anchors}\n  </body>\n</html>\n", encoding="utf-8")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
