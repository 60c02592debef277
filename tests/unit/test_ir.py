from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from specloom.ir import TypeRef

from .specbuild import build, model, openapi, warnings_text

SCHEMAS = {
    "Base": {"type": "object", "required": ["id", "id"], "properties": {"id": {"type": "string", "format": "uuid", "readOnly": True}}},
    "Extended": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "properties": {"size": {"type": "integer", "format": "int64", "minimum": 0, "exclusiveMinimum": True}}}]},
    "Narrowed": {"allOf": [{"type": "object", "properties": {"v": {"type": "string"}}}, {"properties": {"v": {"type": "integer"}}}]},
    "Phase": {"type": "string", "enum": ["Running", "True", "False", "None", "", "In Progress"]},
    "PhaseRef": {"allOf": [{"$ref": "#/components/schemas/Phase"}], "description": "documented"},
    "Nullable": {"allOf": [{"$ref": "#/components/schemas/Base"}], "nullable": True},
    "Empty": {"allOf": [{}, {"type": "string", "maxLength": 3}]},
    "Choice": {"oneOf": [{"$ref": "#/components/schemas/Base"}, {"type": "string"}, {"type": "null"}]},
    "Labels": {"type": "object", "additionalProperties": {"type": "integer"}},
    "Closed": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": False},
    "Tree": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}}},
    "Ids": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}, "minItems": 1, "uniqueItems": True},
    "Defaults": {"type": "object", "properties": {
        "count": {"type": "integer", "default": 3},
        "wrong": {"type": "integer", "default": "three"},
        "phase": {"$ref": "#/components/schemas/Phase", "default": "Running"},
        "when": {"type": "string", "format": "date-time"},
        "day": {"type": "string", "format": "date"},
        "ratio": {"type": "number", "format": "double", "multipleOf": 0.5},
        "secret": {"type": "string", "writeOnly": True},
        "from": {"type": "string"},
        "gpu-memory": {"type": "string"},
        "additional_properties": {"type": "string"},
    }},
    "department": {"type": "object", "properties": {"x": {"type": "string"}}},
    "Department": {"type": "object", "properties": {"y": {"type": "string"}}},
    "NoType": {"properties": {"a": {"type": "string"}}},
}


def test_schema_constructs(tmp_path: Path) -> None:
    api, diagnostics = build(tmp_path, openapi(SCHEMAS))
    components = [m for m in api.models.values() if m.component]
    assert sorted(m.spec_name for m in components) == sorted(SCHEMAS)

    extended = model(api, "Extended")
    assert [p.wire_name for p in extended.properties] == ["id", "size"]
    size = extended.properties[1].type
    assert size.kind == "integer" and size.format == "int64"
    assert size.constraint("exclusiveMinimum") == 0 and size.constraint("minimum") is None
    assert extended.properties[0].required and extended.properties[0].read_only

    narrowed = model(api, "Narrowed").properties[0].type
    assert narrowed.kind == "union" and {v.kind for v in narrowed.variants} == {"string", "integer"}

    phase = model(api, "Phase")
    assert phase.kind == "enum" and [m.value for m in phase.members] == ["Running", "True", "False", "None", "", "In Progress"]
    assert [m.python_name for m in phase.members] == ["RUNNING", "TRUE", "FALSE", "NONE", "EMPTY", "IN_PROGRESS"]
    phase_ref = model(api, "PhaseRef").alias
    assert phase_ref is not None and phase_ref.kind == "model" and phase_ref.ref == phase.key

    # Only allOf around a $ref: the referenced model itself (nullable here), listed as an alias of it.
    nullable = model(api, "Nullable")
    assert nullable.kind == "alias" and nullable.alias == TypeRef("model", ref=model(api, "Base").key, nullable=True)
    empty = model(api, "Empty").alias
    assert empty is not None and empty.kind == "string" and empty.constraint("maxLength") == 3

    choice = model(api, "Choice").alias
    assert choice is not None and choice.kind == "union" and choice.nullable
    assert model(api, "Labels").additional == TypeRef("integer")
    assert model(api, "Closed").additional is None
    tree = model(api, "Tree").properties[0].type
    assert tree.items is not None and tree.items.ref == model(api, "Tree").key
    ids = model(api, "Ids").alias
    assert ids is not None and ids.constraint("uniqueItems") is True and ids.items is not None and ids.items.constraint("pattern") == "^[a-z]+$"

    defaults = {p.wire_name: p for p in model(api, "Defaults").properties}
    assert defaults["count"].has_default and defaults["count"].default == 3
    assert not defaults["wrong"].has_default
    assert defaults["phase"].has_default and defaults["phase"].default == "Running"
    assert defaults["when"].type.format == "date-time" and defaults["day"].type.format == "date"
    assert defaults["ratio"].type.constraint("multipleOf") == 0.5
    assert defaults["secret"].write_only
    assert defaults["from"].python_name == "from_"
    assert defaults["gpu-memory"].python_name == "gpu_memory"
    assert defaults["additional_properties"].python_name == "additional_properties_"
    assert model(api, "NoType").kind == "object"

    assert model(api, "Department").class_name == "Department"
    assert model(api, "department").class_name == "Department_2"
    text = warnings_text(diagnostics)
    assert "#/components/schemas/Defaults/properties/wrong/default" in text
    assert "#/components/schemas/Base/required" in text


def test_names_do_not_depend_on_document_order(tmp_path: Path) -> None:
    forward, _ = build(tmp_path, openapi(SCHEMAS))
    backward, _ = build(tmp_path, openapi(dict(reversed(list(SCHEMAS.items())))), "reversed.json")
    assert {m.spec_name: m.class_name for m in forward.models.values()} == {m.spec_name: m.class_name for m in backward.models.values()}


OPERATIONS = {
    "/v1/projects": {"get": {"operationId": "getProjects", "deprecated": True, "tags": ["Projects"], "responses": {"200": {"description": "ok"}}}},
    "/api/projects": {
        "get": {"operationId": "get_projects", "tags": ["Projects"], "parameters": [
            {"name": "from", "in": "query", "schema": {"type": "string", "format": "date-time"}},
            {"name": "filterBy", "in": "query", "style": "form", "explode": False, "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "filter_by", "in": "header", "schema": {"type": "string"}},
        ], "responses": {200: {"description": "ok", "content": {"text/csv": {"schema": {"type": "string"}}}}}},
        "post": {"operationId": "createProject", "tags": ["Projects"], "x-codegen-hint": ["a", "b"], "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}}}}}},
                 "responses": {"201": {"description": "created", "content": {"application/octet-stream": {}}}}},
    },
    "/departments/{department-id}": {"delete": {"operationId": "deleteDepartment", "tags": ["Departments"], "parameters": [
        {"name": "department-id", "in": "path", "required": True, "schema": {"type": "string"}}], "responses": {"204": {"description": "gone"}}}},
    "/token": {"post": {"tags": ["Tokens"], "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"grant_type": {"type": "string"}}}}}},
               "responses": {"200": {"description": "ok", "content": {"applicatin/json": {"schema": {"type": "object"}}}}}}},
}


def test_operations_groups_and_categories(tmp_path: Path) -> None:
    spec = openapi(paths=OPERATIONS, **{"x-tagGroups": [{"name": "Organizations", "tags": ["Projects", "Departments"]}], "x-logo": {"url": "u"}})
    spec["info"]["version"] = 2.2
    api, diagnostics = build(tmp_path, spec)
    names = {(o.method, o.path): o.python_name for o in api.operations}
    assert names == {
        ("GET", "/api/projects"): "organizations.projects.get_projects",
        ("GET", "/v1/projects"): "organizations.projects.get_projects_2",
        ("POST", "/api/projects"): "organizations.projects.create_project",
        ("DELETE", "/departments/{department-id}"): "organizations.departments.delete_department",
        ("POST", "/token"): "tokens.post_token",
    }
    assert api.top_groups == ("tokens",) and api.categories[0].groups == ("projects", "departments")
    get = next(o for o in api.operations if o.operation_id == "get_projects")
    params = {p.wire_name: p for p in get.parameters}
    assert params["from"].python_name == "from_" and params["from"].type.format == "date-time"
    # The spec name already in snake_case keeps the plain name.
    assert params["filterBy"].python_name == "filter_by_2" and not params["filterBy"].explode
    assert params["filter_by"].python_name == "filter_by" and params["filter_by"].location == "header"
    assert get.responses[0].kind == "text_stream"  # CSV: a file to save, streamed
    create = next(o for o in api.operations if o.operation_id == "createProject")
    assert create.body is not None and create.body.required and create.responses[0].kind == "bytes"
    token = next(o for o in api.operations if o.path == "/token")
    assert token.body is not None and token.body.media_type == "application/x-www-form-urlencoded"
    assert token.responses[0].kind == "json"
    assert dict(api.extensions)["x-logo"] == (("url", "u"),) and api.version == "2.2"
    assert dict(create.extensions)["x-codegen-hint"] == ("a", "b")
    text = warnings_text(diagnostics)
    assert "#/info/version" in text and "applicatin/json" in text


def test_swagger2_is_converted(tmp_path: Path) -> None:
    spec = {
        "swagger": "2.0", "info": {"title": "t", "version": "1"}, "host": "api.example.com", "basePath": "/v1",
        "definitions": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}},
        "paths": {"/pets": {"post": {"operationId": "addPet", "consumes": ["application/json"],
                  "parameters": [{"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Pet"}},
                                 {"name": "tags", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "csv"}],
                  "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Pet"}}}}}},
    }
    api, _ = build(tmp_path, spec)
    op = api.operations[0]
    assert op.body is not None and op.body.type.kind == "model" and op.body.required
    assert op.parameters[0].type.kind == "array" and not op.parameters[0].explode
    assert op.responses[0].type is not None and api.models[op.responses[0].type.ref or ""].spec_name == "Pet"
    assert api.servers == ("https://api.example.com/v1",)


def test_openapi_31_type_lists_and_const(tmp_path: Path) -> None:
    spec = openapi({"A": {"type": "object", "properties": {"n": {"type": ["string", "null"]}, "k": {"const": "fixed"},
                                                          "e": {"type": "number", "exclusiveMinimum": 1}}}})
    spec["openapi"] = "3.1.0"
    api, _ = build(tmp_path, spec)
    props = {p.wire_name: p.type for p in model(api, "A").properties}
    assert props["n"].kind == "string" and props["n"].nullable
    assert api.models[props["k"].ref or ""].members[0].value == "fixed"
    assert props["e"].constraint("exclusiveMinimum") == 1


def test_yaml_spec_with_integer_codes_and_floats(tmp_path: Path) -> None:
    text = json.dumps(openapi({"A": {"type": "number", "minimum": 1e-08}}))
    api, _ = build(tmp_path, text.replace('"minimum": 1e-08', '"minimum": 1e-08'), "spec.yaml")
    alias = model(api, "A").alias
    assert alias is not None and alias.constraint("minimum") == 1e-08


def test_names_are_carried_from_release_to_release(tmp_path: Path) -> None:
    from specloom.build import load_api
    from specloom.diagnostics import Diagnostics
    from specloom.ledger import Ledger

    legacy = {"get": {"operationId": "getMetrics", "tags": ["Projects"], "responses": {"200": {"description": "ok"}}}}
    newer = {"get": {"operationId": "get_metrics", "tags": ["Projects"], "responses": {"200": {"description": "ok"}}}}
    first, _ = build(tmp_path, openapi({"department": {"type": "object"}}, paths={"/v1/metrics": legacy}), "a.json")
    (tmp_path / "b.json").write_text(json.dumps(openapi({"department": {"type": "object"}, "Department": {"type": "object"}},
                                                        paths={"/v1/metrics": legacy, "/v2/metrics": newer})))
    alone = load_api(tmp_path / "b.json", Diagnostics())
    carried = load_api(tmp_path / "b.json", Diagnostics(), Ledger.of(first).then(Ledger()))

    def names(api: object) -> dict[str, str]:
        return {o.path: o.python_name for o in api.operations}  # type: ignore[attr-defined]

    assert names(first) == {"/v1/metrics": "projects.get_metrics"}
    # Ranked alone, the snake_case newcomer would take the name; carried, the old operation keeps it.
    assert names(alone) == {"/v1/metrics": "projects.get_metrics_2", "/v2/metrics": "projects.get_metrics"}
    assert names(carried) == {"/v1/metrics": "projects.get_metrics", "/v2/metrics": "projects.get_metrics_2"}
    first_department = model(first, "department")
    kept = next(m for m in carried.models.values() if m.spec_name == "department")
    assert first_department.class_name == "Department"
    assert (kept.class_name, kept.module) == (first_department.class_name, first_department.module)


def test_all_of_takes_null_only_when_every_part_does(tmp_path: Path) -> None:
    # JSON Schema semantics: null must pass every branch of an allOf (Run:ai 2.24's PVCAssetSpec -> Pvc).
    maybe = {"type": "object", "nullable": True, "properties": {"a": {"type": "string"}}}
    ref = {"$ref": "#/components/schemas/Maybe"}
    schemas = {
        "Maybe": maybe,
        "Sure": {"type": "object", "properties": {"b": {"type": "string"}}},
        "Holder": {"type": "object", "properties": {
            "every": {"allOf": [ref, {"$ref": "#/components/schemas/Maybe2"}]},
            "wrapped": {"allOf": [{"allOf": [ref]}]},
            "mixed": {"allOf": [ref, {"$ref": "#/components/schemas/Sure"}]},
            "own": {"allOf": [ref], "properties": {"c": {"type": "string"}}},
            "untyped": {"allOf": [ref, {"description": "only words"}]},
        }},
        "Maybe2": {**maybe, "properties": {"d": {"type": "integer"}}},
    }
    api, _ = build(tmp_path, openapi(schemas))
    nullable = {p.wire_name: p.type.nullable for p in model(api, "Holder").properties}
    assert nullable == {"every": True, "wrapped": True, "mixed": False, "own": False, "untyped": True}


def test_operations_split_over_files_keep_everything(tmp_path: Path) -> None:
    """A path item whose operations live in files of their own (one real spec has 2,900 such files)."""
    (tmp_path / "resources" / "droplets" / "responses").mkdir(parents=True)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "parameters.json").write_text(json.dumps(
        {"per_page": {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1}}}
    ))
    (tmp_path / "resources" / "droplets" / "droplets_list.json").write_text(json.dumps({
        "operationId": "droplets_list",
        "tags": ["Droplets"],
        "parameters": [{"$ref": "../../shared/parameters.json#/per_page"},
                       {"name": "Accept", "in": "header", "schema": {"type": "string"}}],
        "responses": {"200": {"$ref": "responses/all_droplets.json"}},
    }))
    (tmp_path / "resources" / "droplets" / "droplets_get.json").write_text(json.dumps({
        "operationId": "droplets_get", "tags": ["Droplets"],
        "parameters": [{"name": "droplet_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "ok"}},
    }))
    (tmp_path / "resources" / "droplets" / "attributes.json").write_text(json.dumps(
        {"sizes": {"size": {"type": "string"}, "count": {"type": "integer"}}}
    ))
    (tmp_path / "resources" / "droplets" / "responses" / "all_droplets.json").write_text(json.dumps({
        "description": "ok",
        "content": {"application/json": {"schema": {"type": "object", "properties": {"$ref": "../attributes.json#/sizes"}}}},
    }))
    spec = openapi(paths={
        "/v2/droplets": {"get": {"$ref": "resources/droplets/droplets_list.json"}},
        "/v2/droplets/{droplet_id}": {"get": {"$ref": "resources/droplets/droplets_get.json"}},
    })
    api, diagnostics = build(tmp_path, spec)
    assert not diagnostics.warnings, warnings_text(diagnostics)
    ops = {op.operation_id: op for op in api.operations}
    assert set(ops) == {"droplets_list", "droplets_get"}
    assert {op.group for op in ops.values()} == {"Droplets"}
    listed = ops["droplets_list"]
    assert [(p.wire_name, p.location) for p in listed.parameters] == [("per_page", "query")]
    assert listed.parameters[0].type.constraint("minimum") == 1
    answer = api.models[listed.responses[0].type.ref or ""]
    assert answer.class_name == "AllDropletsResponse"
    assert [p.wire_name for p in answer.properties] == ["size", "count"]
    assert [(p.wire_name, p.type.kind) for p in ops["droplets_get"].parameters] == [("droplet_id", "integer")]


def test_header_parameters_the_rules_ignore_are_not_arguments(tmp_path: Path) -> None:
    headers = [{"name": name, "in": "header", "required": True, "schema": {"type": "string"}}
               for name in ("Accept", "content-type", "AUTHORIZATION", "X-Request-Tag")]
    api, _ = build(tmp_path, openapi(paths={"/things": {"get": {"parameters": headers, "responses": {"204": {"description": "x"}}}}}))
    assert [p.wire_name for p in api.operations[0].parameters] == ["X-Request-Tag"]


def test_an_operation_that_is_not_an_object_is_reported(tmp_path: Path) -> None:
    api, diagnostics = build(tmp_path, openapi(paths={"/things": {"get": "nope", "post": {"$ref": "missing.json"}}}))
    assert api.operations == ()
    text = warnings_text(diagnostics)
    assert "openapi.json#/paths/~1things/get: the GET operation is not an object; skipped" in text
    assert "missing.json" in text


def test_operations_without_tags_are_grouped_by_resource(tmp_path: Path) -> None:
    ok = {"responses": {"204": {"description": "x"}}}
    paths = {"/v2/customers": {"get": ok, "post": ok}, "/v2/customers/{id}": {"get": ok}, "/api/v1/orders.json": {"get": ok},
             "/": {"get": ok}, "/v2/invoices": {"get": {**ok, "tags": ["Billing"]}}}
    api, _ = build(tmp_path, openapi(paths=paths))
    grouped = {g.name: sorted((op.method, op.path) for op in g.operations) for g in api.groups}
    assert grouped == {
        "customers": [("GET", "/v2/customers"), ("GET", "/v2/customers/{id}"), ("POST", "/v2/customers")],
        "orders": [("GET", "/api/v1/orders.json")],
        "default": [("GET", "/")],
        "Billing": [("GET", "/v2/invoices")],
    }
    assert {op.path: op.tags for op in api.operations}["/v2/customers"] == ()


def test_webhooks_and_callbacks_are_reported_not_dropped_silently(tmp_path: Path) -> None:
    ok = {"responses": {"204": {"description": "x"}}}
    callbacks = {"onEvent": {"{$request.body#/url}": {"post": ok}}}
    spec = openapi(paths={"/subscribe": {"post": {**ok, "callbacks": callbacks}}}, webhooks={"newPet": {"post": ok}})
    spec["openapi"] = "3.1.0"
    api, diagnostics = build(tmp_path, spec)
    assert [(op.method, op.path) for op in api.operations] == [("POST", "/subscribe")]
    text = warnings_text(diagnostics)
    assert "openapi.json#/webhooks: 1 webhooks are not generated" in text
    assert "openapi.json#/paths/~1subscribe/post/callbacks: callbacks are not generated" in text


def test_a_tag_description_kept_in_another_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "texts.json").write_text(json.dumps({"pets": "Everything about pets."}))
    spec = openapi(paths={"/pets": {"get": {"tags": ["pets"], "responses": {"204": {"description": "x"}}}}},
                   tags=[{"name": "pets", "description": {"$ref": "texts.json#/pets"}}])
    api, diagnostics = build(tmp_path, spec)
    assert not diagnostics.warnings
    assert api.groups[0].description == "Everything about pets."


def test_a_boolean_component_schema_is_an_alias(tmp_path: Path) -> None:
    spec = openapi(schemas={"Anything": True})
    spec["openapi"] = "3.1.0"
    api, _ = build(tmp_path, spec)
    assert model(api, "Anything").kind == "alias"


def test_an_operation_without_an_operation_id_is_named_from_its_method_and_path(tmp_path: Path) -> None:
    ok = {"responses": {"200": {"description": "x", "content": {"application/json": {"schema": {
        "type": "object", "properties": {"n": {"type": "integer"}}}}}}}}
    api, _ = build(tmp_path, openapi(paths={"/v1/user-content/recent.json": {"get": ok}, "/v2/customers/{id}": {"delete": ok}}))
    names = {op.path: op.python_name for op in api.operations}
    assert names == {"/v1/user-content/recent.json": "user_content.get_user_content_recent",
                     "/v2/customers/{id}": "customers.delete_customers_id"}
    assert sorted(m.class_name for m in api.models.values()) == ["DeleteCustomersIdResponse", "GetUserContentRecentResponse"]


def test_groups_never_share_a_python_name_nor_hide_client_attributes(tmp_path: Path) -> None:
    ok = {"responses": {"204": {"description": "x"}}}
    paths = {"/a": {"get": {**ok, "operationId": "getA", "tags": ["a-b"]}},
             "/b": {"get": {**ok, "operationId": "getB", "tags": ["a_b"]}},
             "/c": {"get": {**ok, "operationId": "getC", "tags": ["config"]}}}
    api, _ = build(tmp_path, openapi(paths=paths, **{"x-tagGroups": [{"name": "cat", "tags": ["a-b"]}]}))
    names = {op.operation_id: op.python_name for op in api.operations}
    assert names == {"getA": "cat.a_b.get_a", "getB": "a_b_2.get_b", "getC": "config_2.get_c"}
    assert len({g.python_name for g in api.groups}) == len(api.groups)


def test_runtime_client_attributes_are_all_reserved() -> None:
    from specloom.build import CLIENT_ATTRIBUTES
    from specloom_runtime import BaseAsyncClient, BaseClient, BaseThreadedClient

    client = BaseClient(base_url="http://127.0.0.1:9")
    public = {n for kind in (BaseClient, BaseAsyncClient, BaseThreadedClient) for n in dir(kind) if not n.startswith("_")}
    public |= {n for n in vars(client) if not n.startswith("_")}
    client.close()
    assert public <= CLIENT_ATTRIBUTES


def test_model_classes_never_take_a_name_their_module_imports(tmp_path: Path) -> None:
    schemas = {name: {"type": "object", "properties": {"n": {"type": "integer"}}} for name in ("UNSET", "Any", "Pet")}
    api, _ = build(tmp_path, openapi(schemas=schemas))
    assert sorted(m.class_name for m in api.models.values()) == ["Any_2", "Pet", "UNSET_2"]


def test_a_split_swagger2_spec_refers_back_into_its_root(tmp_path: Path) -> None:
    """Other files point at the root's #/definitions, which conversion moved to #/components/schemas."""
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "Pet.json").write_text(json.dumps(
        {"type": "object", "properties": {"owner": {"$ref": "../openapi.json#/definitions/Owner"},
                                          "tag": {"$ref": "common.json#/definitions/Tag"}}}
    ))
    (tmp_path / "schemas" / "common.json").write_text(json.dumps(
        {"definitions": {"Tag": {"type": "object", "properties": {"label": {"type": "string"}}}}}
    ))
    spec = {"swagger": "2.0", "info": {"title": "t", "version": "1"},
            "paths": {"/pets": {"get": {"responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Pet"}}}}}},
            "definitions": {"Pet": {"$ref": "schemas/Pet.json"},
                            "Owner": {"type": "object", "properties": {"name": {"type": "string"}}}}}
    api, diagnostics = build(tmp_path, spec)
    assert not diagnostics.warnings, warnings_text(diagnostics)
    pet = next(m for m in api.models.values() if m.class_name == "Pet")
    assert pet.kind == "object", "the class takes the name; the root's alias of it gets the suffix"
    types = {p.wire_name: api.models[p.type.ref or ""].class_name for p in pet.properties}
    assert types == {"owner": "Owner", "tag": "Tag"}


def test_swagger2_form_parameters_by_ref_become_the_request_body(tmp_path: Path) -> None:
    spec = {"swagger": "2.0", "info": {"title": "t", "version": "1"},
            "parameters": {"pet": {"name": "pet", "in": "formData", "type": "string", "required": True},
                           "q": {"name": "q", "in": "query", "type": "integer"}},
            "paths": {"/": {"parameters": [{"$ref": "#/parameters/q"}],
                            "put": {"consumes": ["application/x-www-form-urlencoded"], "parameters": [{"$ref": "#/parameters/pet"}],
                                    "responses": {"200": {"description": "ok"}}}}}}
    api, diagnostics = build(tmp_path, spec)
    assert not diagnostics.warnings, warnings_text(diagnostics)
    op = api.operations[0]
    assert [p.wire_name for p in op.parameters] == ["q"]
    assert op.body is not None and op.body.media_type == "application/x-www-form-urlencoded"
    form = api.models[op.body.type.ref or ""]
    assert [(p.wire_name, p.required) for p in form.properties] == [("pet", True)]


def test_names_the_client_classes_use_are_never_given_to_groups(tmp_path: Path) -> None:
    ok = {"responses": {"204": {"description": "x"}}}
    paths = {"/a": {"get": {**ok, "operationId": "getA", "tags": ["cached_property"]}},
             "/b": {"get": {**ok, "operationId": "getB", "tags": ["inner"]}}}
    api, _ = build(tmp_path, openapi(paths=paths, **{"x-tagGroups": [{"name": "cat", "tags": ["inner"]}]}))
    assert sorted(op.python_name for op in api.operations) == ["cached_property_2.get_a", "cat.inner.get_b"]


def test_a_category_and_groups_that_snake_case_alike(tmp_path: Path) -> None:
    ok = {"responses": {"204": {"description": "x"}}}
    paths = {"/a": {"get": {**ok, "operationId": "getA", "tags": [""]}},
             "/b": {"get": {**ok, "operationId": "getB", "tags": [" "]}},
             "/c": {"get": {**ok, "operationId": "getC", "tags": ["_"]}}}
    api, _ = build(tmp_path, openapi(paths=paths, **{"x-tagGroups": [{"name": "Value", "tags": ["", "pet"]}]}))
    assert len({g.python_name for g in api.groups}) == 3
    assert len({op.python_name.rsplit(".", 1)[0] for op in api.operations}) == 3


def test_a_percent_encoded_file_reference_is_followed(tmp_path: Path) -> None:
    (tmp_path / "my pets.json").write_text(json.dumps({"Pet": {"type": "object", "properties": {"n": {"type": "string"}}}}))
    api, diagnostics = build(tmp_path, openapi(schemas={"Pet": {"$ref": "my%20pets.json#/Pet"}}))
    assert not diagnostics.warnings, warnings_text(diagnostics)
    assert [p.wire_name for p in next(m for m in api.models.values() if m.kind == "object").properties] == ["n"]


def test_event_streams_and_json_lines_are_streamed_kinds(tmp_path: Path) -> None:
    def answer(media: str, schema: dict[str, Any] | None) -> dict[str, Any]:
        content = {media: {"schema": schema} if schema is not None else {}}
        return {"get": {"operationId": media.replace("/", "_"), "responses": {"200": {"description": "d", "content": content}}}}

    paths = {"/a": answer("text/event-stream", {"type": "string"}), "/b": answer("text/event-stream; charset=utf-8", None),
             "/c": answer("application/x-ndjson", {"$ref": "#/components/schemas/Item"}),
             "/d": answer("application/jsonl", {"type": "object"}), "/e": answer("application/json-seq", None)}
    api, diagnostics = build(tmp_path, openapi({"Item": {"type": "object"}}, paths))

    kinds = {o.path: (o.responses[0].kind, o.responses[0].type.kind if o.responses[0].type else None) for o in api.operations}
    assert kinds == {"/a": ("events", "string"), "/b": ("events", "any"), "/c": ("lines", "model"),
                     "/d": ("lines", "map"), "/e": ("lines", "any")}
    assert not diagnostics.warnings  # no "looks like JSON" for the JSON-lines media types
