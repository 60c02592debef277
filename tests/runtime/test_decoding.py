"""Answers that drift from the spec, through the sync, threaded and async clients against a loopback server.

Lenient by default: the caller gets a typed result holding what was received, the mismatches
are listed by ``decode_issues`` and logged once at WARNING, and the server did the work once.
``strict_responses=True`` (client or call) raises ``ResponseDecodeError`` naming every mismatch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from specloom_runtime import (
    AuthenticationError,
    RequestOptions,
    ResponseDecodeError,
    ServerError,
    decode_issues,
    to_jsonable,
)

from tests.runtime.harness import CLUSTER_ID, CLUSTERS, WORKLOADS, Harness, list_clusters, submit
from tests.servers import ControlPlaneServer, Fault
from tests.support import COPIES, COPY_IDS

CREATED: dict[str, Any] = {
    "id": "3F2504E0-4F89-11D3-9A0C-0305E82C3301",  # uppercase: must come back as sent
    "name": "w-drift",
    "type": "Training",
    "phase": "Pending",
    "projectId": "42",
    "clusterId": CLUSTER_ID,
    "priority": 50,
    "serverOnlyField": {"kept": True},
}  # "createdAt", required by the spec, is missing


def sent(server: ControlPlaneServer, body: dict[str, Any]) -> dict[str, Any]:
    """``body`` as the test server sent it: it adds the request's id to every object answer."""
    return {**body, "requestId": server.requests_to("POST", WORKLOADS)[0].request_id}


def test_a_201_missing_a_required_field_returns_what_was_received_and_is_sent_once(
    h: Harness, server: ControlPlaneServer, caplog: pytest.LogCaptureFixture
) -> None:
    client = h.bearer_client()
    server.inject(Fault.status(201, body=CREATED), method="POST", path=WORKLOADS)

    with caplog.at_level(logging.WARNING, logger="specloom"):
        result = h.run(client, submit())
        assert result.name == "w-drift" and str(result.id) == CREATED["id"].lower()
        assert result.to_dict() == sent(server, CREATED)

    assert len(server.requests_to("POST", WORKLOADS)) == 1
    assert [(i.path, i.problem) for i in decode_issues(result)] == [("createdAt", "required, missing")]
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == "specloom"]
    assert len(warnings) == 1 and "createdAt: required, missing" in warnings[0].getMessage()


@pytest.mark.parametrize("where", ["client", "call"])
def test_in_strict_mode_the_same_201_raises_naming_the_field(h: Harness, server: ControlPlaneServer, where: str) -> None:
    client = h.bearer_client(strict_responses=True) if where == "client" else h.bearer_client()
    call_kwargs = {"request_options": RequestOptions(strict_responses=True)} if where == "call" else {}
    server.inject(Fault.status(201, body=CREATED), method="POST", path=WORKLOADS)

    with pytest.raises(ResponseDecodeError) as info:
        h.run(client, submit(**call_kwargs))

    assert "createdAt: required, missing" in str(info.value)
    assert [i.path for i in info.value.issues] == ["createdAt"]
    assert info.value.body == sent(server, CREATED)
    assert len(server.requests_to("POST", WORKLOADS)) == 1


def test_one_bad_item_in_a_list_keeps_the_good_ones(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()
    good = {"uuid": CLUSTER_ID, "name": "c", "lastLiveness": "2024-05-01T10:00:00.123456789Z"}
    body = [good, {**good, "lastLiveness": "yesterday"}, good]
    server.inject(Fault.status(200, body=body), method="GET", path=CLUSTERS)

    clusters = h.run(client, list_clusters)

    assert [c.to_dict() for c in clusters] == body
    assert clusters[1].last_liveness == "yesterday" and clusters[0].last_liveness.microsecond == 123456
    assert [i.path for i in decode_issues(clusters)] == ["[1].lastLiveness"]


def test_an_item_kept_as_received_in_a_list_answer_is_listed(h: Harness, server: ControlPlaneServer) -> None:
    # Not a model, so only the answer can tell: a string where the spec says object, and a null.
    good = {"uuid": CLUSTER_ID, "name": "c"}
    body = [good, "not a cluster", None]
    server.inject(Fault.status(200, body=body), method="GET", path=CLUSTERS)

    clusters = h.run(h.bearer_client(), list_clusters)

    assert clusters[1:] == ["not a cluster", None] and to_jsonable(clusters) == body
    assert [i.path for i in decode_issues(clusters)] == ["[1]", "[2]"]


@pytest.mark.parametrize("copy_of", COPIES, ids=COPY_IDS)
def test_a_copy_of_a_model_read_from_an_answer_encodes_to_the_answer_and_can_be_changed(
    copy_of: Callable[[Any], Any],
) -> None:
    from controlplane_client.models.workload import Workload

    answer = {"id": "0B6F2B8C-4D1E-4A5B-9C3D-2E1F0A9B8C7D", "name": "w", "type": "Training", "phase": "Running",
              "projectId": "1", "clusterId": "0b6f2b8c-4d1e-4a5b-9c3d-2e1f0a9b8c7e",
              "createdAt": "2024-05-01T10:00:00.123456789Z", "unknownToThisRelease": [1]}
    copied = copy_of(Workload.from_dict(answer))
    assert copied.to_dict() == answer
    copied.name = "renamed"
    assert copied.to_dict() == {**answer, "name": "renamed"}


#: JSON nested deeper than Python can parse (a hostile or broken server).
ABYSS = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize(("status", "error"), [(200, ResponseDecodeError), (500, ServerError)], ids=["answer", "error"])
def test_json_nested_too_deep_to_parse_is_a_typed_error(h: Harness, server: ControlPlaneServer, status: int,
                                                         error: type[Exception]) -> None:
    server.inject(Fault.status(status, body=ABYSS, headers={"content-type": "application/json"}), method="GET",
                  path=CLUSTERS, times=4)
    with pytest.raises(error):
        h.run(h.bearer_client(max_retries=0), list_clusters)


def test_a_token_answer_nested_too_deep_to_parse_is_an_authentication_error(
        h: Harness, server: ControlPlaneServer) -> None:
    server.inject(Fault.status(200, body=ABYSS, headers={"content-type": "application/json"}), method="POST",
                  path="/api/v1/token")
    with pytest.raises(AuthenticationError, match="without an access token"):
        h.run(h.credentials_client(max_retries=0), list_clusters)


@pytest.mark.parametrize("src", [[1, 2], "text", None, 5], ids=["list", "str", "null", "number"])
def test_from_dict_refuses_what_is_no_json_object_at_once(src: Any) -> None:
    from controlplane_client.models.workload import Workload

    with pytest.raises(TypeError, match=r"Workload.from_dict takes a JSON object \(a mapping\), not"):
        Workload.from_dict(src)


def test_a_model_read_by_from_dict_does_not_change_with_the_mapping_it_was_read_from() -> None:
    from controlplane_client.models.workload import Workload

    src: dict[str, Any] = {"id": "0b6f2b8c-4d1e-4a5b-9c3d-2e1f0a9b8c7d", "name": "before", "type": "Training"}
    workload = Workload.from_dict(src)
    src["name"] = "after"
    del src["type"]
    assert workload.name == "before" and workload.to_dict()["type"] == "Training"


def test_a_field_set_before_it_is_read_is_kept_and_the_others_still_read_as_received() -> None:
    from controlplane_client.models.workload import Workload

    answer = {"id": "0b6f2b8c-4d1e-4a5b-9c3d-2e1f0a9b8c7d", "name": "w", "type": "Training",
              "createdAt": "not a date"}
    workload = Workload.from_dict(answer)
    workload.name = "renamed"

    assert workload.type_ == "Training" and workload.created_at == "not a date"  # kept as received
    assert workload.name == "renamed" and workload.to_dict() == {**answer, "name": "renamed"}
    assert "createdAt" in [issue.path for issue in decode_issues(workload)]


def test_fields_read_before_are_set_when_a_model_is_read_and_read_exactly_as_on_first_access() -> None:
    # After a field of a model has been read once, later instances get it set when they are read
    # (what keeps a stream's items cheap); a value that needs a closer look still takes the lenient path.
    from controlplane_client.models.workload import Workload
    from specloom_runtime import UNSET

    first = Workload.from_dict({"name": "w", "priority": 5, "phaseMessage": None, "suspended": True})
    assert (first.name, first.priority, first.phase_message, first.suspended) == ("w", 5, None, True)

    answers: list[dict[str, Any]] = [
        {"name": "x", "priority": 7, "phaseMessage": None, "suspended": False},
        {"name": 12, "priority": True, "phaseMessage": 3, "suspended": "yes"},  # each a wrong JSON type
        {"priority": 1.0, "phaseMessage": "m"},  # name (required) missing; 1.0 is an integer too
        {"name": None, "priority": None},  # null where the spec does not allow it
    ]
    for answer in answers:
        workload = Workload.from_dict(answer)
        got = (workload.name, workload.priority, workload.phase_message, workload.suspended)
        wire = ("name", "priority", "phaseMessage", "suspended")
        assert got == tuple(answer.get(key, UNSET) for key in wire), answer
        assert [type(value) for value in got] == [type(answer.get(key, UNSET)) for key in wire], answer
        assert workload.to_dict() == answer
    issues = [[issue.path for issue in decode_issues(Workload.from_dict(answer))] for answer in answers]
    assert [sorted(p for p in paths if p in ("name", "priority", "phaseMessage", "suspended")) for paths in issues] == [
        [], ["name", "phaseMessage", "priority", "suspended"], ["name"], ["name", "priority"]]

    read = Workload.from_dict({"name": "y", "priority": 9})
    assert Workload.__dict__["name"].__get__(read) == "y"  # set when read, before any access
