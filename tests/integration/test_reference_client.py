"""The reference family's generated client (generated/controlplane-2.24) against a real server on 127.0.0.1.

The server (tests/integration/reference_server.py) implements a handful of the
2.24 spec's endpoints in memory and records every request as it arrived. Every
behaviour is checked with the sync ``Client`` and the ``AsyncClient``.

The reference spec declares no header parameter and no array request body, so
those two behaviours are checked on a tiny spec written here and generated with
the same generator (``extras_client``).
"""

from __future__ import annotations

import asyncio
import datetime
import importlib
import inspect
import json
import uuid
import warnings
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, quote

import attrs
import pytest
import yaml
from specloom.naming import snake
from specloom_runtime import UNSET, ApiError, AuthenticationError, ConflictError, NotFoundError, ResponseDecodeError

from tests.integration.reference_server import (
    BROKEN_WORKLOAD_ID,
    CLI_BINARY,
    CLUSTER_ID,
    LOG_LINES,
    OTHER_CLUSTER_ID,
    SERVICE_ACCOUNT,
    TRICKY_IDS,
    UNKNOWN_PHASE_WORKLOAD_ID,
    WORKLOAD_ID,
    ControlPlane,
)
from tests.integration.servers import LoopbackServer, RecordedRequest, RecordingApp, serve
from tests.support import REPO, generate, imported

REFERENCE = REPO / "generated" / "controlplane-2.24"
REFERENCE_SPEC = REPO / "specs" / "controlplane" / "2.24" / "openapi.yaml"
PACKAGE = "controlplane_client"

MODES = pytest.mark.parametrize("mode", ["sync", "async"])

Action = Callable[[Any], Any]


# -- fixtures and helpers ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cp() -> Iterator[ModuleType]:
    """The reference package ``controlplane_client`` as checked in under generated/."""
    with imported(REFERENCE, PACKAGE) as module:
        yield module


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return yaml.safe_load(REFERENCE_SPEC.read_text())


@pytest.fixture
def control_plane() -> ControlPlane:
    return ControlPlane()


@pytest.fixture
def server(control_plane: ControlPlane) -> Iterator[LoopbackServer]:
    with serve(control_plane) as running:
        yield running


def model(name: str) -> Any:
    """A generated model class by its Python name (the models package loads each on first use)."""
    return getattr(importlib.import_module(f"{PACKAGE}.models"), name)


def run(package: ModuleType, mode: str, base_url: str, *actions: Action, **options: Any) -> list[Any]:
    """Run each ``action(client)`` in order with a sync ``Client`` or an ``AsyncClient``; their results."""
    if mode == "sync":
        with package.Client(base_url=base_url, **options) as client:
            return [action(client) for action in actions]

    async def main() -> list[Any]:
        results = []
        async with package.AsyncClient(base_url=base_url, **options) as client:
            for action in actions:
                pending = action(client)
                assert inspect.isawaitable(pending), f"the async client returned {pending!r}, not an awaitable"
                results.append(await pending)
        return results

    return asyncio.run(main())


def read_whole(opened: Any, how: str = "read") -> Any:
    """A download's body, whole: ``read()`` (``read_text()``) on its stream, awaited in the async client."""
    if inspect.isawaitable(opened):

        async def read() -> Any:
            return await getattr(await opened, how)()

        return read()
    return getattr(opened, how)()


def close(client: Any) -> None:
    if hasattr(client, "aclose"):
        asyncio.run(client.aclose())
    else:
        client.close()


def run1(package: ModuleType, mode: str, base_url: str, action: Action, **options: Any) -> Any:
    return run(package, mode, base_url, action, **options)[0]


def only(requests: list[RecordedRequest]) -> RecordedRequest:
    assert len(requests) == 1, f"expected one request, the server saw {[(r.method, r.raw_path) for r in requests]}"
    return requests[0]


def json_of(request: RecordedRequest) -> Any:
    assert request.header("content-type") == "application/json", request.headers
    return json.loads(request.body)


# -- path parameters ---------------------------------------------------------------------------------


@MODES
@pytest.mark.parametrize("department_id", ["7", *TRICKY_IDS])
def test_path_parameters_arrive_intact(
    cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane, department_id: str
) -> None:
    # Ids like "a_b/c d" break the spec's pattern for department ids: validation is off to test the encoding.
    department = run1(cp, mode, server.base_url, lambda c: c.organizations.departments.get_department(department_id=department_id),
                      validate=False)

    assert department.id == department_id
    request = only(control_plane.take())
    # One segment, escaped in full: "/" -> %2F, " " -> %20, "?" -> %3F, "%" -> %25 ...
    assert request.raw_path == "/api/v1/org-unit/departments/" + quote(department_id, safe="")
    assert request.path_segments()[-1] == department_id
    assert request.query_string == ""


@MODES
def test_path_parameters_of_several_kinds(cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane) -> None:
    cli_os, cli_arch = model("DownloadCliOs").DARWIN, "arm64"
    with pytest.warns(DeprecationWarning, match="getProjects"):
        legacy, binary, logs = run(
            cp,
            mode,
            server.base_url,
            lambda c: c.organizations.projects.get_projects_2(cluster_id=uuid.UUID(OTHER_CLUSTER_ID)),
            lambda c: read_whole(c.infrastructure.cli.download_cli(os=cli_os, arch=cli_arch)),
            lambda c: c.workloads.workloads.get_workload_logs(workload_id=uuid.UUID(WORKLOAD_ID)),
        )

    seen = control_plane.take()
    assert [r.raw_path for r in seen] == [
        f"/v1/k8s/clusters/{OTHER_CLUSTER_ID}/projects",
        "/api/v1/cli/darwin/arm64",
        f"/api/v1/workloads/{WORKLOAD_ID}/logs",
    ]
    assert [p.name for p in legacy] == ["train-speech"]
    assert binary.endswith(b"darwin/arm64")
    assert logs.splitlines() == LOG_LINES


@MODES
def test_base_url_with_a_path_prefix(cp: ModuleType, mode: str, recording_app: RecordingApp, recording_server: LoopbackServer) -> None:
    # A control plane behind a reverse proxy: every operation path goes under the prefix.
    with pytest.raises(NotFoundError):
        run1(cp, mode, recording_server.base_url + "/cp/", lambda c: c.organizations.projects.get_project(project_id="a/b"),
             validate=False)

    assert only(recording_app.take()).raw_path == "/cp/api/v1/org-unit/projects/a%2Fb"


# -- query parameters --------------------------------------------------------------------------------


@MODES
def test_query_array_and_optional_parameters(cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane) -> None:
    sort_by = model("GetProjectsSortBy").NAME
    page, everything = run(
        cp,
        mode,
        server.base_url,
        lambda c: c.organizations.projects.get_projects(
            filter_by=["name=@train", f"clusterId=={CLUSTER_ID}"], sort_by=sort_by, sort_order="desc", limit=5
        ),
        lambda c: c.organizations.projects.get_projects(),
    )

    filtered, unfiltered = control_plane.take()
    # filterBy is style form, explode false: one pair, items joined with ","; UNSET ones (offset) are absent.
    assert sorted(filtered.query_pairs()) == sorted(
        [("filterBy", f"name=@train,clusterId=={CLUSTER_ID}"), ("sortBy", "name"), ("sortOrder", "desc"), ("limit", "5")]
    )
    assert unfiltered.query_string == ""
    assert [p.name for p in page.projects] == ["train-vision"]
    assert sorted(p.name for p in everything.projects) == ["nlp", "train-speech", "train-vision"]


@MODES
def test_exploded_array_and_date_time_query_parameters(
    cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane
) -> None:
    audit_action = model("AuditAction")
    since = datetime.datetime(2024, 5, 1, 10, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    result = run1(
        cp,
        mode,
        server.base_url,
        lambda c: c.audit.audit_logs.get_audit_logs(from_=since - datetime.timedelta(hours=1), action=[audit_action.CREATE, "Delete"]),
    )

    request = only(control_plane.take())
    pairs = request.query_pairs()
    # action is style form, explode true: the key repeats; "to", "offset", "limit" were not given.
    assert [v for k, v in pairs if k == "action"] == ["Create", "Delete"]
    assert sorted({k for k, _ in pairs}) == ["action", "from"]
    assert datetime.datetime.fromisoformat(dict(pairs)["from"]) == since - datetime.timedelta(hours=1)
    assert [(log.action, log.entity_id) for log in result.logs] == [(audit_action.CREATE, "42"), (audit_action.DELETE, "7")]
    assert result.time_range.to is None


@MODES
def test_false_and_zero_query_values_are_sent(cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane) -> None:
    since = datetime.datetime(2024, 5, 2, tzinfo=datetime.UTC)
    result = run1(cp, mode, server.base_url, lambda c: c.workloads.workloads.get_workloads(deleted=False, offset=0, from_=since))

    request = only(control_plane.take())
    query = dict(request.query_pairs())
    assert query["deleted"] == "false"
    assert query["offset"] == "0"
    assert datetime.datetime.fromisoformat(query["from"]) == since
    assert [str(w.id) for w in result.workloads] == [UNKNOWN_PHASE_WORKLOAD_ID]


# -- header parameters -------------------------------------------------------------------------------


EXTRAS_SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Extras", "version": "1.0"},
    "paths": {
        "/items/{itemId}": {
            "get": {
                "operationId": "get_item",
                "tags": ["Items"],
                "parameters": [
                    {"name": "itemId", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "X-Request-ID", "in": "header", "required": True, "schema": {"type": "string"}},
                    {"name": "X-Page-Size", "in": "header", "required": False, "schema": {"type": "integer"}},
                    {"name": "X-Dry-Run", "in": "header", "required": False, "schema": {"type": "boolean"}},
                    {"name": "X-Tags", "in": "header", "required": False,
                     "schema": {"type": "array", "items": {"type": "string"}}},
                ],
                "responses": {"200": {"description": "The item.", "content": {
                    "application/json": {"schema": {"type": "object", "additionalProperties": True}}}}},
            }
        },
        "/bulk": {
            "post": {
                "operationId": "bulk",
                "tags": ["Items"],
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"type": "array", "items": {"type": "string"}}}}},
                "responses": {"204": {"description": "Done."}},
            }
        },
    },
}


@pytest.fixture(scope="module")
def extras(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    folder = tmp_path_factory.mktemp("extras")
    spec_file = folder / "openapi.json"
    spec_file.write_text(json.dumps(EXTRAS_SPEC))
    generate(spec_file, folder / "out", "extras_client", "1.0")
    with imported(folder / "out", "extras_client") as module:
        yield module


@pytest.fixture
def echo() -> RecordingApp:
    app = RecordingApp()
    app.respond_with(200, json={"ok": True})
    return app


@pytest.fixture
def echo_server(echo: RecordingApp) -> Iterator[LoopbackServer]:
    with serve(echo) as running:
        yield running


@MODES
def test_header_parameters_are_sent(extras: ModuleType, mode: str, echo: RecordingApp, echo_server: LoopbackServer) -> None:
    answer = run1(
        extras, mode, echo_server.base_url,
        lambda c: c.items.get_item(item_id="i_1/2 3", x_request_id="req 1/2", x_page_size=25, x_dry_run=True),
    )

    request = only(echo.take())
    assert answer == {"ok": True}
    assert request.raw_path == "/items/i_1%2F2%203"
    assert (request.header("x-request-id"), request.header("x-page-size"), request.header("x-dry-run")) == ("req 1/2", "25", "true")
    assert request.header("x-tags") is None


@MODES
def test_unset_header_parameters_are_not_sent(extras: ModuleType, mode: str, echo: RecordingApp, echo_server: LoopbackServer) -> None:
    run1(extras, mode, echo_server.base_url, lambda c: c.items.get_item(item_id="1", x_request_id="r"))

    request = only(echo.take())
    names = {name for name, _ in request.headers}
    assert request.header("x-request-id") == "r"
    assert not names & {"x-page-size", "x-dry-run", "x-tags"}


@MODES
def test_array_header_parameter_is_comma_separated(
    extras: ModuleType, mode: str, echo: RecordingApp, echo_server: LoopbackServer
) -> None:
    # A header parameter is style "simple": an array is its items joined with "," (OpenAPI 3.0, Style Values).
    run1(extras, mode, echo_server.base_url, lambda c: c.items.get_item(item_id="1", x_request_id="r", x_tags=["gpu", "a100"]))

    assert only(echo.take()).header("x-tags") == "gpu,a100"


@MODES
def test_client_headers_and_user_agent(
    cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane
) -> None:
    run1(cp, mode, server.base_url, lambda c: c.organizations.projects.get_project(project_id="42"),
         bearer_token="abc", headers={"X-Team": "vision"})

    request = only(control_plane.take())
    assert request.header("authorization") == "Bearer abc"
    assert request.header("x-team") == "vision"
    assert request.header("user-agent").startswith(f"controlplane-client/{cp.__version__} specloom-runtime/")
    assert "Python/" in request.header("user-agent")


# -- request bodies ----------------------------------------------------------------------------------


@MODES
def test_empty_object_body_is_sent(cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane) -> None:
    before = dict(control_plane.projects["42"])
    as_dict, as_model = run(
        cp,
        mode,
        server.base_url,
        lambda c: c.organizations.projects.update_project(project_id="42", body={}),
        lambda c: c.organizations.projects.update_project(project_id="42", body=model("ProjectUpdateRequest")()),
    )

    for request in control_plane.take():
        assert request.method == "PUT"
        assert request.header("content-type") == "application/json"
        assert request.body == b"{}"
    assert control_plane.projects["42"] == before
    assert as_dict == as_model
    assert as_dict.name == "train-vision"


@MODES
def test_empty_arrays_and_objects_inside_a_body_are_kept(
    cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane
) -> None:
    body = model("ProjectUpdateRequest")(resources=[], default_node_pools=[], scheduling_rules=model("SchedulingRules")())
    updated = run1(cp, mode, server.base_url, lambda c: c.organizations.projects.update_project(project_id="43", body=body))

    assert json_of(only(control_plane.take())) == {"resources": [], "defaultNodePools": [], "schedulingRules": {}}
    assert updated.default_node_pools == []
    assert updated.resources == []


@MODES
def test_empty_array_body_is_sent(extras: ModuleType, mode: str, echo: RecordingApp, echo_server: LoopbackServer) -> None:
    echo.respond_with(204, content=b"")
    result = run1(extras, mode, echo_server.base_url, lambda c: c.items.bulk(body=[]))

    request = only(echo.take())
    assert result is None
    assert (request.method, request.raw_path) == ("POST", "/bulk")
    assert request.header("content-type") == "application/json"
    assert request.body == b"[]"


@MODES
def test_model_and_dict_bodies_are_equivalent(cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane) -> None:
    as_dict = {
        "name": "speech",
        "parentId": "7",
        "clusterId": CLUSTER_ID,
        "description": None,
        "resources": [{"nodePool": {"name": "default"}, "gpu": {"deserved": 1.5, "overQuotaWeight": 3}}],
        "schedulingRules": {"interactiveJobTimeLimitSeconds": 3600, "nodeTypes": {"training": ["a100"]}},
    }
    as_model = model("ProjectCreationRequest")(
        name="speech",
        parent_id="7",
        cluster_id=uuid.UUID(CLUSTER_ID),
        description=None,
        resources=[model("Resources")(node_pool=model("NodePoolRef")(name="default"),
                                      gpu=model("ResourceQuota")(deserved=1.5, over_quota_weight=3))],
        scheduling_rules=model("SchedulingRules")(
            interactive_job_time_limit_seconds=3600, node_types=model("SchedulingRulesNodeTypes")(training=["a100"])
        ),
    )
    from_dict, from_model = run(
        cp,
        mode,
        server.base_url,
        lambda c: c.organizations.projects.create_project(body=as_dict),
        lambda c: c.organizations.projects.create_project(body=as_model),
    )

    sent_dict, sent_model = (json_of(r) for r in control_plane.take())
    assert sent_dict == as_dict
    assert sent_model == as_dict
    assert isinstance(from_dict, model("Project")) and isinstance(from_model, model("Project"))
    assert from_dict.resources[0].gpu.deserved == 1.5
    assert from_model.scheduling_rules.node_types.training == ["a100"]
    assert from_dict.id != from_model.id


@MODES
def test_form_urlencoded_token_endpoint(cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane) -> None:
    client_id, secret = SERVICE_ACCOUNT
    form_model = model("TokenRequestForm")(grant_type="client_credentials", client_id=client_id, client_secret=secret)
    form_dict = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}
    by_model, by_dict = run(
        cp,
        mode,
        server.base_url,
        lambda c: c.authentication.tokens.grant_token_v2(body=form_model),
        lambda c: c.authentication.tokens.grant_token_v2(body=form_dict),
    )

    sent_model, sent_dict = control_plane.take()
    for request in (sent_model, sent_dict):
        assert (request.method, request.raw_path) == ("POST", "/api/v2/token")
        assert request.header("content-type") == "application/x-www-form-urlencoded"
    assert dict(parse_qsl(sent_dict.body.decode(), strict_parsing=True)) == form_dict
    # The model carries the schema's default scope.
    assert dict(parse_qsl(sent_model.body.decode(), strict_parsing=True)) == {**form_dict, "scope": "openid"}
    for token in (by_model, by_dict):
        assert isinstance(token, model("TokenResponse"))
        assert (token.access_token, token.expires_in, token.token_type) == (f"token-for-{client_id}", 3600, "Bearer")


# -- response bodies ---------------------------------------------------------------------------------


@MODES
def test_text_csv_and_binary_responses(cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane) -> None:
    since = datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC)
    logs, tail, csv, binary = run(
        cp,
        mode,
        server.base_url,
        lambda c: c.workloads.workloads.get_workload_logs(workload_id=uuid.UUID(WORKLOAD_ID)),
        lambda c: c.workloads.workloads.get_workload_logs(workload_id=uuid.UUID(WORKLOAD_ID), tail_lines=1),
        lambda c: read_whole(c.audit.audit_logs.download_audit_logs(from_=since, to=since + datetime.timedelta(days=1)),
                             "read_text"),
        lambda c: read_whole(c.infrastructure.cli.download_cli(os="linux", arch="amd64")),
    )

    assert isinstance(logs, str) and logs == "\n".join(LOG_LINES) + "\n"
    assert tail == LOG_LINES[-1] + "\n"
    assert isinstance(csv, str)
    rows = csv.splitlines()
    assert rows[0] == "timestamp,user,action,entityType,entityId"
    assert [row.split(",")[2] for row in rows[1:]] == ["Create", "Delete"]
    assert isinstance(binary, bytes) and binary == CLI_BINARY + b"linux/amd64"


@MODES
def test_json_response_parses_into_models_and_round_trips(
    cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane
) -> None:
    department_cls = model("Department")
    department = run1(cp, mode, server.base_url, lambda c: c.organizations.departments.get_department(department_id="7"))
    sent = control_plane.departments["7"]

    assert type(department) is department_cls and attrs.has(department_cls)
    assert department.cluster_id == uuid.UUID(CLUSTER_ID)
    assert department.created_at == datetime.datetime(2024, 4, 1, 8, 30, tzinfo=datetime.UTC)
    assert department.description is None and department.updated_at is None
    assert department.resources[0].node_pool.name == "default"
    assert department.resources[0].gpu.limit is None
    tree = department.children
    assert all(type(node) is model("OrgUnitTreeNode") for node in tree)
    assert tree[1].children[0].name == "nlp-sub" and tree[1].children[0].children is UNSET
    assert department.to_dict() == sent
    assert department_cls.from_dict(department.to_dict()) == department
    assert json.loads(json.dumps(department.to_dict())) == sent


@MODES
def test_unknown_enum_value_and_unknown_fields_are_kept(
    cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane
) -> None:
    phase_cls = model("WorkloadPhase")
    listing, single = run(
        cp,
        mode,
        server.base_url,
        lambda c: c.workloads.workloads.get_workloads(),
        lambda c: c.workloads.workloads.get_workload(workload_id=UNKNOWN_PHASE_WORKLOAD_ID),
    )
    sent = control_plane.workloads[UNKNOWN_PHASE_WORKLOAD_ID]

    phases = {str(w.id): w.phase for w in listing.workloads}
    assert phases[WORKLOAD_ID] is phase_cls.RUNNING
    for workload in (single, next(w for w in listing.workloads if str(w.id) == UNKNOWN_PHASE_WORKLOAD_ID)):
        assert isinstance(workload.phase, phase_cls)
        assert workload.phase.value == "Hibernating" and workload.phase == "Hibernating"
        assert workload.phase.name not in phase_cls.__members__
        assert workload.conditions[0].status.value == "Degraded-ish"
        assert workload.additional_properties == {"gpuTopology": {"nvlink": True, "islands": [[0, 1], [2, 3]]}}
        assert workload.to_dict() == sent


@MODES
def test_missing_required_field_is_kept_leniently_and_raises_response_decode_error_in_strict_mode(
    cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane
) -> None:
    workload = run1(cp, mode, server.base_url, lambda c: c.workloads.workloads.get_workload(workload_id=BROKEN_WORKLOAD_ID))
    assert "createdAt" not in workload.to_dict() and str(workload.id) == BROKEN_WORKLOAD_ID

    with pytest.raises(ResponseDecodeError) as caught:
        run1(cp, mode, server.base_url, lambda c: c.workloads.workloads.get_workload(workload_id=BROKEN_WORKLOAD_ID),
             strict_responses=True)

    assert caught.value.status_code == 200
    assert "createdAt" in str(caught.value)
    assert json.loads(caught.value.response.content)["id"] == BROKEN_WORKLOAD_ID


# -- errors ------------------------------------------------------------------------------------------


@MODES
def test_non_2xx_answers_raise_typed_errors(cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane) -> None:
    with pytest.raises(NotFoundError) as not_found:
        run1(cp, mode, server.base_url, lambda c: c.organizations.projects.get_project(project_id="404"))
    taken = {"name": "research", "clusterId": CLUSTER_ID}
    with pytest.raises(ConflictError) as conflict:
        run1(cp, mode, server.base_url, lambda c: c.organizations.departments.create_department(body=taken))
    with pytest.raises(AuthenticationError) as unauthorized:
        run1(cp, mode, server.base_url,
             lambda c: c.authentication.tokens.grant_token_v2(body={"grant_type": "client_credentials", "client_id": "x"}))

    assert not_found.value.status_code == 404
    assert not_found.value.body == {"code": 404, "message": "Project 404 was not found."}
    assert "Project 404 was not found." in str(not_found.value)
    assert conflict.value.status_code == 409 and isinstance(conflict.value, ApiError)
    assert unauthorized.value.status_code == 401
    assert [r.raw_path for r in control_plane.take()] == [
        "/api/v1/org-unit/projects/404", "/api/v1/org-unit/departments", "/api/v2/token"
    ]


# -- deprecation and navigation ----------------------------------------------------------------------


@MODES
def test_deprecated_operation_warns_and_keeps_its_signature(
    cp: ModuleType, mode: str, server: LoopbackServer, control_plane: ControlPlane
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        legacy = run1(cp, mode, server.base_url, lambda c: c.organizations.projects.get_projects_2(cluster_id=uuid.UUID(CLUSTER_ID)))
        current = run1(cp, mode, server.base_url, lambda c: c.organizations.projects.get_projects())

    deprecations = [w for w in caught if issubclass(w.category, DeprecationWarning)]
    assert len(deprecations) == 1, [str(w.message) for w in caught]
    assert "getProjects" in str(deprecations[0].message)
    # The warning points at the caller's line, not at the runtime.
    assert deprecations[0].filename == __file__
    assert sorted(p.name for p in legacy) == ["nlp", "train-vision"]
    assert type(legacy[0]) is model("LegacyProject") and legacy[0].department.allow_over_quota is True
    assert len(current.projects) == 3

    client = (cp.Client if mode == "sync" else cp.AsyncClient)(base_url=server.base_url)
    method = client.organizations.projects.get_projects_2
    close(client)
    parameters = inspect.signature(method).parameters
    assert list(parameters) == ["cluster_id", "request_options"]
    assert parameters["cluster_id"].kind is inspect.Parameter.KEYWORD_ONLY
    assert parameters["cluster_id"].default is inspect.Parameter.empty
    assert "deprecated" in (inspect.getdoc(method) or "").lower()
    assert "GET /v1/k8s/clusters/{clusterId}/projects" in (inspect.getdoc(method) or "")
    assert inspect.iscoroutinefunction(method) is (mode == "async")


@MODES
def test_options_list_groups_and_hide_deprecated_methods(cp: ModuleType, mode: str, spec: dict[str, Any]) -> None:
    client = (cp.Client if mode == "sync" else cp.AsyncClient)(base_url="http://127.0.0.1:9")
    index = json.loads((REFERENCE / PACKAGE / "operations.json").read_text())
    deprecated_in_spec = {
        (method.upper(), path): op.get("deprecated") is True
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    }

    assert client.options() == [snake(g["name"]) for g in spec["x-tagGroups"]]
    checked = 0
    for tag_group in spec["x-tagGroups"]:
        category = getattr(client, snake(tag_group["name"]))
        assert category.options() == [snake(tag) for tag in tag_group["tags"]]
        for tag in tag_group["tags"]:
            group = getattr(category, snake(tag))
            entries = [e for e in index if e["group"] == tag]
            assert entries, f"operations.json has no operation of {tag}"
            names = {e["python_name"].rsplit(".", 1)[1]: deprecated_in_spec[(e["method"], e["path"])] for e in entries}
            pagers = {e["pager"]["method"]: names[e["python_name"].rsplit(".", 1)[1]] for e in entries if e["pager"]}
            assert sorted(group.options()) == sorted(n for n, dep in {**names, **pagers}.items() if not dep)
            assert sorted(group.options(include_deprecated=True)) == sorted({**names, **pagers})
            for name in [*names, *pagers]:
                assert callable(getattr(group, name))
            checked += len(names)
    assert checked == sum(deprecated_in_spec.values()) + sum(not d for d in deprecated_in_spec.values())
    assert "get_projects_2" in client.organizations.projects.options(include_deprecated=True)
    assert "get_projects_2" not in client.organizations.projects.options()
    close(client)
