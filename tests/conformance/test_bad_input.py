"""Acceptance 8: bad input stops with exit 2 and a message naming the file; recoverable defects are warnings."""

from __future__ import annotations

import copy
import json
import re
import traceback
from pathlib import Path
from typing import Any

import pytest
from specloom.cli import main

from tests.conformance.checks import operations, schemas
from tests.support import run_python


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(args)
    except SystemExit as exc:  # argparse; none of these cases should get there
        code = exc.code if isinstance(exc.code, int) else 1
    except Exception:  # noqa: BLE001 - the point is that nothing escapes
        pytest.fail(f"specloom {' '.join(args)} raised instead of reporting:\n{traceback.format_exc()}")
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# (file name, content, what the message must also name besides the file)
BROKEN = {
    "invalid-yaml": ("openapi.yaml", b"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {a: [}\n", ("line 3",)),
    "invalid-json": ("openapi.json", b'{"openapi": "3.0.3",\n "info": {"title": "t",\n "paths": {\n', ("line",)),
    "yaml-python-tag": (
        "openapi.yaml", b"openapi: 3.0.3\ninfo: !!python/object/apply:os.system ['touch /tmp/pwned-by-yaml']\n",
        ("line 2",),
    ),
    "not-openapi": ("openapi.yaml", b"hello: world\npaths: {}\n", ("#/openapi",)),
    "swagger-1.2": ("api.json", b'{"swaggerVersion": "1.2", "apis": []}', ("#/",)),
    "a-list": ("openapi.yaml", b"- openapi: 3.0.3\n", ()),
    "a-scalar": ("openapi.yaml", b"just some text\n", ()),
    "empty": ("openapi.yaml", b"", ()),
    "paths-not-an-object": ("openapi.yaml", b"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: [a, b]\n", ("#/paths",)),
    "not-utf8": ("openapi.json", b"\xff\xfe\x00{not text", ()),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_unreadable_spec_exits_2_naming_the_file(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name, content, also = BROKEN[case]
    spec = tmp_path / "specs" / name
    spec.parent.mkdir()
    spec.write_bytes(content)
    out = tmp_path / "out"
    code, stdout, stderr = _run(["generate", "--spec", str(spec), "--out", str(out), "--name", "pkg"], capsys)
    assert code == 2, f"exit {code}\n{stdout}\n{stderr}"
    assert "Traceback" not in stderr + stdout
    assert name in stderr, f"the message does not name {name}: {stderr!r}"
    missing = [text for text in also if text not in stderr]
    assert missing == [], f"the message does not say where: {stderr!r}"
    assert not out.exists(), "a failed generation wrote output"
    assert not Path("/tmp/pwned-by-yaml").exists(), "a YAML tag was executed"


def test_missing_spec_file_exits_2_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "nowhere" / "openapi.yaml"
    code, stdout, stderr = _run(
        ["generate", "--spec", str(spec), "--out", str(tmp_path / "out"), "--name", "pkg"], capsys
    )
    assert code == 2, f"exit {code}\n{stdout}\n{stderr}"
    assert "Traceback" not in stderr + stdout
    assert spec.name in stderr, stderr
    assert not (tmp_path / "out").exists()


def test_a_folder_given_as_spec_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.mkdir()
    code, stdout, stderr = _run(
        ["generate", "--spec", str(spec), "--out", str(tmp_path / "out"), "--name", "pkg"], capsys
    )
    assert code == 2, f"exit {code}\n{stdout}\n{stderr}"
    assert "Traceback" not in stderr + stdout and spec.name in stderr, stderr


_BASE = """\
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    Thing:
      type: object
      properties:
        name: {type: string}
"""

# (replace this text of _BASE, with this, the JSON pointer the warning must name)
DEFECTS = {
    "dangling-ref": (
        "schema: {$ref: '#/components/schemas/Thing'}", "schema: {$ref: '#/components/schemas/Missing'}",
        "/paths/~1things/get/responses/200/content/application~1json/schema",
    ),
    "integer-response-code": ("'200':", "200:", "/paths/~1things/get/responses/200"),
    "default-of-wrong-type": (
        "name: {type: string}", "name: {type: string}\n        count: {type: integer, default: many}",
        "/components/schemas/Thing/properties/count",
    ),
    "duplicate-required": (
        "type: object\n", "type: object\n      required: [name, name]\n", "/components/schemas/Thing/required",
    ),
    "yaml-1e-08-where-a-string-belongs": (
        "name: {type: string}", "name: {type: string, default: 1e-08}", "/components/schemas/Thing/properties/name",
    ),
}  # fmt: skip
_WARNING = re.compile(r"^warning: (?P<file>[^#\n]+)#(?P<pointer>\S*): (?P<message>.+)$", re.MULTILINE)


def _generate_defect(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str, str]:
    old, new, _ = DEFECTS[case]
    assert old in _BASE
    spec = tmp_path / "spec" / "openapi.yaml"
    spec.parent.mkdir()
    spec.write_text(_BASE.replace(old, new), encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = _run(["generate", "--spec", str(spec), "--out", str(out), "--name", "pkg"], capsys)
    assert code == 0, f"generation failed on a recoverable defect:\n{stderr}"
    assert "Traceback" not in stderr + stdout
    return out, stdout, stderr


@pytest.mark.parametrize("case", sorted(DEFECTS))
def test_recoverable_defect_is_a_warning_naming_file_and_pointer(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, _, stderr = _generate_defect(case, tmp_path, capsys)
    pointer = DEFECTS[case][2]
    warnings = [m.groupdict() for m in _WARNING.finditer(stderr)]
    assert warnings, f"no warning printed:\n{stderr}"
    named = [
        w for w in warnings if w["file"].endswith("openapi.yaml") and (w["pointer"] + "/").startswith(pointer + "/")
    ]
    assert named, f"no warning names openapi.yaml#{pointer} (or a part of it):\n{stderr}"
    # Nothing was lost on the way: the operation and the schema are still there.
    assert [(r["method"], r["path"]) for r in operations(out / "pkg")] == [("GET", "/things")]
    assert [r["schema"] for r in schemas(out / "pkg")] == ["Thing"]


@pytest.mark.parametrize("case", sorted(DEFECTS))
def test_the_summary_counts_the_warnings_it_prints(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, stdout, stderr = _generate_defect(case, tmp_path, capsys)
    counted = re.search(r", (\d+) warnings, ", stdout)
    assert counted, f"no warning count in the summary:\n{stdout}"
    printed = _WARNING.findall(stderr)
    assert int(counted.group(1)) == len(printed), f"the summary says {counted.group(1)} warnings, printed:\n{stderr}"


def test_yaml_1e_08_is_read_as_the_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """YAML 1.2 reads ``1e-08`` as a float (YAML 1.1 loaders read a string); a number schema keeps it, no warning."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text(_BASE.replace("name: {type: string}", "ratio: {type: number, default: 1e-08, minimum: 1e-08}"))
    code, _, stderr = _run(["generate", "--spec", str(spec), "--out", str(tmp_path / "out"), "--name", "pkg"], capsys)
    assert code == 0, stderr
    about_ratio = [line for line in stderr.splitlines() if "/properties/ratio" in line]
    assert about_ratio == [], "a number default read as a number was warned about"
    row = schemas(tmp_path / "out" / "pkg")[0]
    value = run_python(
        f"import attrs\nfrom {row['module']} import {row['python_name']} as M\n"
        "print(repr(attrs.fields_dict(M)['ratio'].default))",
        path=tmp_path / "out",
    )
    assert value.strip() == repr(1e-08)


@pytest.mark.parametrize("case", sorted(DEFECTS)[:2])
def test_strict_turns_warnings_into_exit_1(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new, _ = DEFECTS[case]
    spec = tmp_path / "spec" / "openapi.yaml"
    spec.parent.mkdir()
    spec.write_text(_BASE.replace(old, new), encoding="utf-8")
    args = ["generate", "--spec", str(spec), "--out", str(tmp_path / "out"), "--name", "pkg", "--strict"]
    code, _, stderr = _run(args, capsys)
    assert code == 1, stderr
    assert "--strict makes them errors" in stderr and _WARNING.search(stderr)
    clean = tmp_path / "clean.yaml"
    clean.write_text(_BASE, encoding="utf-8")
    assert _run([*args[:2], str(clean), *args[3:]], capsys)[0] == 0


def test_a_bug_of_the_generator_exits_3_naming_the_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected exception inside the generator is an internal error that says where, not a traceback."""
    from specloom.render import Renderer

    def broken(self: Renderer, model: object) -> str:
        raise KeyError("object")

    monkeypatch.setattr(Renderer, "_model", broken)
    spec = tmp_path / "openapi.yaml"
    spec.write_text(_BASE, encoding="utf-8")
    code, stdout, stderr = _run(["generate", "--spec", str(spec), "--out", str(tmp_path / "out"), "--name", "pkg"], capsys)
    assert code == 3
    assert "Traceback" not in stdout + stderr
    assert "internal error while working on openapi.yaml#/components/schemas/Thing: KeyError: 'object'" in stderr
    assert "this is a bug in specloom" in stderr
    assert not (tmp_path / "out").exists(), "nothing is written when generation fails"


# Every field of these documents, one at a time, replaced by a value of each wrong JSON type.
_SHAPED_SWAGGER2 = {
    "swagger": "2.0", "info": {"title": "t", "version": "1"}, "host": "api.example.com", "schemes": ["https"],
    "consumes": ["application/json"], "produces": ["application/json"],
    "securityDefinitions": {"b": {"type": "basic"}, "o": {"type": "oauth2", "flow": "application", "tokenUrl": "/t"}},
    "parameters": {"p": {"name": "p", "in": "query", "type": "string"}, "f": {"name": "f", "in": "formData", "type": "file"}},
    "responses": {"r": {"description": "x", "schema": {"$ref": "#/definitions/D"}}},
    "definitions": {"D": {"type": "object", "required": ["a"], "properties": {"a": {"type": "array", "items": {"type": "integer"}}}}},
    "paths": {"/x/{id}": {
        "parameters": [{"name": "id", "in": "path", "required": True, "type": "string"}, {"$ref": "#/parameters/p"}],
        "post": {"consumes": ["multipart/form-data"], "parameters": [{"$ref": "#/parameters/f"}],
                 "responses": {"200": {"$ref": "#/responses/r"}}},
        "put": {"parameters": [{"name": "b", "in": "body", "schema": {"$ref": "#/definitions/D"}}],
                "responses": {"200": {"description": "ok", "schema": {"type": "string"}}}},
    }},
}  # fmt: skip
_SHAPED_OPENAPI = {
    "openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "servers": [{"url": "https://api.example.com"}],
    "tags": [{"name": "t", "description": "d"}], "x-tagGroups": [{"name": "g", "tags": ["t"]}],
    "components": {
        "schemas": {
            "D": {"type": "object", "required": ["a"], "properties": {
                "a": {"type": ["array", "null"], "items": {"type": "integer", "minimum": 0}},
                "e": {"enum": ["x", "y"], "default": "x"},
                "u": {"oneOf": [{"$ref": "#/components/schemas/E"}, {"type": "string"}],
                      "discriminator": {"propertyName": "k", "mapping": {"e": "#/components/schemas/E"}}},
                "w": {"allOf": [{"$ref": "#/components/schemas/E"}], "description": "wrapped"},
                "m": {"type": "object", "additionalProperties": {"type": "number", "multipleOf": 0.5}}}},
            "E": {"type": "object", "title": "Ee", "properties": {"k": {"const": "e"}}},
        },
        "parameters": {"q": {"name": "q", "in": "query", "schema": {"type": "string", "pattern": "^a"}}},
        "requestBodies": {"b": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/D"}}}}},
        "responses": {"r": {"description": "x", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/D"}}}}},
    },
    "paths": {"/x/{id}": {
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "get": {"tags": ["t"], "operationId": "getX", "parameters": [{"$ref": "#/components/parameters/q"}],
                "responses": {"200": {"$ref": "#/components/responses/r"}, "default": {"description": "e"}}},
        "post": {"requestBody": {"$ref": "#/components/requestBodies/b"}, "callbacks": {},
                 "responses": {"201": {"description": "ok", "content": {"text/plain": {"schema": {"type": "string"}}}}}},
    }},
}  # fmt: skip
_WRONG = (None, 3, "s", [1], {"a": 1}, True)


def _places(node: object, at: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    return [place for key, value in children for place in ((*at, key), *_places(value, (*at, key)))]


@pytest.mark.parametrize("document", ["swagger2", "openapi31"])
def test_any_field_of_the_wrong_type_is_reported_never_a_crash(
    document: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 0 with warnings or 2 with an error naming the file: never an internal error, never a traceback."""
    base = _SHAPED_SWAGGER2 if document == "swagger2" else _SHAPED_OPENAPI
    crashes = []
    for place in _places(base):
        for wrong in _WRONG:
            spec: Any = copy.deepcopy(base)
            target = spec
            for key in place[:-1]:
                target = target[key]
            target[place[-1]] = wrong
            path = tmp_path / "openapi.json"
            path.write_text(json.dumps(spec), encoding="utf-8")
            code, stdout, stderr = _run(["generate", "--spec", str(path), "--out", str(tmp_path / "out"), "--name", "pkg"],
                                        capsys)  # fmt: skip
            if code not in (0, 2) or "Traceback" in stdout + stderr or (code == 2 and "openapi.json" not in stderr):
                crashes.append(f"{'/'.join(map(str, place))} = {wrong!r}: exit {code}: {stderr.strip()[-300:]}")
    assert crashes == [], f"{len(crashes)} wrong-type fields were not reported cleanly:\n" + "\n".join(crashes[:60])


@pytest.mark.parametrize("shape", ["document", "schemas", "ref-chain"])
def test_nesting_too_deep_to_read_exits_2_naming_the_place(
    shape: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": '
    if shape == "document":  # deeper than the JSON parser recurses
        schemas, where = '{"Deep": ' + '{"type": "object", "properties": {"a": ' * 3000 + "{}" + "}}" * 3000 + "}", "#/"
    elif shape == "schemas":
        schemas, where = '{"Deep": ' + '{"type": "array", "items": ' * 600 + "{}" + "}" * 600 + "}", "#/components/schemas/Deep"
    else:
        chain = {f"S{i}": {"$ref": f"#/components/schemas/S{i + 1}"} for i in range(3000)}
        schemas, where = json.dumps({**chain, "S3000": {"type": "string"}}), "#/components/schemas/S0"
    spec = tmp_path / "openapi.json"
    spec.write_text(head + schemas + "}}", encoding="utf-8")
    code, stdout, stderr = _run(["generate", "--spec", str(spec), "--out", str(tmp_path / "out"), "--name", "pkg"], capsys)
    assert code == 2, stderr
    assert f"openapi.json{where}: nested too deeply to read" in stderr
    assert "Traceback" not in stdout + stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_ref_to_a_device_or_folder_is_a_warning_not_a_hang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "openapi.json"
    refs = {"A": {"$ref": "/dev/zero"}, "B": {"$ref": str(tmp_path)}}
    spec.write_text(json.dumps({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
                                "components": {"schemas": refs}}), encoding="utf-8")
    code, _, stderr = _run(["generate", "--spec", str(spec), "--out", str(tmp_path / "out"), "--name", "pkg"], capsys)
    assert code == 0, stderr
    assert stderr.count("it is not a regular file") == 2, stderr
