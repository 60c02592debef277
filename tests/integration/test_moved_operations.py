"""An operation moved to another group keeps a deprecated alias at its old place for one release (issue 13, item 2)."""

from __future__ import annotations

import asyncio
import importlib
import shutil
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from specloom.cli import main

from tests.servers import ControlPlaneServer
from tests.servers.controlplane_api import WORKLOAD_ID
from tests.servers.fixtures import controlplane  # noqa: F401 - a fixture
from tests.support import REPO

OLD, NEW = "client.workloads.events.get_workload_events", "client.workloads.workloads.get_workload_events"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """2.23 as it is, and a 2.24 whose get_workload_events moved from the Events group to Workloads."""
    root = tmp_path_factory.mktemp("moved") / "root"
    family = root / "specs" / "moved"
    for release in ("2.23", "2.24"):
        shutil.copytree(REPO / "specs" / "controlplane" / release, family / release)
    spec = family / "2.24" / "openapi.yaml"
    text = spec.read_text()
    spec.write_text(text.replace("      tags: [Events]\n      summary: List the events of a workload\n",
                                 "      tags: [Workloads]\n      summary: List the events of a workload\n", 1))
    (family / "family.toml").write_text('[family]\ndistribution = "moved-client"\npackage = "moved_client"\n'
                                        '\n[[release]]\nversion = "2.23"\nspec = "2.23/openapi.yaml"\n'
                                        '\n[[release]]\nversion = "2.24"\nspec = "2.24/openapi.yaml"\n')
    assert main(["generate", "--root", str(root)]) == 0
    out = root / "generated" / "moved-2.24"
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("moved_client")
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == "moved_client" or m.startswith("moved_client.")]:
            del sys.modules[name]


def test_the_old_place_warns_and_calls_the_new_one(package: Any, controlplane: ControlPlaneServer) -> None:  # noqa: F811
    client = package.Client(base_url=controlplane.base_url, bearer_token=controlplane.mint_token())

    with pytest.warns(DeprecationWarning, match=rf"{OLD} moved to {NEW}; this alias goes in the next release"):
        old = client.workloads.events.get_workload_events(workload_id=WORKLOAD_ID)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        new = client.workloads.workloads.get_workload_events(workload_id=WORKLOAD_ID)

    assert old.to_dict() == new.to_dict() and old.events
    assert "get_workload_events" not in client.workloads.events.options()  # deprecated: hidden by default
    assert "get_workload_events" in client.workloads.events.options(include_deprecated=True)
    client.close()


def test_the_async_client_has_the_alias_too(package: Any, controlplane: ControlPlaneServer) -> None:  # noqa: F811
    async def both() -> tuple[Any, Any]:
        async with package.AsyncClient(base_url=controlplane.base_url, bearer_token=controlplane.mint_token()) as client:
            with pytest.warns(DeprecationWarning, match=rf"{OLD} moved to {NEW}"):
                old = await client.workloads.events.get_workload_events(workload_id=WORKLOAD_ID)
            return old, await client.workloads.workloads.get_workload_events(workload_id=WORKLOAD_ID)

    old, new = asyncio.run(both())
    assert old.to_dict() == new.to_dict()


def test_the_changelog_says_it_moved(package: Any) -> None:
    changelog = (Path(package.__file__).parents[1] / "CHANGELOG.md").read_text()

    assert f"`{OLD}` moved to another group: call {NEW}" in changelog
