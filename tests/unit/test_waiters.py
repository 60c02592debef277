"""Waiter declarations (family.toml ``[[waiter]]``, ``x-specloom-waiter``) into the IR and generated code,
their typed errors, and the runtime's backoff between polls."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from specloom import waiter_code
from specloom.build import load_api
from specloom.diagnostics import Diagnostics
from specloom.family import load_family
from specloom.ir import Api, Waiter
from specloom.render import PackageInfo, Renderer
from specloom.waiters import Declaration, WaiterDeclarationError, with_waiters
from specloom_runtime import Backoff

from tests.conformance.checks import mypy_strict
from tests.support import load_spec, runai_spec

from .specbuild import build, openapi

JOB = {"type": "object", "required": ["jobId", "status"], "properties": {
    "jobId": {"type": "string"},
    "status": {"type": "object", "properties": {"state": {"type": "string", "enum": ["QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED"]},
                                                 "error": {"type": "string"}}},
}}
JOB_REF = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}}}
ID = [{"name": "jobId", "in": "path", "required": True, "schema": {"type": "string"}}]
DECLARED = {"status": "getJob", "cancel": "cancelJob", "id": "jobId", "state": "status.state", "error": "status.error",
            "success": ["DONE"], "failure": ["FAILED"], "cancelled": ["CANCELLED"]}


def spec(extension: dict[str, Any] | None = None) -> dict[str, Any]:
    """Submit in the ``Runs`` group, status and cancel in ``Jobs``: a waiter spans groups."""
    submit: dict[str, Any] = {"operationId": "runJob", "tags": ["Runs"], "responses": JOB_REF}
    if extension is not None:
        submit["x-specloom-waiter"] = extension
    return openapi({"Job": JOB}, {
        "/jobs": {"post": submit},
        "/jobs/{jobId}": {"get": {"operationId": "getJob", "tags": ["Jobs"], "parameters": ID, "responses": JOB_REF},
                          "delete": {"operationId": "cancelJob", "tags": ["Jobs"], "parameters": ID, "responses": JOB_REF}},
        "/other/{a}/{b}": {"get": {"operationId": "twoIds", "tags": ["Jobs"], "responses": JOB_REF, "parameters": [
            {"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in "ab"]}},
    })


def declared(api: Api, **table: Any) -> Api:
    return with_waiters(api, [Declaration("family.toml [[waiter]] #1 (runJob)", "runJob", {**DECLARED, **table})])


def waiter_of(api: Api, operation_id: str = "runJob") -> Waiter | None:
    return next(op for op in api.operations if op.operation_id == operation_id).waiter


def test_a_spec_extension_declares_a_waiter(tmp_path: Path) -> None:
    api = with_waiters(build(tmp_path, spec(DECLARED))[0])
    assert waiter_of(api) == Waiter(
        status_operation="getJob", id_parameter="jobId", id_field=("jobId",), state_field=("status", "state"),
        success=("DONE",), failure=("FAILED",), cancelled=("CANCELLED",), error_field=("status", "error"),
        cancel_operation="cancelJob", job_method="run_job_job", wait_method="wait_for_job")
    assert waiter_of(api, "getJob") is None


def test_a_family_declaration_gives_the_same_waiter_and_names_can_be_chosen(tmp_path: Path) -> None:
    api, _ = build(tmp_path, spec())
    assert waiter_of(declared(api)) == waiter_of(with_waiters(build(tmp_path, spec(DECLARED))[0]))
    renamed = waiter_of(declared(api, name="run", job_method="start_run"))
    assert renamed is not None and (renamed.wait_method, renamed.job_method) == ("wait_for_run", "start_run")


def test_the_generated_package_has_the_waiter_and_its_methods_in_both_clients(tmp_path: Path) -> None:
    api = with_waiters(build(tmp_path, spec(DECLARED))[0])
    files = Renderer(api, PackageInfo("jobs-client", "jobs_client", "0.1.0", "1.0")).render()
    waiters = files["jobs_client/_waiters.py"]
    assert "from .groups.jobs import _CANCEL_JOB, _GET_JOB" in waiters
    assert "RUNS_RUN_JOB = Waiter(" in waiters and "state_field=('status', 'state')," in waiters
    runs = files["jobs_client/groups/runs.py"]
    # The spec's model "Job" keeps its name; the runtime's Job is imported beside it as _Job.
    for text in ("def run_job_job(", ") -> _Job[Job]:", ") -> AsyncJob[Job]:", "async def wait_for_job(",
                 "on_status: OnStatus[Job] | None = None,", "return await job.wait(", "from specloom_runtime import Job as _Job"):
        assert text in runs, text
    for path, text in files.items():
        (tmp_path / "dist" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "dist" / path).write_text(text)
    result = mypy_strict(tmp_path / "dist", "jobs_client", tmp_path / "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_family_toml_reads_waiters_per_release(tmp_path: Path) -> None:
    (tmp_path / "family.toml").write_text(
        '[family]\ndistribution = "jobs-client"\npackage = "jobs_client"\n'
        '[[release]]\nversion = "1.0"\nspec = "1.0/openapi.json"\n'
        '[[waiter]]\noperation = "runJob"\nstatus = "getJob"\nid = "jobId"\nstate = "status.state"\n'
        'success = ["DONE"]\nreleases = ["1.1"]\n')
    family = load_family(tmp_path)
    assert [(w.operation, w.applies_to("1.0"), w.applies_to("1.1")) for w in family.waiters] == [("runJob", False, True)]


@pytest.mark.parametrize(("table", "message"), [
    ({"status": "getJobs"}, "status operation 'getJobs' is not in the spec"),
    ({"cancel": "nope"}, "cancel operation 'nope' is not in the spec"),
    ({"state": "status.phase"}, "state field 'status.phase' is not a property of JobStatus (it has state, error)"),
    ({"id": "id"}, "id field 'id' is not a property of Job (it has jobId, status)"),
    ({"status": "twoIds"}, "status operation 'twoIds' has 2 path parameters (a, b); name the job id's with 'id_parameter'"),
    ({"id_parameter": "job"}, "status operation 'getJob' has no path parameter 'job'"),
    ({"success": []}, "needs 'success'"),
    ({"failure": ["DONE"]}, "a state is listed twice"),
    ({"states": ["DONE"]}, "unknown key 'states'"),
    ({"name": "run-job"}, "name 'run-job' must be a Python identifier"),
    ({"job_method": "run_job"}, "method 'run_job' would take the name of operation 'runJob' in group 'Runs'"),
])
def test_a_declaration_that_names_what_the_spec_lacks_is_a_typed_error(tmp_path: Path, table: dict[str, Any],
                                                                       message: str) -> None:
    api, _ = build(tmp_path, spec())
    with pytest.raises(WaiterDeclarationError) as caught:
        declared(api, **table)
    assert caught.value.origin == "family.toml [[waiter]] #1 (runJob)"
    assert message in caught.value.reason


def test_an_operation_declared_twice_or_missing_is_a_typed_error(tmp_path: Path) -> None:
    api, _ = build(tmp_path, spec(DECLARED))
    with pytest.raises(WaiterDeclarationError, match=r"'runJob' already has a waiter, declared at openapi.json#"
                                                     r"/paths/~1jobs/post/x-specloom-waiter"):
        declared(api)
    with pytest.raises(WaiterDeclarationError, match="has no operation 'submitJob' to wait for"):
        with_waiters(api, [Declaration("family.toml [[waiter]] #1", "submitJob", DECLARED)])
    bad, _ = build(tmp_path, spec({**DECLARED, "cancel": "getJobs"}))
    with pytest.raises(WaiterDeclarationError, match=r"x-specloom-waiter: cancel operation 'getJobs' is not in the spec"):
        with_waiters(bad)


def test_backoff_grows_by_its_factor_up_to_its_cap_with_jitter_between_half_and_all() -> None:
    rng = random.Random(7)
    plain = Backoff(initial=0.5, factor=2.0, cap=3.0, jitter=False)
    assert [plain.delay(n, rng) for n in range(1, 7)] == [0.5, 1.0, 2.0, 3.0, 3.0, 3.0]
    jittered = Backoff(initial=0.5, factor=2.0, cap=3.0)
    for n in range(1, 7):
        full = plain.delay(n, rng)
        assert all(full / 2 <= jittered.delay(n, rng) <= full for _ in range(50))


#: The worked example of the README: a Run:ai training waited for through the workload phases.
RUNAI_TRAINING = {"status": "get_workload", "cancel": "delete_training", "id": "workloadId", "state": "phase",
                  "error": "phaseMessage", "success": ["Completed"], "failure": ["Failed"],
                  "cancelled": ["Stopped", "Deleting", "Terminating"]}


def test_the_readme_s_run_ai_example_holds_on_the_real_2_24_spec(tmp_path: Path) -> None:
    spec_path = runai_spec("2.24")
    api = with_waiters(load_api(spec_path, Diagnostics()),
                       [Declaration("README example", "create_training1", RUNAI_TRAINING)])
    waiter = waiter_of(api, "create_training1")
    assert waiter is not None and (waiter.job_method, waiter.wait_method) == ("create_training1_job", "wait_for_workload")
    phases = set(load_spec(spec_path)["components"]["schemas"]["Phase"]["enum"])
    assert set(waiter.success + waiter.failure + waiter.cancelled) <= phases
    text = waiter_code.waiters_module(api, "runai", '"""Waiters."""')
    assert text is not None
    # The submit operation is in the Trainings group, status and cancel are not all in it: each imported from its own.
    assert "from .groups.trainings import _DELETE_TRAINING" in text and "from .groups.workloads import _GET_WORKLOAD" in text
