"""The GraphQL front end: a schema and its operation documents read into the IR (issue 12, item 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from specloom.diagnostics import Diagnostics, SpecError
from specloom.graphql.reader import load_graphql_api
from specloom.ir import Api, Model

from tests.support import REPO, SHARED_SPECS

GPUCLOUD = REPO / "specs" / "gpucloud"


def read(release: str) -> Api:
    return load_graphql_api(GPUCLOUD / release / "schema.graphql", Diagnostics())[0]


def model(api: Api, class_name: str) -> Model:
    return next(m for m in api.models.values() if m.class_name == class_name)


def release_dir(tmp_path: Path, schema: str, **operations: str) -> Path:
    (tmp_path / "operations").mkdir()
    (tmp_path / "schema.graphql").write_text(schema)
    for name, text in operations.items():
        (tmp_path / "operations" / f"{name}.graphql").write_text(text)
    return tmp_path / "schema.graphql"


def test_the_reference_releases_read_one_group_per_file_and_one_method_per_operation() -> None:
    old, new = read("1.0"), read("1.1")

    assert (len(old.operations), len(new.operations)) == (19, 20)
    assert [g.python_name for g in new.groups] == ["datacenters", "endpoints", "gpus", "nodes", "pods", "templates",
                                                   "user", "volumes"]
    assert {op.python_name for op in new.operations} - {op.python_name for op in old.operations} == {
        "datacenters.list_data_centers"}
    assert all(op.method == "POST" and op.path == "/graphql" and op.graphql is not None for op in new.operations)


def test_variables_are_typed_arguments_and_input_objects_and_enums_are_models() -> None:
    api = read("1.1")
    get_pod = next(op for op in api.operations if op.operation_id == "GetPod")
    [variable] = get_pod.parameters

    assert (variable.wire_name, variable.location, variable.required) == ("input", "variable", True)
    assert variable.type.kind == "model" and api.models[variable.type.ref or ""].class_name == "PodFilter"
    assert model(api, "PodStatus").kind == "enum" and "RUNNING" in [m.value for m in model(api, "PodStatus").members]
    created = next(p for p in model(api, "GetPodPod").properties if p.wire_name == "createdAt")
    assert created.type.format == "date-time" and created.required


def test_a_union_answer_is_one_class_per_type_told_apart_and_typename_is_sent() -> None:
    api = read("1.1")
    deploy = next(op for op in api.operations if op.operation_id == "DeployPod")
    data = api.models[deploy.responses[0].type.ref or ""]  # type: ignore[union-attr]
    [field] = data.properties

    assert field.type.kind == "union"
    variants = [api.models[v.ref or ""] for v in field.type.variants]
    assert [m.class_name for m in variants] == ["DeployPodPodFindAndDeployOnDemandCapacityError",
                                                "DeployPodPodFindAndDeployOnDemandPod"]
    pod = variants[1]
    assert ("__typename", "typename") == (pod.properties[0].wire_name, pod.properties[0].python_name)
    assert {"id", "name", "imageName", "machineId", "machine"} <= {p.wire_name for p in pod.properties}  # fragments merged
    assert deploy.graphql is not None and "fragment PodSummary on Pod" in deploy.graphql.document
    assert deploy.graphql.kind == "mutation"


def test_an_interface_answer_gets_typename_added_to_the_document_sent() -> None:
    api = read("1.1")
    node_ops = [op for op in api.operations if op.python_name.startswith("nodes.")]

    assert node_ops and all(op.graphql and "__typename" in op.graphql.document for op in node_ops)


def test_an_invalid_operation_fails_with_file_line_column_and_graphql_cores_reason(tmp_path: Path) -> None:
    schema = release_dir(tmp_path, "type Query { pod(id: ID!): Pod }\ntype Pod { id: ID! name: String }\n",
                         pods="query GetPod($id: ID!) {\n  pod(id: $id) {\n    id\n    nmae\n  }\n}\n")

    with pytest.raises(SpecError) as caught:
        load_graphql_api(schema, Diagnostics())

    assert str(caught.value) == ("operations/pods.graphql:4:5: Cannot query field 'nmae' on type 'Pod'. "
                                 "Did you mean 'name'?")


def test_a_schema_that_does_not_build_is_an_error_naming_where(tmp_path: Path) -> None:
    schema = release_dir(tmp_path, "type Query {\n  pod: Pod\n}\n")

    with pytest.raises(SpecError, match=r"schema.graphql:2:8: Unknown type 'Pod'"):
        load_graphql_api(schema, Diagnostics())


def test_a_field_defined_twice_is_repaired_with_a_warning(tmp_path: Path) -> None:
    schema = release_dir(tmp_path, "type Query {\n  pod: Pod\n}\ntype Pod {\n  id: ID!\n  id: String\n}\n",
                         pods="query GetPod { pod { id } }\n")
    diagnostics = Diagnostics()

    api = load_graphql_api(schema, diagnostics)[0]

    assert "Pod.id is defined twice; the first definition is used" in "\n".join(map(str, diagnostics.warnings))
    assert model(api, "GetPodPod").properties[0].type.nullable is False


def test_a_community_schema_with_an_undefined_type_is_refused() -> None:
    path = SHARED_SPECS / "graphql" / "runpod" / "runpod-rs.partial.graphql"
    if not path.is_file():
        pytest.skip(f"{path} is not there (../shared/specs is not checked out beside the repo)")

    with pytest.raises(SpecError, match=r"runpod-rs.partial.graphql:\d+:\d+: Unknown type 'PodTemplateInput'"):
        load_graphql_api(path, Diagnostics())


def test_an_introspection_result_reads_like_sdl(tmp_path: Path) -> None:
    import graphql

    sdl = "type Query { pod(id: ID!): Pod }\ntype Pod { id: ID! name: String }\n"
    result = graphql.graphql_sync(graphql.build_schema(sdl), graphql.get_introspection_query())
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps({"data": result.data}))
    (tmp_path / "operations").mkdir()
    (tmp_path / "operations" / "pods.graphql").write_text("query GetPod($id: ID!) { pod(id: $id) { id name } }\n")

    api, files = load_graphql_api(schema, Diagnostics())

    assert files == ["schema.json", "operations/pods.graphql"]
    assert [op.python_name for op in api.operations] == ["pods.get_pod"]
    assert [p.wire_name for p in model(api, "GetPodPod").properties] == ["id", "name"]


def test_a_custom_scalar_is_read_as_family_toml_says() -> None:
    plain = load_graphql_api(GPUCLOUD / "1.1" / "schema.graphql", Diagnostics())[0]
    mapped = load_graphql_api(GPUCLOUD / "1.1" / "schema.graphql", Diagnostics(), scalars=[("DateTime", "string")])[0]

    def created(api: Api) -> str | None:
        return next(p for p in model(api, "GetPodPod").properties if p.wire_name == "createdAt").type.format

    assert (created(plain), created(mapped)) == ("date-time", None)


def test_a_subscription_is_left_out_with_a_warning(tmp_path: Path) -> None:
    schema = release_dir(tmp_path, "type Query { pod: ID }\ntype Subscription { podStatus: String }\n",
                         pods="query GetPod { pod }\n\nsubscription Watch { podStatus }\n")
    diagnostics = Diagnostics()

    api = load_graphql_api(schema, diagnostics)[0]

    assert [op.operation_id for op in api.operations] == ["GetPod"]
    assert "operations/pods.graphql#3:1: subscription Watch is not generated" in "\n".join(map(str, diagnostics.warnings))


def test_an_anonymous_operation_is_an_error_asking_for_a_name(tmp_path: Path) -> None:
    schema = release_dir(tmp_path, "type Query { pod: ID }\n", pods="# the only operation\n{ pod }\n")

    with pytest.raises(SpecError, match=r"^operations/pods.graphql:2:1: an operation needs a name here"):
        load_graphql_api(schema, Diagnostics())


def test_a_schema_without_a_query_type_or_without_operations_says_so(tmp_path: Path) -> None:
    (tmp_path / "schema.graphql").write_text("type Foo { x: Int }\n")
    with pytest.raises(SpecError, match=r"^schema.graphql: Query root type must be provided"):
        load_graphql_api(tmp_path / "schema.graphql", Diagnostics())

    (tmp_path / "schema.graphql").write_text("type Query { x: Int }\n")
    diagnostics = Diagnostics()
    api = load_graphql_api(tmp_path / "schema.graphql", diagnostics)[0]
    assert api.operations == () and "no operations/*.graphql beside schema.graphql" in str(diagnostics.warnings[0])
