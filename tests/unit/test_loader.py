from __future__ import annotations

import json
from pathlib import Path

import pytest
from specloom.diagnostics import Diagnostics, SpecError
from specloom.loader import Location, SpecSet, parse_text

from .specbuild import build, model, openapi, warnings_text


def test_yaml_is_read_with_the_core_schema() -> None:
    data = parse_text("a: 1e-08\nb: yes\nc: 2024-01-01\nd: on\ne: 010\nf: 0o10\ng: null\nh: True\n", "x.yaml")
    assert data == {"a": 1e-08, "b": "yes", "c": "2024-01-01", "d": "on", "e": 10, "f": 8, "g": None, "h": True}


def test_yaml_in_a_json_file_is_read() -> None:
    assert parse_text("{a: 1, b: [x, y]}", "spec.json") == {"a": 1, "b": ["x", "y"]}


def test_yaml_never_builds_python_objects() -> None:
    with pytest.raises(SpecError, match="x.yaml"):
        parse_text("a: !!python/object/apply:os.system ['true']\n", "x.yaml")


@pytest.mark.parametrize(("text", "where"), [("a: [1, 2\n", "line"), ('{"a": 1,, }', "line")])
def test_syntax_errors_name_the_file_and_position(text: str, where: str) -> None:
    with pytest.raises(SpecError) as info:
        parse_text(text, "broken.yaml")
    assert "broken.yaml" in str(info.value) and where in str(info.value)


def test_refs_across_files_and_chains(tmp_path: Path) -> None:
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "pet.yaml").write_text("Pet:\n  type: object\n  properties:\n    owner: {$ref: '#/Owner'}\nOwner:\n  type: object\n  properties:\n    name: {type: string}\n")
    spec = openapi(
        paths={"/pets/{id}": {"get": {"operationId": "getPet", "parameters": [{"$ref": "#/components/parameters/Alias"}],
               "responses": {"200": {"$ref": "#/components/responses/PetResponse"}}}}},
        parameters={},
    )
    spec["components"]["parameters"] = {"Alias": {"$ref": "#/components/parameters/Id"}, "Id": {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}}
    spec["components"]["responses"] = {"PetResponse": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "common/pet.yaml#/Pet"}}}}}
    api, diagnostics = build(tmp_path, spec)
    op = api.operations[0]
    assert [p.wire_name for p in op.parameters] == ["id"]
    assert op.responses[0].type is not None and op.responses[0].type.kind == "model"
    pet = api.models[op.responses[0].type.ref or ""]
    assert pet.spec_name == "Pet" and pet.properties[0].type.kind == "model"
    assert not diagnostics.warnings


def test_dangling_ref_is_a_warning_naming_file_and_pointer(tmp_path: Path) -> None:
    api, diagnostics = build(tmp_path, openapi({"A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/Missing"}}}}))
    assert model(api, "A").properties[0].type.kind == "any"
    assert "openapi.json#/components/schemas/A/properties/b" in warnings_text(diagnostics)


def test_ref_loop_is_an_error_not_a_hang(tmp_path: Path) -> None:
    specs = SpecSet(_write(tmp_path, {"a": {"$ref": "#/b"}, "b": {"$ref": "#/a"}}), Diagnostics())
    with pytest.raises(SpecError, match="loops"):
        specs.deref({"$ref": "#/a"}, Location("spec.json"))


def test_url_refs_are_never_fetched(tmp_path: Path) -> None:
    specs = SpecSet(_write(tmp_path, {}), Diagnostics())
    assert specs.resolve("https://example.com/x.json#/a", Location("spec.json")) is None
    assert "never fetched" in warnings_text(specs.diagnostics)


def test_not_openapi_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="openapi"):
        build(tmp_path, {"hello": "world"})


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(data))
    return path
