"""A spec split over 2,900 files (DigitalOcean's): every operation keeps what its own file declares.

The expected values are read from the files with a plain YAML reader and a small ``$ref``
follower written here, independent of the generator's loader.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from specloom.build import load_api
from specloom.diagnostics import Diagnostics
from specloom.ir import Api

from tests.support import load_document, public_spec

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
IGNORED_HEADERS = {"accept", "content-type", "authorization"}


@cache
def _document(path: Path) -> Any:
    return load_document(path)


def _follow(node: Any, file: Path) -> tuple[Any, Path]:
    """``node`` with every ``$ref`` in front of it followed (relative files and JSON pointers)."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target, _, pointer = node["$ref"].partition("#")
        file = (file.parent / target).resolve() if target else file
        node = _document(file)
        for part in [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]:
            node = node[part]
    return node, file


@pytest.fixture(scope="module")
def digitalocean() -> tuple[Path, Api, Diagnostics]:
    spec = public_spec("digitalocean").path
    diagnostics = Diagnostics()
    return spec, load_api(spec, diagnostics), diagnostics


def test_every_operation_keeps_what_its_file_declares(digitalocean: tuple[Path, Api, Diagnostics]) -> None:
    spec, api, _ = digitalocean
    built = {(op.method.lower(), op.path): op for op in api.operations}
    paths = _document(spec.resolve())["paths"]
    expected_count = sum(1 for item in paths.values() for method in item if method in METHODS)
    assert len(built) == expected_count == 659, "the DigitalOcean spec has 659 operations"
    wrong = []
    for path, raw_item in paths.items():
        item, item_file = _follow(raw_item, spec.resolve())
        shared = [_follow(p, item_file)[0] for p in item.get("parameters") or []]
        for method in (m for m in item if m in METHODS):
            op, op_file = _follow(item[method], item_file)
            declared = {(p["in"], p["name"]) for p in shared}
            declared |= {(p["in"], p["name"]) for p in (_follow(raw, op_file)[0] for raw in op.get("parameters") or [])}
            declared = {(where, name) for where, name in declared if not (where == "header" and name.lower() in IGNORED_HEADERS)}
            ir = built[(method, path)]
            got = {
                "parameters": {(p.location, p.wire_name) for p in ir.parameters},
                "body": ir.body is not None,
                "responses": sorted(r.status for r in ir.responses),
                "tags": ir.tags,
            }
            want = {
                "parameters": declared,
                "body": "requestBody" in op,
                "responses": sorted(s for s in map(str, op.get("responses") or {}) if s.startswith("2"))
                or (["default"] if "default" in (op.get("responses") or {}) else []),
                "tags": tuple(op.get("tags") or ()),
            }
            if got != want:
                wrong.append(f"{method.upper()} {path}: got {got}, the spec says {want}")
    assert wrong == [], f"{len(wrong)} operations differ from their files:\n" + "\n".join(wrong[:10])


def test_no_parameter_a_ref_declares_is_reported_missing(digitalocean: tuple[Path, Api, Diagnostics]) -> None:
    _, _, diagnostics = digitalocean
    assert [str(w) for w in diagnostics.warnings if "is not declared" in w.message] == []


def test_schemas_in_files_of_their_own_are_named_from_their_files(digitalocean: tuple[Path, Api, Diagnostics]) -> None:
    _, api, _ = digitalocean
    names = {m.class_name for m in api.models.values()}
    assert {"Droplet", "Account", "Action"} <= names
    assert not [n for n in names if n.startswith("Inline")], "schemas named 'Inline...' though their file names them"
