"""Fixtures of the conformance suite: each spec is generated once per session, on first use."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.support import HOSTILE_SPEC, RUNAI_RELEASES, generate, load_spec, runai_spec

RUNAI_ARGS = ("--distribution", "runai-client", "--alias", "RunaiClient")


class RunaiPackages:
    """The Run:ai client of every release, generated into the session's temporary folder when first asked for."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self._factory = factory
        self._dists: dict[str, Path] = {}

    def dist(self, release: str) -> Path:
        """The folder holding the distribution (pyproject.toml) and the package ``runai``.

        Releases are generated as a maintainer would: each keeps the names the
        previous one gave (``--names-from``), so 2.24 is generated after 2.18-2.23.
        """
        if release not in self._dists:
            index = RUNAI_RELEASES.index(release)
            previous = ("--names-from", str(self.dist(RUNAI_RELEASES[index - 1]))) if index else ()
            out = self._factory.mktemp(f"runai-{release}")
            generate(runai_spec(release), out, "runai", release, *RUNAI_ARGS, *previous)
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
def runai(tmp_path_factory: pytest.TempPathFactory) -> RunaiPackages:
    return RunaiPackages(tmp_path_factory)


@pytest.fixture(scope="session")
def hostile_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/hostile/openapi.yaml generated once as package ``hostile``; the distribution folder."""
    out = tmp_path_factory.mktemp("hostile")
    generate(HOSTILE_SPEC, out, "hostile", "0.1")
    return out
