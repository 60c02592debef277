"""Redocly CLI's ``diff`` command, run on two specs, and its breaking changes read as comparable keys.

``@redocly/cli`` is pinned in ``tests/prism/package.json`` beside Prism and installed with
``npm ci --prefix tests/prism`` (``./dev test`` does it). Its ``diff`` command (experimental,
since 2.72.0) rates each change by the semver bump it needs; a ``major`` verdict carries a
``ruleId`` (``operation-removed``, ``required-properties-added``, ...) and points at the
spec element it concerns.

Redocly's diff rules exist for OpenAPI 3.x only: on Swagger 2.0 it still lists the changes
but rates every one ``patch``. :func:`openapi3` therefore hands it a Swagger 2.0 spec
converted the way specloom reads one (:func:`specloom.swagger2.convert`), so both tools judge
the same document.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from specloom import swagger2

from tests.support import REPO, load_document

NPM_DIR = REPO / "tests" / "prism"
REDOCLY_PACKAGE = "@redocly/cli"
# The oldest Node the pinned Redocly CLI runs on (its package.json "engines": >=20.19.0 on the 20 line).
MIN_NODE = (20, 19, 0)
INSTALL_HINT = "run `npm ci --prefix tests/prism` (./dev test does it when npm is available)"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

#: What a key names: ("operation", METHOD, path) for a removed operation; ("property", schema, name),
#: ("parameter", METHOD, path, name) and ("body", METHOD, path) for a requiredness change.
Key = tuple[str, ...]


def redocly_version() -> str:
    """The exact Redocly CLI version tests/prism/package.json pins."""
    manifest = json.loads((NPM_DIR / "package.json").read_text())
    return str(manifest["dependencies"][REDOCLY_PACKAGE])


def redocly_entry() -> Path:
    """The JavaScript file ``node_modules/.bin/redocly`` stands for."""
    return (NPM_DIR / "node_modules" / ".bin" / "redocly").resolve()


def redocly_unavailable() -> str | None:
    """Why Redocly CLI cannot be run here, or ``None`` when it can."""
    node = shutil.which("node")
    if node is None:
        why = "npm and node are not on PATH" if shutil.which("npm") is None else "node is not on PATH"
        return f"{why}; the Redocly diff test needs Node.js >= {'.'.join(map(str, MIN_NODE))} with npm"
    try:
        text = subprocess.run([node, "--version"], check=True, capture_output=True, text=True, timeout=30).stdout
        version = tuple(int(part) for part in text.strip().lstrip("v").split(".")[:3])
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        return f"cannot run `{node} --version`: {exc}"
    if version < MIN_NODE:
        return f"node {text.strip()} is older than {'.'.join(map(str, MIN_NODE))}, which Redocly {redocly_version()} needs"
    installed = NPM_DIR / "node_modules" / "@redocly" / "cli" / "package.json"
    if not installed.is_file() or not redocly_entry().is_file():
        return f"Redocly CLI is not installed in {NPM_DIR / 'node_modules'}; {INSTALL_HINT}"
    have = json.loads(installed.read_text()).get("version")
    if have != redocly_version():
        return f"tests/prism/node_modules holds Redocly CLI {have}, package.json pins {redocly_version()}; {INSTALL_HINT}"
    return None


def openapi3(spec: Path, folder: Path) -> Path:
    """``spec`` itself when it is OpenAPI 3.x; a Swagger 2.0 spec converted as specloom reads it, in ``folder``."""
    document = load_document(spec)
    if not str(document.get("swagger", "")).startswith("2"):
        return spec
    converted = folder / f"{spec.stem}.openapi3.json"
    converted.write_text(json.dumps(swagger2.convert(document)), encoding="utf-8")
    return converted


def redocly_diff(base: Path, revision: Path, folder: Path) -> dict[str, Any]:
    """Redocly's JSON diff report of ``base`` -> ``revision`` (both OpenAPI 3.x), run in ``folder``."""
    report = folder / "redocly-diff.json"
    # In an empty folder no redocly.yaml is found; telemetry and the update check stay off.
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
    command = [shutil.which("node") or "node", str(redocly_entry()), "diff", str(base), str(revision),
               "--format=json", "--fail-on=none", "-o", str(report)]
    done = subprocess.run(command, check=False, cwd=folder, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not report.is_file():
        raise AssertionError(f"redocly diff failed ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


# -- reading the report ----------------------------------------------------------------------------


def _segments(pointer: str) -> list[str]:
    """The decoded segments of a JSON pointer ``#/a/b~1c``."""
    return [s.replace("~1", "/").replace("~0", "~") for s in pointer.removeprefix("#").split("/")[1:]]


def _operation_at(pointer: str) -> tuple[str, str] | None:
    """(METHOD, path) of a pointer inside ``#/paths/<path>/<method>``, or ``None``."""
    parts = _segments(pointer)
    if len(parts) >= 3 and parts[0] == "paths" and parts[2] in HTTP_METHODS:
        return parts[2].upper(), parts[1]
    return None


def _backticked(text: str) -> list[str]:
    return re.findall(r"`([^`]*)`", text)


def removed_operations(report: dict[str, Any], base_document: dict[str, Any]) -> set[Key]:
    """The base's operations Redocly rates as removed: one by one, or with their path (removed or renamed)."""
    found: set[Key] = set()
    for change in report["changes"]:
        for verdict in change["verdicts"]:
            where = change["base"]["pointer"]
            if verdict["ruleId"] == "operation-removed" and (op := _operation_at(where)) is not None:
                found.add(("operation", *op))
            elif verdict["ruleId"] == "path-removed":
                parts = _segments(where)
                if len(parts) == 2 and parts[0] == "paths":
                    item = base_document["paths"][parts[1]]
                    found |= {("operation", m.upper(), parts[1]) for m in HTTP_METHODS if m in item}
    return found


def requiredness_changes(report: dict[str, Any]) -> set[Key]:
    """The requiredness changes Redocly rates as breaking, keyed as :data:`Key` says."""
    found: set[Key] = set()
    for change in report["changes"]:
        for verdict in change["verdicts"]:
            rule = verdict["ruleId"]
            if rule in ("required-properties-added", "required-properties-removed"):
                # "Properties of `Name` became required: `a`, `b`." — the names follow the colon.
                schema = verdict["location"]["pointer"].removesuffix("/required")
                names = _backticked(verdict["message"].rpartition(":")[2])
                found |= {("property", schema, name) for name in names}
            elif rule == "parameter-became-required" and (op := _operation_at(change["path"])) is not None:
                found.add(("parameter", *op, _backticked(verdict["message"])[0]))
            elif rule == "request-body-became-required" and (op := _operation_at(change["path"])) is not None:
                found.add(("body", *op))
    return found
