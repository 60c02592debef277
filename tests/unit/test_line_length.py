"""Generated code keeps to the line length, long literals aside (issue 9), and still compiles and type-checks."""

from __future__ import annotations

import io
import tokenize
from pathlib import Path
from typing import Any

import pytest
from specloom.layout import LINE_LENGTH, wrap
from specloom.render import PackageInfo, Renderer

from tests.conformance.checks import mypy_strict

from .specbuild import build, openapi

REF = "#/components/schemas/"
PATTERN = r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}/(?:[a-zA-Z0-9_.-]+)/(?:[a-zA-Z0-9_.-]+)(?::[\w.-]{1,128})?$"
PATH = ("/api/v1/organizations/{organizationIdentifier}/workload-compute-resource-allocation-policies"
        "/{allocationPolicyIdentifier}/configuration-revisions")
SPECS = [f"WorkloadComputeResourceAllocationPolicyConfigurationRevision{k}Specification" for k in ("Alpha", "Beta", "Gamma")]
TAGS = [f"compute-resource-allocation-policy-configuration-{k}" for k in range(6)]
STATES = [f"{s}_COMPUTE_RESOURCE_ALLOCATION_POLICY_STATE" for s in ("PENDING", "PROVISIONING", "RUNNING", "FAILED", "DELETED")]
PACKAGE = "longnames"
CLOSERS = {",", ")", "]", "}", ":", "("}


def _spec() -> dict[str, Any]:
    """Very long names, patterns, enums, unions and paths: everything a generated line is made of, at length."""
    revision = {"type": "object", "required": ["allocationPolicyIdentifierWithAVeryLongName"], "properties": {
        "allocationPolicyIdentifierWithAVeryLongName": {"type": "string", "pattern": PATTERN, "maxLength": 253},
        "computeResourceAllocationPolicyConfigurationRevisionState": {"type": "string", "enum": STATES},
        "nestedComputeResourceAllocationPolicyConfigurationRevisionItems": {"type": "array", "items": {
            "type": "object", "properties": {
                "gpuDevicesRequestedPerComputeResourceAllocationPolicyRevision": {"type": "integer", "minimum": 0, "multipleOf": 2},
            }}},
        "labelsAttachedToTheComputeResourceAllocationPolicyConfigurationRevision": {
            "type": "object", "additionalProperties": {"type": "string", "pattern": PATTERN}},
    }}
    union = {"oneOf": [{"$ref": REF + name} for name in SPECS]}

    def param(name: str, where: str, **schema: Any) -> dict[str, Any]:
        return {"name": name, "in": where, "required": where == "path", "schema": schema or {"type": "string", "pattern": PATTERN},
                "description": f"The {name}, " + "which the description goes on about " * 6}

    get = {
        "operationId": "listWorkloadComputeResourceAllocationPolicyConfigurationRevisionsForOrganizationAndPolicy",
        "tags": TAGS[:1], "summary": "List " + "the revisions of a workload compute resource allocation policy " * 3,
        "parameters": [
            param("filterComputeResourceAllocationPolicyConfigurationRevisionsBy", "query", **union),
            param("sortComputeResourceAllocationPolicyConfigurationRevisionsBy", "query", type="string", enum=STATES),
            {"name": "deepObjectFilterForComputeResourceAllocationPolicyConfigurationRevisions", "in": "query",
             "style": "deepObject", "explode": True, "schema": {"type": "object", "additionalProperties": {"type": "string"}}},
        ],
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": union}}},
            "201": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": REF + SPECS[0]}}}}},
        },
    }
    post = {
        "operationId": "createWorkloadComputeResourceAllocationPolicyConfigurationRevisionForOrganizationAndPolicy",
        "tags": TAGS[1:2], "requestBody": {"content": {"application/json": {"schema": union}}},
        "responses": {"204": {"description": "none"}},
    }
    paths = {PATH: {"parameters": [param("organizationIdentifier", "path"), param("allocationPolicyIdentifier", "path")],
                    "get": get, "post": post}}
    return openapi({name: revision for name in SPECS}, paths, tags=[{"name": t} for t in TAGS],
                   **{"x-tagGroups": [{"name": "Workload compute resource allocation", "tags": TAGS}]})


def long_lines(source: str) -> list[str]:
    """Lines over LINE_LENGTH that are not one string literal (with indentation and a trailing comma or bracket).

    Inside a docstring, only a line that is one word (a URL) may be long: prose is wrapped.
    """
    tokens: dict[int, list[tokenize.TokenInfo]] = {}
    skipped = (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER)
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type not in skipped:
            for number in range(token.start[0], token.end[0] + 1):
                tokens.setdefault(number, []).append(token)
    found = []
    for number, line in enumerate(source.splitlines(), 1):
        if len(line) <= LINE_LENGTH:
            continue
        strings = [t for t in tokens.get(number, []) if t.type == tokenize.STRING]
        rest = [t for t in tokens.get(number, []) if t.type != tokenize.STRING]
        literal = len(strings) == 1 and all(t.type == tokenize.OP and t.string in CLOSERS for t in rest)
        if literal and strings[0].start[0] != strings[0].end[0]:
            literal = len(line.split()) == 1  # a line inside a docstring: one word only
        if not literal:
            found.append(f"{number}: {line}")
    return found


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    api, _ = build(tmp_path_factory.mktemp("spec"), _spec())
    return Renderer(api, PackageInfo(PACKAGE, PACKAGE, "0.1.0", "1.0")).render()


def _owned_by_layout(name: str, text: str) -> str:
    """The part of a file whose lines the layout rules write: all of it but a model class and the models' import list."""
    if name.startswith(f"{PACKAGE}/models/"):
        if name.endswith("__init__.py"):
            return text[text.index("_MODULES"):]
        return text[text.index("def validate_"):]  # the validator; the class above it is the model template's
    return text


def test_no_generated_line_over_the_line_length_but_long_literals(files: dict[str, str]) -> None:
    # Operations, clients, decoders, validators, package indexes.
    found = {name: long_lines(_owned_by_layout(name, text)) for name, text in files.items() if name.endswith(".py")}
    found = {name: lines for name, lines in found.items() if lines}
    assert not found, "\n".join(f"{name}:{line}" for name, lines in found.items() for line in lines[:5])
    # The spec is long enough to need breaking everywhere, and the breaks read as ruff format writes them.
    group = files[f"{PACKAGE}/groups/compute_resource_allocation_policy_configuration_0.py"]
    client = files[f"{PACKAGE}/_client.py"]
    models = "".join(text for name, text in files.items() if name.startswith(f"{PACKAGE}/models/"))
    assert "    if (\n        'allocationPolicyIdentifierWithAVeryLongName' not in value\n        or (v := " in models
    assert "\n    _children = (\n        'compute_resource_allocation_policy_configuration_0',\n" in client
    assert "            problems.append(\n                \"path.allocationPolicyIdentifier: must match the pattern ^" in group
    assert "    path=(\n        '/api/v1/organizations/" in group
    assert "        ) = UNSET,\n" in group  # a long union parameter: one member per line in parentheses


def test_model_classes_keep_to_the_line_length(files: dict[str, str]) -> None:
    found = [f"{name}:{line}" for name, text in files.items() if name.endswith(".py") for line in long_lines(text)]
    assert not found, "\n".join(found[:10])


def test_broken_lines_compile_and_type_check(files: dict[str, str], tmp_path: Path) -> None:
    for name, text in files.items():
        if name.endswith(".py"):
            compile(text, name, "exec")
    out = tmp_path / "dist"
    for name, text in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    result = mypy_strict(out, PACKAGE, tmp_path / "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("code", "indent", "expected"), [
    ("x = 1", 100, ["x = 1"]),
    # One string literal cannot be broken: it stays as it is.
    ("'" + "a" * 130 + "',", 4, ["'" + "a" * 130 + "',"]),
    # A condition: one operand per line inside parentheses; "or" binds looser than "and".
    ("if a and " + "b" * 60 + " or " + "c" * 60 + ":", 4,
     ["if (", "    a and " + "b" * 60, "    or " + "c" * 60, "):"]),
    # A call: each argument on its own line with a trailing comma; strings with brackets and commas are text.
    ("f(" + "x" * 60 + ", '(,]' , " + "y" * 60 + ")", 0, ["f(", "    " + "x" * 60 + ",", "    '(,]',", "    " + "y" * 60 + ",", ")"]),
    # One argument goes on its own line, without a comma (a comma would make "(x)" a tuple).
    ("problems.append(f\"{path}: " + "m" * 120 + "\")", 8, ["problems.append(", "    f\"{path}: " + "m" * 120 + "\"", ")"]),
    # A comprehension is one item, never split at its commas.
    ("return {k: v for k, v in " + "d" * 90 + ".items()}", 4, ["return {", "    k: v for k, v in " + "d" * 90 + ".items()", "}"]),
    # Empty brackets are never broken; a line with nothing to break at stays long.
    ("x" * 130 + "()", 0, ["x" * 130 + "()"]),
])
def test_wrap(code: str, indent: int, expected: list[str]) -> None:
    assert wrap(code, indent) == expected
