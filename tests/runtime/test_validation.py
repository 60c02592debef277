"""Request validation: invalid arguments are refused with every problem and its path; nothing is sent."""

from __future__ import annotations

import uuid

import pytest
from specloom_runtime import UNSET, BadRequestError, NotFoundError, RequestOptions, RequestValidationError

from tests.runtime.harness import Harness, submit, workload_body
from tests.servers import CLUSTER_ID, ControlPlaneServer

INVALID = [
    ({"spec": {"image": "x", "compute": {"gpuDevicesRequest": -1}}}, "body.spec.compute.gpuDevicesRequest: must be >= 0"),
    ({"name": "Not A Valid Name"}, "body.name: must match the pattern"),
    ({"type": "Batch"}, "body.type: must be one of"),
    ({"clusterId": "not-a-uuid"}, "body.clusterId: must be a uuid"),
    ({"projectId": 42}, "body.projectId: must be a string"),
]


@pytest.mark.parametrize(("overrides", "problem"), INVALID)
def test_invalid_bodies_are_refused_before_anything_is_sent(
    h: Harness, server: ControlPlaneServer, overrides: dict[str, object], problem: str
) -> None:
    client = h.bearer_client()
    with pytest.raises(RequestValidationError) as info:
        h.run(client, submit(workload_body(**overrides)))
    assert any(p.startswith(problem) for p in info.value.problems), info.value.problems
    assert problem.split(":")[0] in str(info.value)
    assert server.requests == []


def test_every_problem_is_listed(h: Harness, server: ControlPlaneServer) -> None:
    body = workload_body(name="Bad Name", type="Batch", clusterId="nope")
    del body["projectId"]
    with pytest.raises(RequestValidationError) as info:
        h.run(h.bearer_client(), submit(body))
    assert {p.split(":")[0] for p in info.value.problems} >= {"body.name", "body.type", "body.clusterId", "body.projectId"}
    assert server.requests == []


def test_validation_can_be_turned_off_per_client_and_per_call(h: Harness, server: ControlPlaneServer) -> None:
    # With validation off the invalid request goes out, and the server's own 400 comes back.
    per_client, per_call = h.bearer_client(validate=False), h.bearer_client()
    with pytest.raises(BadRequestError):
        h.run(per_client, submit(workload_body(name="Bad Name One")))
    with pytest.raises(BadRequestError):
        h.run(per_call, submit(workload_body(name="Bad Name Two"), request_options=RequestOptions(validate=False)))
    assert len(server.requests_to("POST", "/api/v1/workloads")) == 2


def test_valid_requests_pass(h: Harness, server: ControlPlaneServer) -> None:
    h.run(h.bearer_client(), submit())
    assert len(server.requests_to("POST", "/api/v1/workloads")) == 1


def test_a_model_instance_is_checked_as_it_will_be_sent(h: Harness, server: ControlPlaneServer) -> None:
    from controlplane_client.models.workload_submit_request import WorkloadSubmitRequest

    h.run(h.bearer_client(), submit(WorkloadSubmitRequest.from_dict(workload_body())))  # type: ignore[arg-type]
    broken = WorkloadSubmitRequest.from_dict(workload_body(spec={"image": "x", "compute": {"gpuDevicesRequest": -1}}))
    with pytest.raises(RequestValidationError) as info:
        h.run(h.bearer_client(), submit(broken))  # type: ignore[arg-type]
    assert info.value.problems == ["body.spec.compute.gpuDevicesRequest: must be >= 0"]
    assert len(server.requests_to("POST", "/api/v1/workloads")) == 1


def test_python_values_inside_plain_json_are_checked_as_sent(h: Harness, server: ControlPlaneServer) -> None:
    # A UUID object for a uuid string and an enum member for an enum string are what the server will receive.
    from controlplane_client.models.workload_type import WorkloadType

    h.run(h.bearer_client(), submit(workload_body(clusterId=uuid.UUID(CLUSTER_ID), type=WorkloadType("Training"))))
    assert len(server.requests_to("POST", "/api/v1/workloads")) == 1
    with pytest.raises(RequestValidationError) as info:
        h.run(h.bearer_client(), submit(workload_body(clusterId=object())))
    assert info.value.problems == ["body.clusterId: must be a string"]


def test_a_key_holding_unset_counts_as_absent(h: Harness, server: ControlPlaneServer) -> None:
    # UNSET values are left out of what is sent, so a required one is missing.
    with pytest.raises(RequestValidationError) as info:
        h.run(h.bearer_client(), submit(workload_body(projectId=UNSET)))
    assert info.value.problems == ["body.projectId: is required"]
    assert server.requests == []


def test_a_uuid_parameter_takes_its_text_and_refuses_other_text(h: Harness, server: ControlPlaneServer) -> None:
    # Typed ``UUID | str``: an id copied from a listing or a log works as it is; it is checked as sent.
    text = "0B6F2B8C-4D1E-4A5B-9C3D-2E1F0A9B8C7D"
    with pytest.raises(NotFoundError):  # sent: the server has no such workload
        h.run(h.bearer_client(), lambda c: c.workloads.workloads.get_workload(workload_id=text))
    sent = server.requests_to("GET", "/api/v1/workloads/{workloadId}")
    assert [e.request.raw_path for e in sent] == [f"/api/v1/workloads/{text}"], "sent exactly as given"
    with pytest.raises(RequestValidationError, match="workloadId: must be a uuid"):
        h.run(h.bearer_client(), lambda c: c.workloads.workloads.get_workload(workload_id="not-a-uuid"))
    assert len(server.requests_to("GET", "/api/v1/workloads/{workloadId}")) == 1
