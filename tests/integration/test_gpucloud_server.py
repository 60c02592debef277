"""The reference GraphQL family (specs/gpucloud) and its test server (tests/servers/gpucloud.py), over plain httpx.

What the GraphQL front end and its client tests will rely on: every operation of both
releases validates against its schema and executes against the server of its release;
the two releases differ by exactly one breaking and one non-breaking change; and the
server answers GraphQL errors (with path, locations, extensions), partial data, custom
scalars, ``__typename`` of unions and interfaces, 401 without a key and the runtime's
fault set, while counting what it executed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from graphql import (
    BreakingChangeType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
    find_breaking_changes,
    find_dangerous_changes,
    parse,
    validate,
)
from specloom.family import load_family

from tests.servers.faults import Fault
from tests.servers.gpucloud import API_KEY, GpuCloudServer
from tests.servers.gpucloud_data import (
    A100,
    ENDPOINT_ID,
    EXITED_POD_ID,
    H100,
    RTX_4090,
    RUNNING_POD_ID,
    TEMPLATE_ID,
    USER_ID,
    VOLUME_ID,
    GpuCloudState,
)
from tests.servers.gpucloud_schema import resolvers
from tests.servers.gpucloud_spec import FAMILY, RELEASES, build, operation_documents, operations_document
from tests.support import wait_for

#: Variables each operation is sent with; the same for both releases.
SAMPLE_VARIABLES: dict[str, dict[str, Any]] = {
    "ListPods": {},
    "GetPod": {"input": {"podId": RUNNING_POD_ID}},
    "DeployPod": {"input": {"name": "trainer", "imageName": "runpod/pytorch:2.4.0", "gpuTypeId": RTX_4090,
                            "gpuCount": 2, "cloudType": "SECURE", "env": [{"key": "WANDB_MODE", "value": "offline"}],
                            "labels": {"team": "vision", "tags": ["a", 1, None]}}},
    "StopPod": {"podId": RUNNING_POD_ID},
    "ResumePod": {"podId": EXITED_POD_ID, "gpuCount": 2},
    "TerminatePod": {"podId": EXITED_POD_ID},
    "ListEndpoints": {},
    "SaveEndpoint": {"input": {"name": "sdxl", "templateId": TEMPLATE_ID, "gpuTypeIds": [A100], "workersMax": 2,
                               "locations": ["EU-CZ-1"], "env": [{"key": "MODEL", "value": "sdxl-turbo"}]}},
    "UpdateEndpointTemplate": {"endpointId": ENDPOINT_ID, "templateId": TEMPLATE_ID},
    "DeleteEndpoint": {"id": ENDPOINT_ID},
    "ListTemplates": {},
    "SaveTemplate": {"input": {"name": "vLLM", "imageName": "vllm/vllm-openai:0.6", "containerDiskInGb": 30,
                               "isServerless": True, "env": [{"key": "MAX_MODEL_LEN", "value": "8192"}]}},
    "ListGpuTypes": {"gpuCount": 1},
    "GetGpuType": {"id": A100, "price": {"gpuCount": 2, "cloudType": "COMMUNITY"}},
    "ListNetworkVolumes": {},
    "CreateNetworkVolume": {"input": {"name": "checkpoints", "size": 200, "dataCenterId": "EU-CZ-1"}},
    "GetUser": {},
    "UpdatePublicKeys": {"pubKey": "ssh-ed25519 AAAAC3Nza ada@desktop"},
    "GetNode": {"id": ENDPOINT_ID},
    "ListDataCenters": {},
}
EXPECTED_OPERATIONS = {"1.0": 19, "1.1": 20}


# -- the family's files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("release", RELEASES)
def test_every_operation_validates_against_its_release_as_one_document_and_alone(release: str) -> None:
    schema = build(release)
    assert validate(schema, operations_document(release)) == []
    documents = operation_documents(release)
    assert len(documents) == EXPECTED_OPERATIONS[release]
    for name, text in documents.items():
        assert validate(schema, parse(text)) == [], name


def test_1_0_to_1_1_breaks_exactly_one_thing_the_required_pod_filter_and_endangers_nothing() -> None:
    old, new = build("1.0"), build("1.1")
    breaking = [(c.type, c.description) for c in find_breaking_changes(old, new)]
    assert breaking == [(BreakingChangeType.ARG_CHANGED_KIND,
                         "Query.pod arg input has changed type from PodFilter to PodFilter!.")]
    assert find_dangerous_changes(old, new) == []


def test_the_breaking_change_reaches_one_operation_which_1_1_adjusts() -> None:
    """1.0's GetPod passes a nullable filter, which 1.1 refuses; every other 1.0 operation still validates."""
    new = build("1.1")
    failing = {name: validate(new, parse(text)) for name, text in operation_documents("1.0").items()}
    failing = {name: errors for name, errors in failing.items() if errors}
    assert list(failing) == ["GetPod"]
    assert "Variable '$input' of type 'PodFilter' used in position expecting type 'PodFilter!'" in \
        failing["GetPod"][0].message
    assert "query GetPod($input: PodFilter!)" in operation_documents("1.1")["GetPod"]


def test_the_non_breaking_change_is_the_data_centres_query_and_its_operation() -> None:
    assert set(operation_documents("1.1")) - set(operation_documents("1.0")) == {"ListDataCenters"}
    assert set(operation_documents("1.0")) <= set(operation_documents("1.1"))
    assert "dataCenters" not in build("1.0").query_type.fields  # type: ignore[union-attr]
    assert "dataCenters" in build("1.1").query_type.fields  # type: ignore[union-attr]


@pytest.mark.parametrize("release", RELEASES)
def test_each_release_holds_the_constructs_a_graphql_front_end_must_handle(release: str) -> None:
    schema = build(release)
    types = schema.type_map
    node = types["Node"]
    assert isinstance(node, GraphQLInterfaceType)
    assert {t.name for t in schema.get_implementations(node).objects} == {
        "User", "Pod", "GpuType", "Endpoint", "PodTemplate", "NetworkVolume"}
    union = types["PodDeployResult"]
    assert isinstance(union, GraphQLUnionType) and [t.name for t in union.types] == ["Pod", "CapacityError"]
    for scalar in ("DateTime", "JSON", "Decimal"):
        assert isinstance(types[scalar], GraphQLScalarType)
    deprecated = {f"{t.name}.{name}" for t in types.values() if isinstance(t, GraphQLObjectType)
                  for name, field in t.fields.items() if field.deprecation_reason}
    assert deprecated == {"Pod.port", "GpuType.oneMonthPrice", "Endpoint.gpuIds"}
    user = types["User"]
    assert isinstance(user, GraphQLObjectType)
    pods_type, volumes_type = user.fields["pods"].type, user.fields["networkVolumes"].type
    assert isinstance(pods_type, GraphQLNonNull) and isinstance(pods_type.of_type, GraphQLList)
    assert isinstance(volumes_type, GraphQLList)  # a nullable list of non-null items
    assert isinstance(volumes_type.of_type, GraphQLNonNull)
    operations = "\n".join(operation_documents(release).values())
    for construct in ("... on Pod", "...PodSummary", "secure: lowestPrice", "__typename", "$input"):
        assert construct in operations, construct


def test_the_family_file_reads_as_a_specloom_family() -> None:
    family = load_family(FAMILY)
    assert (family.distribution, family.package) == ("gpucloud-client", "gpucloud_client")
    assert [(r.version, r.package_version, r.spec.name) for r in family.releases] == [
        ("1.0", "1.100.0", "schema.graphql"), ("1.1", "1.101.0", "schema.graphql")]


def test_the_servers_resolvers_name_only_fields_of_the_newest_release() -> None:
    """Resolvers are bound only where a release has the field, so a misspelt one would pass unnoticed otherwise."""
    schema = build(RELEASES[-1])
    for type_name, fields in resolvers(GpuCloudState()).items():
        object_type = schema.type_map[type_name]
        assert isinstance(object_type, GraphQLObjectType), type_name
        assert set(fields) <= set(object_type.fields), (type_name, set(fields) - set(object_type.fields))


# -- the server --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def servers() -> Iterator[dict[str, GpuCloudServer]]:
    """One running server per release for the module."""
    started = {release: GpuCloudServer(release).start() for release in RELEASES}
    try:
        yield started
    finally:
        for server in started.values():
            server.stop()


@pytest.fixture
def gpucloud(servers: dict[str, GpuCloudServer]) -> GpuCloudServer:
    """The newest release's server, reset for the test."""
    server = servers[RELEASES[-1]]
    server.reset()
    return server


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10, headers={"Authorization": f"Bearer {API_KEY}"}) as client:
        yield client


def send(http: httpx.Client, server: GpuCloudServer, operation: str, variables: dict[str, Any] | None = None,
         **kwargs: Any) -> httpx.Response:
    """POST the release's operation the way a client does."""
    document = operation_documents(server.release)[operation]
    body = {"query": document, "variables": variables if variables is not None else SAMPLE_VARIABLES[operation],
            "operationName": operation}
    return http.post(server.url, json=body, **kwargs)


@pytest.mark.parametrize(("release", "operation"),
                         [(r, op) for r in RELEASES for op in sorted(operation_documents(r))])
def test_every_operation_of_both_releases_executes_with_sample_variables(
    servers: dict[str, GpuCloudServer], http: httpx.Client, release: str, operation: str,
) -> None:
    server = servers[release]
    server.reset()
    response = send(http, server, operation)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert "errors" not in answer, answer["errors"]
    assert answer["data"] and all(value is not None for value in answer["data"].values()), answer
    assert server.execution_counts() == {operation: 1}
    assert server.executions[0].variables == SAMPLE_VARIABLES[operation]


def test_writes_show_in_the_reads_that_follow(gpucloud: GpuCloudServer, http: httpx.Client) -> None:
    """Each mutation's sample changes the state its list query reads, and every later read still answers cleanly."""
    writes_then_reads = [("DeployPod", "ListPods"), ("SaveEndpoint", "ListEndpoints"), ("SaveTemplate", "ListTemplates"),
                         ("CreateNetworkVolume", "ListNetworkVolumes"), ("StopPod", "ListPods"),
                         ("TerminatePod", "ListPods"), ("UpdatePublicKeys", "GetUser")]
    for write, read in writes_then_reads:
        before = send(http, gpucloud, read).json()
        written = send(http, gpucloud, write).json()
        after = send(http, gpucloud, read).json()
        assert "errors" not in written and "errors" not in after, (write, written, after)
        assert after != before, f"{write} changed nothing {read} shows"
    saved = send(http, gpucloud, "SaveEndpoint").json()["data"]["saveEndpoint"]
    assert send(http, gpucloud, "GetNode", {"id": saved["id"]}).json()["data"]["node"] == {
        "__typename": "Endpoint", "id": saved["id"], "name": "sdxl", "workersMax": 2}


def test_custom_scalars_are_serialised_as_their_descriptions_say(gpucloud: GpuCloudServer, http: httpx.Client) -> None:
    pod = send(http, gpucloud, "ListPods").json()["data"]["myself"]["pods"][0]
    assert pod["lastStatusChange"] == "2026-11-01T09:30:00Z"  # DateTime
    assert pod["costPerHr"] == "0.69"  # Decimal: exact text, not a float
    assert pod["labels"] == {"team": "nlp", "budget": {"monthly": 400}}  # JSON, as stored
    assert pod["env"] == ["JUPYTER_PASSWORD=", None, "HF_HOME=/workspace/hf"]  # [String] with a null item
    assert pod["port"] == 8888  # a deprecated field still answers
    deployed = send(http, gpucloud, "DeployPod").json()["data"]["podFindAndDeployOnDemand"]
    assert deployed["costPerHr"] == "1.38"
    labels = gpucloud.state.pods[deployed["id"]]["labels"]
    assert labels == SAMPLE_VARIABLES["DeployPod"]["input"]["labels"]  # JSON input arrives as sent


def test_the_union_answers_its_member_by_typename(gpucloud: GpuCloudServer, http: httpx.Client) -> None:
    pod = send(http, gpucloud, "DeployPod").json()["data"]["podFindAndDeployOnDemand"]
    assert pod["__typename"] == "Pod" and pod["desiredStatus"] == "RUNNING" and "message" not in pod
    no_capacity = {"input": {"gpuTypeId": H100, "gpuCount": 1, "cloudType": "COMMUNITY", "imageName": "x"}}
    refused = send(http, gpucloud, "DeployPod", no_capacity).json()
    assert refused == {"data": {"podFindAndDeployOnDemand": {
        "__typename": "CapacityError", "message": "No community machine has 1 x H100 80GB free.",
        "gpuTypeId": H100, "cloudType": "COMMUNITY", "retryAfterSeconds": 300}}}


@pytest.mark.parametrize(("node_id", "typename", "field"), [
    (RUNNING_POD_ID, "Pod", "desiredStatus"), (ENDPOINT_ID, "Endpoint", "workersMax"),
    (TEMPLATE_ID, "PodTemplate", "imageName"), (A100, "GpuType", "memoryInGb"),
    (VOLUME_ID, "NetworkVolume", "size"), (USER_ID, "User", "email"),
])
def test_the_interface_answers_each_implementation_by_typename(
    gpucloud: GpuCloudServer, http: httpx.Client, node_id: str, typename: str, field: str,
) -> None:
    node = send(http, gpucloud, "GetNode", {"id": node_id}).json()["data"]["node"]
    assert node["__typename"] == typename and node["id"] == node_id and field in node


def test_aliases_ask_for_one_field_with_two_arguments(gpucloud: GpuCloudServer, http: httpx.Client) -> None:
    gpus = {g["id"]: g for g in send(http, gpucloud, "ListGpuTypes", {"gpuCount": 2}).json()["data"]["gpuTypes"]}
    assert gpus[RTX_4090]["secure"]["uninterruptablePrice"] == "1.38"
    assert gpus[RTX_4090]["community"]["uninterruptablePrice"] == "0.68"
    assert gpus[H100]["community"] is None  # no community offer: a nullable field, no error


def test_a_refused_mutation_answers_an_error_with_path_locations_and_extensions(
    gpucloud: GpuCloudServer, http: httpx.Client,
) -> None:
    answer = send(http, gpucloud, "StopPod", {"podId": "pod-gone"}).json()
    assert answer == {"data": None, "errors": [{
        "message": "No pod 'pod-gone' on this account.", "locations": [{"line": 2, "column": 3}],
        "path": ["podStop"], "extensions": {"code": "NOT_FOUND", "podId": "pod-gone"}}]}
    assert gpucloud.execution_count("StopPod") == 1  # executed, and refused by the service


def test_one_failing_item_of_a_list_gives_partial_data(gpucloud: GpuCloudServer, http: httpx.Client) -> None:
    gpucloud.make_host_unreachable(RUNNING_POD_ID)
    answer = send(http, gpucloud, "ListPods").json()
    pods = answer["data"]["myself"]["pods"]
    assert [p["id"] for p in pods] == [RUNNING_POD_ID, EXITED_POD_ID]
    assert pods[0]["machine"] is None and pods[0]["name"] == "llama-finetune"  # only the failed field is null
    assert pods[1]["machine"] == {"gpuDisplayName": "A100 80GB", "location": None}
    [error] = answer["errors"]
    assert error["path"] == ["myself", "pods", 0, "machine"]
    assert error["extensions"] == {"code": "MACHINE_UNREACHABLE", "machineId": "m-7f3a"}
    assert error["locations"] and set(error["locations"][0]) == {"line", "column"}


def test_a_document_that_does_not_validate_answers_errors_without_data_and_does_not_execute(
    gpucloud: GpuCloudServer, http: httpx.Client,
) -> None:
    response = http.post(gpucloud.url, json={"query": "query Q {\n  myself { id balance }\n}"})
    assert response.status_code == 200
    assert response.json() == {"errors": [{"message": "Cannot query field 'balance' on type 'User'.",
                                           "locations": [{"line": 2, "column": 15}]}]}
    syntax = http.post(gpucloud.url, json={"query": "query {"}).json()
    assert "data" not in syntax and syntax["errors"][0]["message"].startswith("Syntax Error")
    assert gpucloud.executions == []


def test_each_release_is_served_by_its_own_schema(servers: dict[str, GpuCloudServer], http: httpx.Client) -> None:
    """The breaking change on the wire: 1.0 answers a pod lookup without a filter; 1.1 refuses 1.0's GetPod."""
    old, new = servers["1.0"], servers["1.1"]
    old.reset()
    new.reset()
    assert send(http, old, "GetPod", {"input": None}).json() == {"data": {"pod": None}}
    refused = http.post(new.url, json={"query": operation_documents("1.0")["GetPod"],
                                       "variables": SAMPLE_VARIABLES["GetPod"]}).json()
    assert "data" not in refused and "PodFilter!" in refused["errors"][0]["message"]
    assert "errors" in http.post(old.url, json={"query": operation_documents("1.1")["ListDataCenters"]}).json()


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"query": 1}', b'{"query": "{ myself { id } }", "variables": 1}'])
def test_a_body_that_is_not_a_graphql_request_is_400(gpucloud: GpuCloudServer, http: httpx.Client,
                                                     body: bytes) -> None:
    response = http.post(gpucloud.url, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"] == {"code": "BAD_REQUEST"}


def test_only_post_to_graphql_is_served(gpucloud: GpuCloudServer, http: httpx.Client) -> None:
    assert http.get(gpucloud.url).status_code == 405
    assert http.post(gpucloud.base_url + "/api/graphql", json={"query": "{ myself { id } }"}).status_code == 404


@pytest.mark.parametrize(("authorization", "challenge_error"), [
    (None, None), ("Bearer wrong-key", "invalid_token"), (f"Basic {API_KEY}", "invalid_token")])
def test_without_a_known_api_key_the_answer_is_401_and_nothing_executes(
    gpucloud: GpuCloudServer, authorization: str | None, challenge_error: str | None,
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    response = httpx.post(gpucloud.url, json={"query": operation_documents("1.1")["GetUser"]}, headers=headers)
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}
    challenge = response.headers["www-authenticate"]
    assert challenge.startswith('Bearer realm="gpucloud"')
    assert (f'error="{challenge_error}"' in challenge) if challenge_error else ("error=" not in challenge)
    assert gpucloud.executions == []


@pytest.mark.parametrize(("fault", "status", "code"), [
    (Fault.unavailable(retry_after=2), 503, "SERVICE_UNAVAILABLE"),
    (Fault.too_many_requests(retry_after=1), 429, "TOO_MANY_REQUESTS")])
def test_a_status_fault_answers_with_retry_after_before_anything_executes(
    gpucloud: GpuCloudServer, http: httpx.Client, fault: Fault, status: int, code: str,
) -> None:
    gpucloud.inject(fault, operation="StopPod")
    response = send(http, gpucloud, "StopPod")
    assert response.status_code == status
    assert response.headers["retry-after"] == str(2 if status == 503 else 1)
    assert response.json()["errors"][0]["extensions"] == {"code": code}
    assert gpucloud.executions == []
    assert send(http, gpucloud, "StopPod").status_code == 200  # the fault was used up
    assert gpucloud.execution_count("StopPod") == 1


def test_faults_match_the_operation_they_were_queued_for(gpucloud: GpuCloudServer, http: httpx.Client) -> None:
    gpucloud.inject(Fault.unavailable(), operation="DeployPod", times=2)
    assert send(http, gpucloud, "GetUser").status_code == 200
    # Without operationName the server names the document's only operation.
    bare = http.post(gpucloud.url, json={"query": operation_documents("1.1")["DeployPod"],
                                         "variables": SAMPLE_VARIABLES["DeployPod"]})
    assert bare.status_code == 503
    assert send(http, gpucloud, "DeployPod").status_code == 503
    assert send(http, gpucloud, "DeployPod").status_code == 200
    assert [e.operation_name for e in gpucloud.requests] == ["GetUser", "DeployPod", "DeployPod", "DeployPod"]


@pytest.mark.parametrize(("hard", "error"), [(True, httpx.ReadError), (False, httpx.RemoteProtocolError)])
def test_a_reset_fault_drops_the_connection(gpucloud: GpuCloudServer, hard: bool, error: type[Exception]) -> None:
    gpucloud.inject(Fault.reset(hard=hard))
    with httpx.Client(headers=gpucloud.auth_headers(), timeout=10) as client, pytest.raises(error):
        send(client, gpucloud, "GetUser")
    assert gpucloud.requests[0].dropped and gpucloud.executions == []


def test_a_fault_after_execution_leaves_the_write_done_though_the_client_sees_a_failure(
    gpucloud: GpuCloudServer, http: httpx.Client,
) -> None:
    gpucloud.inject(Fault.unavailable(after_execute=True), operation="CreateNetworkVolume")
    gpucloud.inject(Fault.reset(after_execute=True), operation="DeployPod")
    assert send(http, gpucloud, "CreateNetworkVolume", headers={"Idempotency-Key": "k-1"}).status_code == 503
    with pytest.raises(httpx.ReadError):
        send(http, gpucloud, "DeployPod")
    assert gpucloud.execution_counts() == {"CreateNetworkVolume": 1, "DeployPod": 1}
    assert len(gpucloud.state.volumes) == 2 and len(gpucloud.state.pods) == 3
    assert gpucloud.executions[0].idempotency_key == "k-1"


def test_a_delay_fault_holds_the_answer(gpucloud: GpuCloudServer, http: httpx.Client) -> None:
    gpucloud.inject(Fault.delay(0.3), operation="GetUser")
    started = time.monotonic()
    response = send(http, gpucloud, "GetUser")
    assert response.status_code == 200 and gpucloud.requests[0].fault == Fault.delay(0.3)
    assert time.monotonic() - started >= 0.29  # asyncio may wake a sleeper up to its clock resolution early
    gpucloud.inject(Fault.delay(1.0), operation="GetUser")
    with pytest.raises(httpx.ReadTimeout):
        send(http, gpucloud, "GetUser", timeout=0.2)


def test_a_request_still_delayed_when_the_server_is_reset_never_executes(gpucloud: GpuCloudServer) -> None:
    gpucloud.inject(Fault.delay(0.5), operation="StopPod")
    with httpx.Client(headers=gpucloud.auth_headers(), timeout=10) as client, ThreadPoolExecutor(1) as pool:
        late = pool.submit(send, client, gpucloud, "StopPod")
        wait_for(lambda: bool(gpucloud.requests))  # arrived, and waiting in its delay
        gpucloud.reset()
        assert late.result().status_code == 503
    assert gpucloud.executions == [] and gpucloud.state.pods[RUNNING_POD_ID]["desiredStatus"] == "RUNNING"


def test_the_server_records_operation_names_variables_and_answers(gpucloud: GpuCloudServer,
                                                                  http: httpx.Client) -> None:
    send(http, gpucloud, "UpdatePublicKeys")
    [exchange] = gpucloud.requests
    assert exchange.operation_name == "UpdatePublicKeys"
    assert exchange.variables == SAMPLE_VARIABLES["UpdatePublicKeys"]
    assert exchange.status == 200 and exchange.executed
    assert exchange.response_json()["data"]["updateUserSettings"]["pubKey"] == "ssh-ed25519 AAAAC3Nza ada@desktop"
    assert exchange.request.header("authorization") == f"Bearer {API_KEY}"
