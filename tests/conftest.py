from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import KEYWORD_SPECS, generate, runai_spec


@pytest.fixture(scope="session")
def runai_224(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Run:ai 2.24 client generated once per session; returns the folder holding package ``runai``."""
    out = tmp_path_factory.mktemp("runai-2.24")
    generate(runai_spec("2.24"), out, "runai", "2.24", "--distribution", "runai-client", "--alias", "RunaiClient")
    return out


@pytest.fixture(scope="session")
def keyword_packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The keyword specs' packages (tests/properties/specs), generated once per session into ``<folder>/<label>``."""
    out = tmp_path_factory.mktemp("keywords")
    for label, (spec, package) in KEYWORD_SPECS.items():
        generate(spec, out / label, package)
    return out


@pytest.fixture
def importable(runai_224: Path) -> Iterator[Path]:
    """Puts the generated Run:ai 2.24 package on sys.path for the test."""
    sys.path.insert(0, str(runai_224))
    try:
        yield runai_224
    finally:
        sys.path.remove(str(runai_224))
