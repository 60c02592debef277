"""Fixtures of the conformance suite: each spec is generated once per session, on first use."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.support import HOSTILE_SPEC, generate, load_spec, runai_spec

RUNAI_ARGS = ("--distribution", "runai-client", "--alias", "RunaiClient")


class RunaiPackages:
    """The Run:ai client of every release, generated into the session's temporary folder when first asked for."""

    def __init__(self, factory: pytest.TempPathFactory, dist_224: Path) -> None:
        self._factory = factory
        self._dists: dict[str, Path] = {"2.24": dist_224}  # the shared tests/conftest.py fixture

    def dist(self, release: str) -> Path:
        """The folder holding the distribution (pyproject.toml) and the package ``runai``."""
        if release not in self._dists:
            out = self._factory.mktemp(f"runai-{release}")
            generate(runai_spec(release), out, "runai", release, *RUNAI_ARGS)
            self._dists[release] = out
        return self._dists[release]

    def package(self, release: str) -> Path:
        return self.dist(release) / "runai"

    def spec(self, release: str) -> dict[str, Any]:
        return _load(runai_spec(release))


@cache
def _load(path: Path) -> dict[str, Any]:
    return load_spec(path)


@pytest.fixture(scope="session")
def runai(tmp_path_factory: pytest.TempPathFactory, runai_224: Path) -> RunaiPackages:
    return RunaiPackages(tmp_path_factory, runai_224)


@pytest.fixture(scope="session")
def hostile_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/hostile/openapi.yaml generated once as package ``hostile``; the distribution folder."""
    out = tmp_path_factory.mktemp("hostile")
    generate(HOSTILE_SPEC, out, "hostile", "0.1")
    return out
