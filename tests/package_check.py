"""Checks a generated package from inside a fresh interpreter: imports, clients, both indexes.

Standard library only, and nothing of the test suite: the conformance probe and the generator
property suite run it in interpreters whose ``sys.path`` holds the generated package (and this
folder's parent, to import this module).
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import pkgutil
import traceback
from pathlib import Path
from typing import Any


def check_package(package: str, *, import_all: bool = False, options: bool = False) -> dict[str, Any]:
    """Problems of the importable ``package``, with counts: an empty ``problems`` list means it works.

    Every operation of ``operations.json`` must resolve on a sync and an async client to a
    function of the right kind, and every row of ``schemas.json`` to a class. ``import_all``
    first imports every module of the package; ``options`` also wants each step of an
    operation's path listed by the ``options()`` of the client, category or group it is taken from.
    """
    report: dict[str, Any] = {"operations": 0, "schemas": 0, "problems": [], "file": "", "modules": 0}
    problems: list[str] = report["problems"]
    try:
        top = importlib.import_module(package)
        report["file"] = top.__file__
        root = Path(top.__file__ or "").parent
        if import_all:
            for module in pkgutil.walk_packages(top.__path__, package + "."):
                try:
                    importlib.import_module(module.name)
                    report["modules"] += 1
                except BaseException:  # noqa: BLE001 - whatever a generated module raises is a finding
                    problems.append(f"import {module.name}:\n{traceback.format_exc(limit=-6)}")
        ops = json.loads((root / "operations.json").read_text(encoding="utf-8"))
        rows = json.loads((root / "schemas.json").read_text(encoding="utf-8"))
        report["operations"], report["schemas"] = len(ops), len(rows)
        clients = [(top.Client(base_url="http://127.0.0.1:9"), False), (top.AsyncClient(base_url="http://127.0.0.1:9"), True)]
        for client, is_async in clients:
            for op in ops:
                problems += _operation_problems(client, is_async, op, options)
        for row in rows:
            try:
                getattr(importlib.import_module(row["module"]), row["python_name"])
            except BaseException as exc:  # noqa: BLE001 - as above
                problems.append(f"schema {row['schema']!r} -> {row['module']}.{row['python_name']}: {type(exc).__name__}: {exc}")
        clients[0][0].close()
        asyncio.run(clients[1][0].aclose())
    except BaseException:  # noqa: BLE001 - as above
        problems.append(traceback.format_exc(limit=-8))
    return report


def _operation_problems(client: Any, is_async: bool, op: dict[str, Any], options: bool) -> list[str]:
    kind = type(client).__name__
    target = client
    try:
        for part in op["python_name"].split("."):
            if options:
                listed = target.options(include_deprecated=True) if hasattr(target, "_methods") else target.options()
                if part not in listed:
                    return [f"{kind}.{op['python_name']}: {part!r} is not among the options() {listed}"]
            target = getattr(target, part)
    except BaseException as exc:  # noqa: BLE001 - as above
        return [f"{kind}.{op['python_name']} ({op['method']} {op['path']}): {type(exc).__name__}: {exc}"]
    if not callable(target):
        return [f"{kind}.{op['python_name']}: not callable but {type(target).__name__}"]
    if inspect.iscoroutinefunction(target) != is_async:
        want = "a coroutine function" if is_async else "a plain (non-async) function"
        return [f"{kind}.{op['python_name']}: is not {want}"]
    return []
