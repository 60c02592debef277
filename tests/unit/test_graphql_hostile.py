"""Hostile GraphQL text: quotes, triple quotes, jinja delimiters, keywords and builtins as names (issue 12).

The schema and operations in ``graphql_hostile/`` name types ``class`` and ``import``, fields
``def``, ``self``, ``to_dict``, ``None``, enum values ``True`` and ``class``, and put
``\"\"\"``, ``{{ }}``, ``{% %}`` and code into descriptions and comments. The package
generated from them compiles, imports, passes ruff and mypy --strict, and runs nothing
of what the text says.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from specloom.cli import main

from tests.conformance.checks import VENV_BIN, mypy_strict, run_tool
from tests.support import REPO, run_python

HOSTILE = Path(__file__).parent / "graphql_hostile"


def test_hostile_graphql_text_generates_code_that_compiles_and_runs_nothing(tmp_path: Path) -> None:
    release = tmp_path / "release"
    shutil.copytree(HOSTILE, release)
    out = tmp_path / "out"

    assert main(["generate", "--spec", str(release / "schema.graphql"), "--out", str(out), "--name", "evil_client"]) == 0

    imported = run_python(
        "import importlib, pkgutil\n"
        "import evil_client, evil_client.models as models, evil_client.groups as groups\n"
        "for package in (models, groups):\n"
        "    for module in pkgutil.iter_modules(package.__path__):\n"
        "        importlib.import_module(f'{package.__name__}.{module.name}')\n"
        "client = evil_client.Client(base_url='http://127.0.0.1:9')\n"
        "print(client.evil_ops.options())\n", path=out)
    assert imported.strip().splitlines()[-1] == "['class_', 'exec', 'query']"
    assert not list(tmp_path.rglob("HOSTILE_MARKER")) and not (REPO / "HOSTILE_MARKER").exists()
    linted = run_tool([str(VENV_BIN / "ruff"), "check", "--config", str(REPO / "pyproject.toml"), "."], cwd=out)
    assert linted.returncode == 0, linted.stdout[-3000:]
    checked = mypy_strict(out, "evil_client", tmp_path / "mypy")
    assert checked.returncode == 0, checked.stdout[-3000:]
