"""The downstream SDK example (``examples/controlplane-sdk``): generated with its codegen plugin, installed into a
fresh venv, type-checked, and working against the test control plane in the sync, threaded and async clients.

The in-process test finds the example's runtime plugin exactly as an installed one is found: through a
``*.dist-info/entry_points.txt`` on ``sys.path`` whose ``specloom.plugins`` section is the one the
example's pyproject.toml declares.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from specloom_runtime import registry

from tests.conformance.checks import VENV_BIN, fresh_venv, mypy_strict, run_tool
from tests.runtime.harness import WORKLOAD, WORKLOADS, Harness, workload_body
from tests.servers import CLUSTER_ID, ControlPlaneServer
from tests.servers.fixtures import controlplane_module  # noqa: F401 - a fixture
from tests.support import REPO

EXAMPLE = REPO / "examples" / "controlplane-sdk"
SPEC = REPO / "specs" / "controlplane" / "2.24" / "openapi.yaml"
PACKAGE = "controlplane_sdk_client"
SDK_HEADER = "controlplane-sdk/0.1.0"


def specloom(command: str, out: Path, *extra: str, seed: str = "1") -> subprocess.CompletedProcess[str]:
    """``specloom generate`` (or ``check``) as the example's README says, the plugin named by module (the example is
    not installed here), under the hash seed ``seed``."""
    args = [str(VENV_BIN / "specloom"), command, "--spec", str(SPEC), "--release", "2.24", "--name", PACKAGE,
            "--out", str(out), "--plugin", "controlplane_sdk.codegen:ControlPlaneSdk", *extra]
    return run_tool(args, cwd=REPO, env={"PYTHONPATH": str(EXAMPLE / "src"), "PYTHONHASHSEED": seed})


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "controlplane-sdk-client"
    done = specloom("generate", out, "--check-determinism")
    assert done.returncode == 0, done.stderr
    return out


def test_the_example_generates_the_same_under_another_hash_seed(generated: Path) -> None:
    """What --check-determinism cannot see in one process: output following a set's order."""
    checked = specloom("check", generated, seed="2")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "up to date" in checked.stdout


def test_the_codegen_plugin_shapes_the_generated_client(generated: Path) -> None:
    names = {row["operation_id"]: row["python_name"]
             for row in json.loads((generated / PACKAGE / "operations.json").read_text())}
    assert names["list_cluster_projects"] == "organizations.projects.list_cluster_projects"  # the patched quirk
    assert "getProjects" not in names
    assert names["get_audit_logs"] == "audit.records.get_audit_logs"  # the renamed group
    workloads = (generated / PACKAGE / "groups" / "workloads.py").read_text()
    assert "    def wait_until_running(" in workloads and "    async def wait_until_running(" in workloads
    assert (generated / PACKAGE / "_running.py").read_text() == (
        EXAMPLE / "src" / "controlplane_sdk" / "shipped" / "_running.py.txt").read_text()


# -- in process, in every client kind --------------------------------------------------------------


@pytest.fixture
def sdk(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The generated package imported, with the example's runtime plugin found through its entry point."""
    declared = tomllib.loads((EXAMPLE / "pyproject.toml").read_text())["project"]["entry-points"]["specloom.plugins"]
    dist_info = tmp_path / "controlplane_sdk-0.1.0.dist-info"
    dist_info.mkdir()
    lines = "".join(f"{name} = {value}\n" for name, value in declared.items())
    (dist_info / "entry_points.txt").write_text(f"[specloom.plugins]\n{lines}")
    for folder in (generated, EXAMPLE / "src", tmp_path):
        monkeypatch.syspath_prepend(str(folder))
    registry._entry_points.cache_clear()
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        registry._entry_points.cache_clear()


class SdkHarness(Harness):
    """The harness, with the clients of the example's generated package."""

    def __init__(self, kind: str, server: ControlPlaneServer, package: Any) -> None:
        super().__init__(kind, server)
        self.package = package

    @property
    def cls(self) -> type[Any]:
        cls: type[Any] = getattr(self.package, {"sync": "Client", "threaded": "ThreadedClient",
                                                "async": "AsyncClient"}[self.kind])
        return cls


@pytest.fixture
def server(controlplane_module: ControlPlaneServer) -> ControlPlaneServer:  # noqa: F811 - the imported fixture
    controlplane_module.reset()
    return controlplane_module


@pytest.fixture(params=("sync", "threaded", "async"))
def h(request: pytest.FixtureRequest, server: ControlPlaneServer, sdk: Any) -> Iterator[SdkHarness]:
    harness = SdkHarness(str(request.param), server, sdk)
    try:
        yield harness
    finally:
        harness.close()


def test_wait_until_running_and_the_runtime_plugin_work_end_to_end(h: SdkHarness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()
    server.api.jobs.script("Pending", "Initializing", "Running", "Completed")
    submitted = h.run(client, lambda c: c.workloads.workloads.submit_workload(body=workload_body()))

    running = h.run(client, lambda c: c.workloads.workloads.wait_until_running(
        workload_id=submitted.id, poll_interval=0.001, timeout=10))

    assert (str(running.id), running.phase) == (str(submitted.id), "Running")
    assert len(server.requests_to("GET", WORKLOAD)) == 3  # Pending, Initializing, Running: stopped there
    with pytest.warns(DeprecationWarning, match="list_cluster_projects"):  # the legacy listing, renamed
        h.run(client, lambda c: c.organizations.projects.list_cluster_projects(cluster_id=CLUSTER_ID))
    h.run(client, lambda c: c.audit.records.list_audit_records())
    sent = server.requests_to()
    assert len(sent) == 6
    assert {e.header("x-sdk") for e in sent} == {SDK_HEADER}


def test_wait_until_running_raises_the_runtimes_errors(h: SdkHarness, server: ControlPlaneServer) -> None:
    from specloom_runtime import JobFailedError, WaitError

    client = h.bearer_client()
    server.api.jobs.script("Pending", ("Failed", "ImagePullBackOff"))
    submitted = h.run(client, lambda c: c.workloads.workloads.submit_workload(body=workload_body()))

    def wait(c: Any) -> Any:
        return c.workloads.workloads.wait_until_running(workload_id=submitted.id, poll_interval=0.001, timeout=10)

    with pytest.raises(WaitError) as raised:
        h.run(client, wait)
    assert isinstance(raised.value, JobFailedError)
    assert (raised.value.state, raised.value.error) == ("Failed", "ImagePullBackOff")


# -- installed, as a user installs it --------------------------------------------------------------

_IN_THE_VENV = r"""
import asyncio, importlib.metadata as md, json, sys
import controlplane_sdk_client as sdk

base_url, token, workload_ids = sys.argv[1], sys.argv[2], sys.argv[3:]
found = sorted(ep.value for ep in md.entry_points(group="specloom.plugins"))
phases = []
with sdk.Client(base_url, bearer_token=token) as client:
    phases.append(client.workloads.workloads.wait_until_running(workload_id=workload_ids[0], poll_interval=0.001).phase)
with sdk.ThreadedClient(base_url, bearer_token=token) as client:
    phases += [w.phase for w in client.run_concurrently(
        [lambda: client.workloads.workloads.wait_until_running(workload_id=workload_ids[1], poll_interval=0.001)])]

async def main():
    async with sdk.AsyncClient(base_url, bearer_token=token) as client:
        workload = await client.workloads.workloads.wait_until_running(workload_id=workload_ids[2], poll_interval=0.001)
        phases.append(workload.phase)

asyncio.run(main())
print(json.dumps({"entry_points": found, "phases": phases, "file": sdk.__file__}))
"""


@pytest.mark.slow
def test_the_example_installs_into_a_fresh_venv_type_checks_and_runs(generated: Path, tmp_path: Path,
                                                                     server: ControlPlaneServer) -> None:
    python = fresh_venv(tmp_path, {"runtime": REPO / "plugins", "client": generated, "sdk": EXAMPLE})
    for folder, package in ((generated, PACKAGE), (EXAMPLE / "src", "controlplane_sdk")):
        checked = mypy_strict(folder, package, tmp_path / f"mypy-{package}")
        assert checked.returncode == 0, checked.stdout + checked.stderr
    linted = run_tool([str(VENV_BIN / "ruff"), "check", "--config", str(REPO / "pyproject.toml"), "--no-force-exclude",
                       str(generated), str(EXAMPLE)], cwd=REPO)
    assert linted.returncode == 0, linted.stdout + linted.stderr

    token = server.mint_token()
    ids = []
    for _ in range(3):  # submitted here; the venv's clients only wait for them
        server.api.jobs.script("Pending", "Running")
        answer = httpx.post(server.url(WORKLOADS), json=workload_body(), headers={"Authorization": f"Bearer {token}"})
        ids.append(answer.raise_for_status().json()["id"])
    done = subprocess.run([str(python), "-c", _IN_THE_VENV, server.base_url, token, *ids],
                          check=False, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["entry_points"] == ["controlplane_sdk.runtime:SdkIdentity"]
    assert result["phases"] == ["Running", "Running", "Running"]
    assert str(tmp_path / "venv") in result["file"]
    polls = server.requests_to("GET", WORKLOAD)
    assert len(polls) == 6 and {e.header("x-sdk") for e in polls} == {SDK_HEADER}

