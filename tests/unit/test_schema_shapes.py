"""Schema shapes real specs use: they generate without a crash and read as the spec names them (issue 9)."""

from __future__ import annotations

import datetime
import importlib
import json
import sys
import typing
from pathlib import Path
from typing import Any

from specloom.ir import Api, TypeRef
from specloom.render import PackageInfo, Renderer

from tests.conformance.checks import mypy_strict, ruff_check

from .specbuild import build, model, openapi, warnings_text

REF = "#/components/schemas/"


def _render(api: Api, package: str = "shapes") -> dict[str, str]:
    return Renderer(api, PackageInfo(package, package, "0.1.0", "1.0")).render()


def _write(files: dict[str, str], out: Path) -> Path:
    for name, text in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    return out


def _by_wire(api: Api, spec_name: str) -> dict[str, Any]:
    return {p.wire_name: p for p in model(api, spec_name).properties}


# -- crashes ------------------------------------------------------------------------------


def test_union_members_of_every_kind_decode(tmp_path: Path) -> None:
    # KeyError 'array' / 'map' / 'union' in pytypes (member kinds once missing from its tables).
    schemas = {
        "Thing": {"type": "object", "properties": {"a": {"type": "string"}}},
        "Holder": {"type": "object", "properties": {
            "listed": {"oneOf": [{"type": "array", "items": {"$ref": REF + "Thing"}}, {"$ref": REF + "Thing"}]},
            "mapped": {"oneOf": [{"type": "object", "additionalProperties": {"type": "string"}}, {"type": "number"}]},
            "nested": {"anyOf": [{"oneOf": [{"$ref": REF + "Thing"}, {"type": "string"}]}, {"type": "number"}]},
            "plain": {"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "array", "items": {"type": "string"}}]},
        }},
    }
    api, _ = build(tmp_path, openapi(schemas))
    text = _render(api)["shapes/models/holder.py"]
    assert "'listed': union_of(list_of(model_of(Thing)), model_of(Thing))," in text
    assert "'mapped': union_of(map_of(STRING), NUMBER)," in text
    # A union inside a union keeps its own codec: its members are tried when the outer union tries it.
    assert "'nested': union_of(union_of(model_of(Thing), STRING), NUMBER)," in text
    assert "'plain': union_of(STRING, INTEGER, list_of(STRING))," in text


def test_object_in_a_type_list(tmp_path: Path) -> None:
    # KeyError 'object' in pytypes._bare (OpenAPI 3.1 type lists).
    schemas = {
        "Loose": {"type": ["object", "string", "null"], "properties": {"a": {"type": "integer"}}},
        "Holder": {"type": "object", "properties": {
            "free": {"type": ["object", "array"], "items": {"type": "integer"}},
        }},
    }
    spec = openapi(schemas)
    spec["openapi"] = "3.1.0"
    api, _ = build(tmp_path, spec)
    free = _by_wire(api, "Holder")["free"].type
    assert free.kind == "union" and [v.kind for v in free.variants] == ["map", "array"]
    assert free.variants[1].items == TypeRef("integer")
    loose = model(api, "Loose")
    assert loose.kind == "object" and [p.wire_name for p in loose.properties] == ["a"]
    files = _render(api)
    assert "free: dict[str, Any] | list[int] | Unset = UNSET" in files["shapes/models/holder.py"]


def test_defaults_that_do_not_fit_never_crash(tmp_path: Path) -> None:
    # StopIteration in render._default_literal: a null default on a nullable enum or model, an unknown enum value.
    schemas = {
        "Phase": {"type": "string", "enum": ["Running", "Done"]},
        "Count": {"type": "integer", "enum": [1, 2]},
        "Thing": {"type": "object", "properties": {"a": {"type": "string"}}},
        "Holder": {"type": "object", "properties": {
            "phase": {"allOf": [{"$ref": REF + "Phase"}], "nullable": True, "default": None},
            "thing": {"allOf": [{"$ref": REF + "Thing"}], "nullable": True, "default": None},
            "unknown": {"allOf": [{"$ref": REF + "Phase"}], "default": "Paused"},
            "inline": {"type": "string", "enum": ["a", "b"], "default": "c"},
            "truth": {"$ref": REF + "Count", "default": True},
            "done": {"allOf": [{"$ref": REF + "Phase"}], "default": "Done"},
            "when": {"type": "string", "format": "date-time", "default": "2024-01-01T00:00:00Z"},
        }},
    }
    api, diagnostics = build(tmp_path, openapi(schemas))
    props = _by_wire(api, "Holder")
    assert props["phase"].has_default and props["phase"].default is None
    assert props["thing"].has_default and props["thing"].default is None
    assert not props["unknown"].has_default and not props["inline"].has_default and not props["truth"].has_default
    assert not props["when"].has_default
    assert "/properties/unknown/default" in warnings_text(diagnostics)
    text = _render(api)["shapes/models/holder.py"]
    assert "phase: Phase | None | Unset = None" in text
    assert "thing: Thing | None | Unset = None" in text
    assert "done: Phase | Unset = Phase.DONE" in text
    assert "when: datetime.datetime | Unset = UNSET" in text


# -- names from the spec ------------------------------------------------------------------


def test_union_members_are_named_by_title_or_discriminator(tmp_path: Path) -> None:
    obj = {"type": "object"}
    schemas = {
        "Pet": {"oneOf": [
            {**obj, "title": "Cat", "properties": {"meow": {"type": "boolean"}}},
            {**obj, "title": "PetDog", "properties": {"bark": {"type": "boolean"}}},
            {**obj, "properties": {"chirp": {"type": "boolean"}}},
        ]},
        "Shape": {
            "discriminator": {"propertyName": "kind", "mapping": {"square": REF + "Shape/oneOf/2"}},
            "oneOf": [
                {**obj, "properties": {"kind": {"type": "string", "const": "circle"}, "r": {"type": "number"}}},
                {**obj, "allOf": [{"$ref": REF + "Tagged"}], "properties": {"side": {"type": "number"}}},
                {**obj, "properties": {"kind": {"type": "string"}, "edge": {"type": "number"}}},
                {**obj, "properties": {"kind": {"type": "string", "enum": ["a", "b"]}}},
                {"$ref": REF + "Thing"},
            ],
        },
        "Tagged": {**obj, "properties": {"kind": {"type": "string", "enum": ["triangle"]}}},
        "Thing": {**obj, "properties": {"kind": {"type": "string"}}},
    }
    spec = openapi(schemas)
    spec["openapi"] = "3.1.0"
    api, _ = build(tmp_path, spec)
    inline = sorted(m.class_name for m in api.models.values() if not m.component and m.kind == "object")
    # Title (without repeating the union's own name), const, allOf'd enum, mapping; VariantN only when nothing names it.
    assert inline == ["PetCat", "PetDog", "PetVariant2", "ShapeCircle", "ShapeSquare", "ShapeTriangle", "ShapeVariant3"]
    # A $ref member is the referenced model, not a copy.
    shape = model(api, "Shape").alias
    assert shape is not None and TypeRef("model", ref=model(api, "Thing").key) in shape.variants


# -- allOf around a $ref is that model ------------------------------------------------------


def test_all_of_around_a_ref_is_the_referenced_model(tmp_path: Path) -> None:
    user = {"$ref": REF + "UserMini"}
    schemas = {
        "UserMini": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Owner": {"allOf": [user], "nullable": True, "description": "The owner.", "title": "Owner", "example": {"id": "1"}},
        "Typed": {"type": "object", "allOf": [user], "readOnly": True},
        "File": {"type": "object", "properties": {
            "owner": {"allOf": [user], "nullable": True, "description": "Who owns it."},
            "creator": {"allOf": [user, {"description": "Who made it."}], "readOnly": True},
            "editor": {"allOf": [{"allOf": [user]}], "x-extra": 1},
            "lock": {"allOf": [user], "default": None, "nullable": True},
            "own": {"allOf": [user], "properties": {"extra": {"type": "string"}}},
            "needs": {"allOf": [user], "required": ["id"]},
        }},
    }
    api, _ = build(tmp_path, openapi(schemas))
    user_ref = TypeRef("model", ref=model(api, "UserMini").key)
    props = _by_wire(api, "File")
    assert props["owner"].type == TypeRef("model", ref=user_ref.ref, nullable=True)
    assert props["creator"].type == user_ref and props["creator"].read_only
    assert props["editor"].type == user_ref
    assert props["lock"].type.nullable and props["lock"].has_default
    # Something beside the allOf that changes the shape still makes a model of its own.
    assert props["own"].type.ref != user_ref.ref and props["needs"].type.ref != user_ref.ref
    assert sorted(m.spec_name for m in api.models.values() if not m.component) == ["FileNeeds", "FileOwn"]
    # Component wrappers stay listed, as aliases of the model they wrap.
    owner, typed = model(api, "Owner"), model(api, "Typed")
    assert owner.kind == "alias" and owner.alias == TypeRef("model", ref=user_ref.ref, nullable=True)
    assert typed.kind == "alias" and typed.alias == user_ref
    files = _render(api)
    rows = {row["schema"]: row for row in json.loads(files["shapes/schemas.json"])}
    assert rows["Owner"]["kind"] == "alias" and rows["Typed"]["kind"] == "alias"
    assert "owner: UserMini | None | Unset = UNSET" in files["shapes/models/file.py"]


# -- field names never shadow annotations ----------------------------------------------------


SHADOWING = {
    "Mixed": {"type": "object", "properties": {
        "bool": {"type": "boolean"}, "flag": {"type": "boolean"},
        "int": {"type": "integer"}, "count": {"type": "integer"},
        "str": {"type": "string"}, "float": {"type": "number"}, "ratio": {"type": "number"},
        "list": {"type": "array", "items": {"type": "string"}}, "tags": {"type": "array", "items": {"type": "string"}},
        "dict": {"type": "object", "additionalProperties": {"type": "string"}},
        "datetime": {"type": "string", "format": "date-time"}, "when": {"type": "string", "format": "date-time"},
        "bytes": {"type": "string", "format": "binary"}, "bool_": {"type": "string"},
        "choice": {"oneOf": [{"$ref": REF + "Leaf"}, {"type": "number"}]},
    }},
    "Leaf": {"type": "object", "properties": {"x": {"type": "string"}}},
}


def test_field_names_never_shadow_annotation_names(tmp_path: Path) -> None:
    api, _ = build(tmp_path, openapi(SHADOWING))
    names = {p.wire_name: p.python_name for p in model(api, "Mixed").properties}
    for builtin in ("bool", "int", "str", "float", "list", "dict", "datetime", "bytes"):
        assert names[builtin] == builtin + "_", names
    assert names["bool_"] == "bool__2"  # collision-checked, wire names unchanged
    assert names["flag"] == "flag"

    out = _write(_render(api, "shadowing"), tmp_path / "dist")
    sys.path.insert(0, str(out))
    try:
        module = importlib.import_module("shadowing.models.mixed")
        # Annotations are read in the class body, as type checkers read them: "bool" is still the type there.
        leaf = importlib.import_module("shadowing.models.leaf")
        hints = typing.get_type_hints(module.Mixed, {**vars(module), "datetime": datetime, "Leaf": leaf.Leaf})
        assert hints["flag"] == bool | module.Unset and hints["count"] == int | module.Unset
        assert hints["when"] == datetime.datetime | module.Unset and hints["tags"] == list[str] | module.Unset
        mixed = module.Mixed.from_dict({"bool": True, "int": 1, "list": ["a"], "bool_": "x", "choice": 2})
        assert (mixed.bool_, mixed.int_, mixed.list_, mixed.bool__2, mixed.choice) == (True, 1, ["a"], "x", 2.0)
        assert mixed.to_dict() == {"bool": True, "int": 1, "list": ["a"], "bool_": "x", "choice": 2.0}
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n == "shadowing" or n.startswith("shadowing.")]:
            del sys.modules[name]


# -- typed union decoders ------------------------------------------------------------------


def test_generated_code_is_clean_under_mypy_strict(tmp_path: Path) -> None:
    # Field names like "bool", union decoders returned from answer decoders, a union longer than the overloads.
    leaves = {f"Leaf{i}": {"type": "object", "required": [f"k{i}"], "properties": {f"k{i}": {"type": "string"}}} for i in range(18)}
    schemas = {
        **SHADOWING, **leaves,
        "Many": {"oneOf": [{"$ref": REF + name} for name in leaves]},
        "Few": {"anyOf": [{"$ref": REF + "Leaf0"}, {"type": "string", "format": "date-time"}, {"type": "integer"}]},
        "Holder": {"type": "object", "properties": {"many": {"$ref": REF + "Many"}, "few": {"$ref": REF + "Few"}}},
    }
    # Unions of containers whose members are unions ending alike: members split only outside brackets.
    schemas["Tags"] = {"type": "object", "properties": {
        "tags": {"oneOf": [{"type": "array", "items": {"type": ["string", "boolean"]}},
                           {"type": "object", "additionalProperties": {"type": ["integer", "boolean"]}}]},
        "mixed": {"anyOf": [{"type": "array", "items": {"$ref": REF + "Leaf1"}, "nullable": True},
                            {"type": "number"}, {"type": "string"}]}}}
    answer = {"description": "ok", "content": {"application/json": {"schema": {"$ref": REF + "Few"}}}}
    many = {"description": "ok", "content": {"application/json": {"schema": {"$ref": REF + "Many"}}}}
    paths = {"/few": {"get": {"operationId": "getFew", "responses": {"200": answer}}},
             "/many": {"get": {"operationId": "getMany", "responses": {"200": many}}}}
    api, _ = build(tmp_path, openapi(schemas, paths))
    out = _write(_render(api, "typedunions"), tmp_path / "dist")
    result = mypy_strict(out, "typedunions", tmp_path / "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_deeply_nested_arrays_are_still_checked(tmp_path: Path) -> None:
    """CPython allows 20 nested loops per function; validators of deeper values split into functions."""
    inner: dict[str, Any] = {"type": "string", "maxLength": 3}
    for _ in range(25):
        inner = {"type": "array", "items": inner}
    api, _ = build(tmp_path, openapi({"Grid": {"type": "object", "properties": {"grid": inner}}}))
    _write(_render(api, "deepgrid"), tmp_path / "dist")
    sys.path.insert(0, str(tmp_path / "dist"))
    try:
        validate = importlib.import_module("deepgrid.models.grid").validate_grid
    finally:
        sys.path.remove(str(tmp_path / "dist"))
    value: Any = "abcd"
    for _ in range(25):
        value = [value]
    problems: list[str] = []
    validate({"grid": value}, "body", problems)
    assert problems == ["body.grid" + "[0]" * 25 + ": must be at most 3 characters long"]


def test_models_named_like_runtime_classes(tmp_path: Path) -> None:
    """Schemas named Operation, Group, RequestOptions, UNSET, Any... keep working beside the runtime's own names;
    methods named list, str, dict beside annotations that use those builtins."""
    obj = {"type": "object", "properties": {"id": {"type": "string"}}}
    schemas = {name: obj for name in ("Operation", "Group", "RequestOptions", "BaseClient", "UNSET", "Any", "Mapping")}
    schemas["Holder"] = {"type": "object", "properties": {name.lower(): {"$ref": REF + name} for name in schemas}}
    body = {"content": {"application/json": {"schema": {"$ref": REF + "RequestOptions"}}}}
    answer = {"description": "ok", "content": {"application/json": {"schema": {"$ref": REF + "Operation"}}}}
    group = {"description": "ok", "content": {"application/json": {"schema": {"$ref": REF + "Group"}}}}
    ids = {"name": "ids", "in": "query", "required": True, "schema": {"type": "array", "items": {"type": "string"}}}
    paths = {"/ops": {"post": {"operationId": "makeOp", "requestBody": body, "responses": {"200": answer}}},
             "/groups": {"get": {"operationId": "getGroup", "responses": {"200": group}}},
             # Methods named after builtins that the annotations of later methods use.
             "/pets": {"get": {"operationId": "list", "responses": {"204": {"description": "ok"}}}},
             "/pets/search": {"get": {"operationId": "search", "parameters": [ids], "responses": {"200": {
                 "description": "ok", "content": {"application/json": {"schema": {"type": "object", "additionalProperties": {
                     "type": "string"}}}}}}}},
             "/pets/str": {"get": {"operationId": "str", "responses": {"204": {"description": "ok"}}}},
             "/pets/dict": {"get": {"operationId": "dict", "responses": {"204": {"description": "ok"}}}}}
    api, _ = build(tmp_path, openapi(schemas, paths))
    assert sorted(m.class_name for m in api.models.values()) == [
        "Any_2", "BaseClient", "Group", "Holder", "Mapping_2", "Operation", "RequestOptions", "UNSET_2"]
    out = _write(_render(api, "clash"), tmp_path / "dist")
    result = mypy_strict(out, "clash", tmp_path / "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
    proc, _ = ruff_check(out)
    assert proc.returncode == 0, proc.stdout
    sys.path.insert(0, str(out))
    try:
        package = importlib.import_module("clash")
        client = package.Client(base_url="http://127.0.0.1:9")
        assert callable(client.ops.make_op) and callable(client.groups.get_group) and callable(client.pets.list)
        client.close()
        models = importlib.import_module("clash.models")
        assert models.Operation.from_dict({"id": "x"}).to_dict() == {"id": "x"}
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n == "clash" or n.startswith("clash.")]:
            del sys.modules[name]
