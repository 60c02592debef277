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

from tests.conformance.npm_tools import NpmTool
from tests.support import load_document

REDOCLY_PACKAGE = "@redocly/cli"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

#: What a key names: ("operation", METHOD, path) for a removed operation; ("property", schema, name),
#: ("parameter", METHOD, path, name) and ("body", METHOD, path) for a requiredness change.
Key = tuple[str, ...]


#: Redocly CLI, pinned beside Prism; the oldest Node it runs on: its package.json "engines" (>=20.19.0 on 20).
REDOCLY = NpmTool("Redocly CLI", REDOCLY_PACKAGE, "redocly", (20, 19, 0))
redocly_version, redocly_entry, redocly_unavailable = REDOCLY.version, REDOCLY.entry, REDOCLY.unavailable


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
