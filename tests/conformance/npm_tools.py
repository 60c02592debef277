"""The npm tools the tests start (Prism, Redocly CLI): pinned in ``tests/prism/package.json``, installed with
``npm ci --prefix tests/prism`` (``./dev test`` does it), and checked before use so a missing one is a skip
that says why, never a crash."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

from tests.support import REPO

NPM_DIR = REPO / "tests" / "prism"
INSTALL_HINT = "run `npm ci --prefix tests/prism` (./dev test does it when npm is available)"


class NpmTool(NamedTuple):
    """One pinned tool: its name for people, its npm package, its command (``""``: a library the tests' own
    scripts import), the oldest Node it runs on."""

    name: str
    package: str
    command: str
    min_node: tuple[int, ...]

    def version(self) -> str:
        """The exact version package.json pins."""
        manifest = json.loads((NPM_DIR / "package.json").read_text())
        return str(manifest["dependencies"][self.package])

    def entry(self) -> Path:
        """The JavaScript file ``node_modules/.bin/<command>`` stands for."""
        return (NPM_DIR / "node_modules" / ".bin" / self.command).resolve()

    def unavailable(self) -> str | None:
        """Why the tool cannot be run here, or ``None`` when it can."""
        needed = ".".join(map(str, self.min_node))
        node = shutil.which("node")
        if node is None:
            why = "npm and node are not on PATH" if shutil.which("npm") is None else "node is not on PATH"
            return f"{why}; the {self.name} tests need Node.js >= {needed} with npm"
        try:
            text = subprocess.run([node, "--version"], check=True, capture_output=True, text=True, timeout=30).stdout
            version = tuple(int(part) for part in text.strip().lstrip("v").split(".")[:3])
        except (OSError, subprocess.SubprocessError, ValueError) as exc:
            return f"cannot run `{node} --version`: {exc}"
        if version < self.min_node:
            return f"node {text.strip()} is older than {needed}, which {self.name} {self.version()} needs"
        installed = NPM_DIR / "node_modules" / self.package / "package.json"
        if not installed.is_file() or (self.command and not self.entry().is_file()):
            return f"{self.name} is not installed in {NPM_DIR / 'node_modules'}; {INSTALL_HINT}"
        have = json.loads(installed.read_text()).get("version")
        if have != self.version():
            return f"tests/prism/node_modules holds {self.name} {have}, package.json pins {self.version()}; {INSTALL_HINT}"
        return None
