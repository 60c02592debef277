"""Fixtures of the conformance suite: each spec is generated once per session, on first use."""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.conformance.checks import fresh_venv
from tests.conformance.prism import PrismServer
from tests.support import (
    HOSTILE_SPEC,
    REPO,
    RUNAI_RELEASES,
    Generation,
    generate,
    generate_captured,
    load_document,
    load_spec,
    public_spec,
    public_specs,
    runai_spec,
)

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


def run_shared_tmp(factory: pytest.TempPathFactory) -> Path:
    """A folder of this run that every pytest-xdist worker sees (the session's own folder without xdist)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if needed): one process at a time, across xdist workers."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class PublicCorpus:
    """The public specs (../shared/specs/public) generated once per run, on first use, shared by xdist workers.

    Each spec is generated in-process into ``<run folder>/public-corpus/<label>``; what the run did (counts,
    warnings, seconds, error) is kept beside it as ``<label>.json`` so every worker reads the same record.
    """

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self.root = run_shared_tmp(factory) / "public-corpus"
        self.root.mkdir(parents=True, exist_ok=True)

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` (JSON data) once per run, whichever worker asks first; the others wait and read it."""
        record = self.root / f"{key}.json"
        with locked(self.root / f"{key}.lock"):
            if not record.is_file():
                record.write_text(json.dumps(compute()), encoding="utf-8")
            return json.loads(record.read_text(encoding="utf-8"))

    def generation(self, label: str) -> Generation:
        spec = public_spec(label)
        out = self.root / label
        return Generation(**self.memo(label, lambda: generate_captured(label, spec.path, out, spec.package).as_json()))

    def dist(self, label: str) -> Path:
        """The distribution folder; fails the test when generation did not succeed."""
        done = self.generation(label)
        if done.error is not None:
            pytest.fail(f"{label}: generation failed: {done.error}\n{done.stderr[-2000:]}")
        return Path(done.dist)

    def package(self, label: str) -> Path:
        return self.dist(label) / public_spec(label).package

    def spec(self, label: str) -> dict[str, Any]:
        document = cached_document(public_spec(label).path)
        assert isinstance(document, dict), f"{label}: the spec is not a mapping"
        return document

    def venv_python(self) -> Path:
        """One fresh venv for the run: the runtime (plugins/) and every corpus package that generated, installed
        by one pip call (built in the venv, not in 24 isolated build environments)."""
        base = self.root / "venv"
        ready, failed = self.root / "venv.json", self.root / "venv-failed.txt"
        with locked(self.root / "venv.lock"):
            if not ready.is_file() and not failed.is_file():
                sources = {"plugins": REPO / "plugins"}
                for spec in public_specs():
                    done = self.generation(spec.label)
                    if done.error is None:
                        sources[spec.label] = Path(done.dist)
                base.mkdir()
                try:
                    python = fresh_venv(base, sources, isolated_builds=False)
                except AssertionError as exc:  # every worker reports the one failure instead of retrying
                    failed.write_text(str(exc), encoding="utf-8")
                else:
                    ready.write_text(json.dumps({"python": str(python), "installed": sorted(sources)}), encoding="utf-8")
        if failed.is_file():
            pytest.fail(f"installing the corpus into a fresh venv failed: {failed.read_text(encoding='utf-8')}")
        return Path(json.loads(ready.read_text(encoding="utf-8"))["python"])


@cache
def cached_document(path: Path) -> Any:
    """A spec file read once per process."""
    return load_document(path)


@pytest.fixture(scope="session")
def public_corpus(tmp_path_factory: pytest.TempPathFactory) -> PublicCorpus:
    return PublicCorpus(tmp_path_factory)


@pytest.fixture(scope="module")
def prism_servers() -> Iterator[dict[str, PrismServer]]:
    """Prism servers a test module starts when it first needs one (by the name it chooses); stopped with the module."""
    started: dict[str, PrismServer] = {}
    yield started
    for server in started.values():
        server.stop()
