"""Build the IR of a small spec written inline in a test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from specloom.build import load_api
from specloom.diagnostics import Diagnostics
from specloom.ir import Api, Model


def openapi(schemas: dict[str, Any] | None = None, paths: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    return {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths or {},
            "components": {"schemas": schemas or {}}, **extra}


def build(tmp_path: Path, spec: dict[str, Any] | str, name: str = "openapi.json") -> tuple[Api, Diagnostics]:
    path = tmp_path / name
    path.write_text(spec if isinstance(spec, str) else json.dumps(spec))
    diagnostics = Diagnostics()
    return load_api(path, diagnostics), diagnostics


def model(api: Api, spec_name: str) -> Model:
    return next(m for m in api.models.values() if m.spec_name == spec_name and m.component)


def warnings_text(diagnostics: Diagnostics) -> str:
    return "\n".join(str(w) for w in diagnostics.warnings)
