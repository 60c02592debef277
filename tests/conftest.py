from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import KEYWORD_SPECS, generate, runai_spec

#: A test that appends ``(SUMMARY_PROPERTY, [lines])`` to ``request.node.user_properties`` has those lines printed
#: in the terminal summary: without ``-s`` and under pytest-xdist (which carries user_properties to the controller).
SUMMARY_PROPERTY = "specloom_summary"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for reports in terminalreporter.stats.values():
        for report in reports:
            for name, lines in getattr(report, "user_properties", ()):
                if name == SUMMARY_PROPERTY and getattr(report, "when", "call") == "call":
                    terminalreporter.write_line("")
                    for line in lines:
                        terminalreporter.write_line(line)


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
