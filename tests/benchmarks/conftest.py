"""Benchmark fixtures, and a terminal summary that shows every benchmark's ratios without ``-s``."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.benchmarks._bench import RESULTS_ENV, STRICT, python_env
from tests.support import REPO, imported

_results_key = pytest.StashKey[Path]()


@pytest.fixture(scope="module")
def cp() -> Iterator[Any]:
    """The reference family's 2.24 package as committed under generated/ (``controlplane_client``)."""
    with imported(REPO / "generated" / "controlplane-2.24", "controlplane_client") as package:
        yield package


def pytest_configure(config: pytest.Config) -> None:
    # On the controller only: pytest-xdist workers inherit the variable and append to the same file.
    if not hasattr(config, "workerinput") and RESULTS_ENV not in os.environ:
        fd, path = tempfile.mkstemp(prefix="specloom-bench-", suffix=".jsonl")
        os.close(fd)
        os.environ[RESULTS_ENV] = path
        config.stash[_results_key] = Path(path)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    path = config.stash.get(_results_key, None)
    if path is None or not path.exists():
        return
    reports = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    path.unlink(missing_ok=True)
    os.environ.pop(RESULTS_ENV, None)
    if not reports:
        return
    mode = "strict: missed goals fail" if STRICT else "report only; SPECLOOM_BENCH_STRICT=1 asserts the goals"
    terminalreporter.write_sep("=", f"specloom benchmarks ({mode})")
    for lines in reports:
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def bench_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for measured Python children: bytecode cached under a session temp folder."""
    return python_env(tmp_path_factory.mktemp("bench-pycache"))
