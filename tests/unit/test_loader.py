from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from specloom import yaml12 as loader_module
from specloom.diagnostics import Diagnostics, SpecError
from specloom.loader import Location, SpecSet, parse_text

from tests.support import PUBLIC_SPECS

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


# YAML through libyaml (CSafeLoader) when PyYAML has it, else the pure-Python SafeLoader: same results.

LOADERS = [
    pytest.param(loader_module._CoreSchemaLoader, id="python"),
    pytest.param(
        loader_module._CCoreSchemaLoader,
        id="libyaml",
        marks=pytest.mark.skipif(loader_module._CCoreSchemaLoader is None, reason="PyYAML was built without libyaml"),
    ),
]
INF, NAN = float("inf"), float("nan")
# (a scalar as written in YAML, the value the YAML 1.2 core schema gives it)
TRICKY_SCALARS: list[tuple[str, Any]] = [
    ("1e-08", 1e-08), ("1E3", 1000.0), ("-2.5e+3", -2500.0), (".5", 0.5), ("1.", 1.0), ("-0.0", -0.0), ("1e400", INF),
    ("12e", "12e"), ("1_000", "1_000"), ("1:20", "1:20"), ("0b101", "0b101"), ("0o8", "0o8"), ("0x", "0x"),
    ("0o17", 15), ("0x1F", 31), ("0xff", 255), ("017", 17), ("-017", -17), ("+12", 12), ("0", 0),
    ("123456789012345678901234567890", 123456789012345678901234567890),
    (".inf", INF), ("-.inf", -INF), ("+.Inf", INF), (".nan", NAN), (".NaN", NAN), ("nan", "nan"), ("inf", "inf"),
    ("~", None), ("null", None), ("Null", None), ("NULL", None), ("", None), ("nUll", "nUll"),
    ("true", True), ("True", True), ("FALSE", False), ("tRUE", "tRUE"),
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("n", "n"), ("Y", "Y"),
    ("2024-01-01", "2024-01-01"), ("2024-01-01T10:00:00Z", "2024-01-01T10:00:00Z"), ("=", "="), ("<<", "<<"),
    ("'1'", "1"), ('"true"', "true"), ("'~'", "~"), ("!!str 12", "12"), ("!!float 1", 1.0), ("!!int '0x1F'", 31),
    ("!!bool true", True), ("!!null ''", None), ("'é ünïcode ✓'", "é ünïcode ✓"), ('"tab\\there"', "tab\there"),
]  # fmt: skip
# Structure around the scalars: anchors and aliases, a YAML 1.1 merge key (a plain key in 1.2), block
# scalars, flow collections, a duplicate key, an explicit document.
TRICKY_DOCUMENT = """\
%YAML 1.2
---
base: &base {type: object, required: [id]}
copy: *base
merged: {<<: *base, extra: 1}
folded: >
  one
  two
literal: |-
  keep
    indent
flow: [1, 2.0, yes, ~, {a: [b, {c: d}]}]
"key with spaces": 'it''s'
? complex key
: value
dup: 1
dup: 2
...
"""


def _load(text: str, loader: Any) -> Any:
    return yaml.load(text, Loader=loader)


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(("text", "expected"), TRICKY_SCALARS, ids=[text or "empty" for text, _ in TRICKY_SCALARS])
def test_yaml_core_schema_scalars(loader: Any, text: str, expected: Any) -> None:
    value = _load(f"value: {text}\n", loader)["value"]
    # repr tells 1 from 1.0 from True, -0.0 from 0.0, and matches nan with nan
    assert (type(value), repr(value)) == (type(expected), repr(expected))


@pytest.mark.skipif(loader_module._CCoreSchemaLoader is None, reason="PyYAML was built without libyaml")
def test_yaml_libyaml_and_python_loaders_agree_on_tricky_input() -> None:
    table = "".join(f"k{i}: {text}\n" for i, (text, _) in enumerate(TRICKY_SCALARS))
    for text in (table, TRICKY_DOCUMENT):
        python = _load(text, loader_module._CoreSchemaLoader)
        assert repr(_load(text, loader_module._CCoreSchemaLoader)) == repr(python)
    assert loader_module._YAML_LOADER is loader_module._CCoreSchemaLoader  # parse_text takes the fast one


def test_yaml_corpus_reads_the_same_with_libyaml_and_python() -> None:
    """Every YAML file of the public corpus (the DigitalOcean tree's 2,900 included) gives the same data."""
    if loader_module._CCoreSchemaLoader is None:
        pytest.skip("PyYAML was built without libyaml: only the pure-Python loader is used")
    if not PUBLIC_SPECS.is_dir():
        pytest.skip(f"the public spec corpus is not at {PUBLIC_SPECS} (../shared is not checked out beside the repo)")
    files = sorted(PUBLIC_SPECS.glob("*.yaml")) + sorted(
        p for p in (PUBLIC_SPECS / "digitalocean").rglob("*") if p.suffix in (".yaml", ".yml")
    )
    assert len(files) > 2000
    differ = []
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        if repr(_load(text, loader_module._CCoreSchemaLoader)) != repr(_load(text, loader_module._CoreSchemaLoader)):
            differ.append(str(path.relative_to(PUBLIC_SPECS)))
    assert not differ, f"libyaml and the pure-Python loader differ on {len(differ)} files: {differ[:10]}"


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [1, 2\n", "invalid YAML at line 2 column 1: "),
        ("a: 1\n b: 2\n", "invalid YAML at line 2 column 3: mapping values are not allowed"),
        ("é: 1\nb: 'x\x07'\n", "invalid YAML at line 2 column 6: unacceptable character '\\x07'"),
        ("a: *nope\n", "invalid YAML at line 1 column 4: found undefined alias"),
        ("a: !!python/object/apply:os.system ['true']\n", "could not determine a constructor"),
        ("a: !!python/name:os.system\n", "could not determine a constructor"),
        ("? [a, b]\n: 1\n", "unhashable"),
    ],
)
def test_yaml_errors_name_line_and_column_with_either_loader(
    loader: Any, text: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader_module, "_YAML_LOADER", loader)
    with pytest.raises(SpecError) as info:
        parse_text(text, "broken.yaml")
    assert "broken.yaml" in str(info.value) and message in str(info.value)


def test_yaml_falls_back_to_the_python_loader_without_libyaml() -> None:
    code = (
        "import yaml; yaml.__with_libyaml__ = False\n"
        "from specloom import loader, yaml12\n"
        "assert yaml12._CCoreSchemaLoader is None and yaml12._YAML_LOADER is yaml12._CoreSchemaLoader\n"
        "print(repr(loader.parse_text('a: 1e-08\\nb: yes\\nc: 017\\nd: 0o17\\ne: ~\\n', 'x.yaml')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == repr({"a": 1e-08, "b": "yes", "c": 17, "d": 15, "e": None})
