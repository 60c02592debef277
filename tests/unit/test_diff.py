"""``specloom diff``: what changed between two releases, by the Python names users call, breaking first."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from specloom.build import load_api
from specloom.cli import main
from specloom.diagnostics import Diagnostics
from specloom.diff import Change, diff
from specloom.ledger import Ledger

from tests.support import REPO, public_spec, runai_spec
from tests.unit.specbuild import openapi

WORKLOAD = {"type": "object", "required": ["name"], "properties": {
    "name": {"type": "string", "maxLength": 63},
    "phase": {"type": "string", "enum": ["Pending", "Running", "Failed"]},
    "gpus": {"type": "integer", "minimum": 0},
}}
ANSWER = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Workload"}}}}}


def base() -> dict[str, Any]:
    """Two groups: a GET of a workload (read) and a POST that sends one (written)."""
    return openapi(
        {"Workload": copy.deepcopy(WORKLOAD), "Submit": copy.deepcopy(WORKLOAD)},
        {
            "/workloads/{id}": {"get": {"operationId": "getWorkload", "tags": ["Workloads"], "responses": ANSWER,
                                        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                                                       {"name": "verbose", "in": "query", "schema": {"type": "boolean"}}]}},
            "/workloads": {"post": {"operationId": "submitWorkload", "tags": ["Workloads"], "responses": ANSWER,
                                    "requestBody": {"required": True, "content": {"application/json": {
                                        "schema": {"$ref": "#/components/schemas/Submit"}}}}}},
        },
    )


def changes(tmp_path: Path, edit: Callable[[dict[str, Any]], object]) -> list[Change]:
    old, new = base(), base()
    edit(new)
    paths = []
    for name, spec in (("old.json", old), ("new.json", new)):
        path = tmp_path / name
        path.write_text(json.dumps(spec))
        paths.append(path)
    before = load_api(paths[0], Diagnostics())
    return diff(before, load_api(paths[1], Diagnostics(), Ledger.of(before)))


def kinds(found: list[Change]) -> list[tuple[str, bool, str]]:
    return [(c.kind, c.breaking, c.subject) for c in found]


GET = "client.workloads.get_workload"
SUBMIT = "client.workloads.submit_workload"


def schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


def test_the_same_spec_has_no_changes(tmp_path: Path) -> None:
    assert changes(tmp_path, lambda spec: None) == []


@pytest.mark.parametrize(("edit", "expected"), [
    pytest.param(lambda s: s["paths"].pop("/workloads"), [("operation-removed", True, SUBMIT)], id="operation removed"),
    pytest.param(lambda s: s["paths"]["/workloads"]["post"].update(tags=["Jobs"]),
                 [("operation-moved", True, SUBMIT)],
                 id="operation moved to another group"),
    pytest.param(lambda s: s["paths"]["/workloads/{id}"]["get"]["parameters"].pop(),
                 [("parameter-removed", True, GET)], id="parameter removed"),
    pytest.param(lambda s: s["paths"]["/workloads/{id}"]["get"]["parameters"].append(
        {"name": "cluster", "in": "query", "required": True, "schema": {"type": "string"}}),
                 [("parameter-added", True, GET)], id="new required parameter"),
    pytest.param(lambda s: s["paths"]["/workloads/{id}"]["get"]["parameters"].append(
        {"name": "cluster", "in": "query", "schema": {"type": "string"}}),
                 [("parameter-added", False, GET)], id="new optional parameter"),
    pytest.param(lambda s: s["paths"]["/workloads/{id}"]["get"]["parameters"][1].update(schema={"type": "integer"}),
                 [("type-changed", True, GET)], id="parameter type changed"),
    pytest.param(lambda s: schema(s, "Submit")["required"].append("gpus"),
                 [("property-required", True, "Submit.gpus")], id="request property now required"),
    pytest.param(lambda s: schema(s, "Submit")["properties"].update(image={"type": "string"}) or schema(s, "Submit")["required"].append("image"),
                 [("property-added", True, "Submit.image")], id="new required request property"),
    pytest.param(lambda s: schema(s, "Workload")["properties"].update(image={"type": "string"}),
                 [("property-added", False, "Workload.image")], id="new answer property"),
    pytest.param(lambda s: schema(s, "Workload")["properties"].pop("gpus"),
                 [("property-removed", True, "Workload.gpus")], id="answer property removed"),
    pytest.param(lambda s: schema(s, "Workload")["required"].clear(),
                 [("property-optional", True, "Workload.name")], id="answer property may be missing"),
    pytest.param(lambda s: schema(s, "Submit")["properties"]["phase"]["enum"].remove("Failed"),
                 [("enum-value-removed", True, "SubmitPhase")], id="request enum value removed"),
    pytest.param(lambda s: schema(s, "Workload")["properties"]["phase"]["enum"].remove("Failed"),
                 [("enum-value-removed", False, "WorkloadPhase")], id="answer enum value removed"),
    pytest.param(lambda s: schema(s, "Submit")["properties"]["phase"]["enum"].append("Queued"),
                 [("enum-value-added", False, "SubmitPhase")], id="enum value added"),
    pytest.param(lambda s: schema(s, "Submit")["properties"]["name"].update(maxLength=40),
                 [("constraint-narrowed", True, "Submit.name")], id="constraint narrowed"),
    pytest.param(lambda s: schema(s, "Submit")["properties"]["gpus"].update(minimum=-1),
                 [("constraint-widened", False, "Submit.gpus")], id="constraint widened"),
    pytest.param(lambda s: schema(s, "Workload")["properties"]["name"].update(maxLength=40), [],
                 id="answers are read leniently: their constraints do not matter"),
    pytest.param(lambda s: schema(s, "Submit")["properties"]["gpus"].update(type="string"),
                 [("type-changed", True, "Submit.gpus")], id="property type changed"),
    pytest.param(lambda s: s["paths"]["/workloads/{id}"]["get"].update(security=[{"token": []}])
                 or s["components"].update(securitySchemes={"token": {"type": "http", "scheme": "bearer"}}),
                 [("security-changed", True, GET)], id="security changed"),
    pytest.param(lambda s: s["paths"]["/workloads/{id}"]["get"].update(
        responses={"200": {"description": "ok", "content": {"text/plain": {"schema": {"type": "string"}}}}}),
                 [("response-changed", True, GET)], id="response shape changed"),
    pytest.param(lambda s: s["paths"]["/workloads/{id}"]["get"].update(deprecated=True),
                 [("operation-deprecated", False, GET)], id="deprecated"),
])
def test_each_kind_of_change_is_classified(tmp_path: Path, edit: Callable[[dict[str, Any]], object],
                                           expected: list[tuple[str, bool, str]]) -> None:
    found = kinds(changes(tmp_path, edit))
    for item in expected:
        assert item in found, f"{item} not in {found}"
    assert not [c for c in found if c[1] and c not in expected], f"unexpected breaking changes in {found}"


def test_a_moved_operation_names_its_old_and_new_call(tmp_path: Path) -> None:
    moved = changes(tmp_path, lambda s: s["paths"]["/workloads"]["post"].update(tags=["Jobs"]))

    assert [c.message for c in moved] == [f"{SUBMIT} moved to another group: call client.jobs.submit_workload"]
    assert moved[0].old == moved[0].new == "submit_workload(*, body: Submit | dict[str, Any]) -> Workload"


def test_a_pattern_that_gains_alternatives_widens_and_any_other_pattern_change_narrows(tmp_path: Path) -> None:
    def pattern(value: str) -> Callable[[dict[str, Any]], object]:
        return lambda s: schema(s, "Submit")["properties"]["name"].update(pattern=value)

    def patterned(old: str, new: str) -> list[tuple[str, bool, str]]:
        path = tmp_path / old.replace("|", "_").replace("^", "").replace("(", "").replace(")", "")[:20]
        path.mkdir(exist_ok=True)
        spec = base()
        schema(spec, "Submit")["properties"]["name"]["pattern"] = old
        (path / "old.json").write_text(json.dumps(spec))
        pattern(new)(spec)
        (path / "new.json").write_text(json.dumps(spec))
        before = load_api(path / "old.json", Diagnostics())
        return kinds(diff(before, load_api(path / "new.json", Diagnostics(), Ledger.of(before))))

    assert patterned("^(name|type)==.+$", "^(name|type|phase)==.+$") == [("constraint-widened", False, "Submit.name")]
    assert patterned("^(name|type)==.+$", "^(name)==.+$") == [("constraint-narrowed", True, "Submit.name")]
    assert patterned("^[a-z]+$", "^[a-z0-9]+$") == [("constraint-narrowed", True, "Submit.name")]
    assert kinds(changes(tmp_path, pattern(".*"))) == []  # matches anything: limits nothing


def test_the_command_prints_breaking_changes_first_and_exits_1(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.json"
    new = tmp_path / "new.json"
    old.write_text(json.dumps(base()))
    spec = base()
    spec["paths"]["/workloads/{id}"]["get"]["parameters"].pop()
    schema(spec, "Workload")["properties"]["image"] = {"type": "string"}
    new.write_text(json.dumps(spec))

    assert main(["diff", str(old), str(new)]) == 1
    text = capsys.readouterr().out
    assert "1 breaking, 1 non-breaking changes" in text
    assert text.index("Breaking:") < text.index(f"{GET}: argument verbose was removed") < text.index("Non-breaking:")
    assert "was: verbose: bool | Unset = UNSET" in text

    assert main(["diff", "--json", str(old), str(new)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["breaking"] == 1
    assert [(c["kind"], c["breaking"]) for c in report["changes"]] == [("parameter-removed", True), ("property-added", False)]

    assert main(["diff", str(old), str(old)]) == 0


def test_a_missing_spec_or_release_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(tmp_path / "nope.json"), str(tmp_path / "nope.json")]) == 2
    assert "nope.json: no such spec file" in capsys.readouterr().err
    assert main(["diff", "--root", str(REPO), "--family", "controlplane", "2.23", "9.99"]) == 2
    assert "family controlplane has no release 9.99 (it has 2.22, 2.23, 2.24)" in capsys.readouterr().err


def test_the_reference_family_2_23_to_2_24(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--json", "--root", str(REPO), "--family", "controlplane", "2.23", "2.24"]) == 1
    found = {(c["kind"], c["subject"]): c for c in json.loads(capsys.readouterr().out)["changes"]}

    assert found["type-changed", "NodePool.id"]["message"] == "NodePool.id: the field is now str (was int)"
    assert found["operation-removed", "client.organizations.clusters.get_cluster_install_file"]["breaking"]
    assert not found["operation-added", "client.workloads.workloads.follow_workload_logs"]["breaking"]
    assert sorted(key for key, c in found.items() if c["breaking"]) == [
        ("operation-removed", "client.organizations.clusters.get_cluster_install_file"), ("type-changed", "NodePool.id")]


# Per consecutive pair of Run:ai releases: operations removed, and enum values removed from component schemas.
RUNAI_REMOVALS = {("2.18", "2.19"): (2, 0), ("2.19", "2.20"): (3, 1), ("2.20", "2.21"): (0, 1),
                  ("2.21", "2.22"): (6, 1), ("2.22", "2.23"): (20, 2), ("2.23", "2.24"): (4, 7)}


@pytest.mark.parametrize("pair", list(RUNAI_REMOVALS), ids=lambda pair: "->".join(pair))
def test_run_ai_consecutive_releases_remove_what_they_remove(pair: tuple[str, str],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    old, new = (runai_spec(release) for release in pair)

    assert main(["diff", "--json", str(old), str(new)]) == 1
    changes = json.loads(capsys.readouterr().out)["changes"]

    removed = [c for c in changes if c["kind"] == "operation-removed"]
    values = [v for c in changes if c["kind"] == "enum-value-removed"
              for v in c["message"].split(" no longer has ", 1)[1].split(", ")]
    assert (len(removed), len(values)) == RUNAI_REMOVALS[pair]
    assert all(c["subject"].startswith("client.") and c["old"].startswith(c["subject"].rsplit(".", 1)[1] + "(")
               for c in removed), "each removed operation names the method a user calls, with its signature"
    if pair == ("2.22", "2.23"):
        assert {"kind": "type-changed", "breaking": True, "subject": "ProjectId", "message":
                "ProjectId: the type is now str (was int)", "old": "int", "new": "str"} in changes
        assert {c["subject"] for c in changes if c["kind"] == "operation-moved"} >= {
            "client.workloads.workloads.list_workload_types"}


@pytest.mark.parametrize("pair", [("adyen-legal-entity-v3", "adyen-legal-entity-v4"),
                                  ("kubeflow-pipelines-v1beta1", "kubeflow-pipelines-v2beta1")])
def test_real_release_families_diff_without_error(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    old, new = (public_spec(label).path for label in pair)

    assert main(["diff", str(old), str(new)]) in (0, 1)
    out = capsys.readouterr().out
    assert " breaking, " in out.splitlines()[0]


def test_each_package_carries_a_changelog_of_its_family_newest_first() -> None:
    text = (REPO / "generated" / "controlplane-2.24" / "CHANGELOG.md").read_text()

    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## 1.224.0 (control plane 2.24)", "## 1.223.0 (control plane 2.23)",
                        "## 1.222.0 (control plane 2.22)"]
    newest = text[text.index(headings[0]):text.index(headings[1])]
    assert "Changes from 1.223.0 (control plane 2.23): 2 breaking" in newest
    breaking = newest[newest.index("### Breaking"):newest.index("### Other changes")]
    assert "- `client.organizations.clusters.get_cluster_install_file` was removed" in breaking
    assert "  - was: `get_cluster_install_file(*, cluster_uuid: UUID | str, cloud: GetClusterInstallFileCloud" in breaking
    assert "- `NodePool.id`: the field is now str (was int)" in breaking
    assert "`follow_workload_logs(*, workload_id: UUID | str) -> EventStream[LogLine]`" in newest
    assert text.rstrip().endswith("The first release of this package.")


def test_generating_one_release_writes_the_same_changelog_as_generating_the_family(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "root"
    shutil.copytree(REPO / "specs", root / "specs")

    assert main(["generate", "--root", str(root), "--release", "2.24"]) == 0

    assert sorted(p.name for p in (root / "generated").iterdir()) == ["controlplane-2.24"]
    written = (root / "generated" / "controlplane-2.24" / "CHANGELOG.md").read_text()
    assert written == (REPO / "generated" / "controlplane-2.24" / "CHANGELOG.md").read_text()


def _root_with_reference_family(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    shutil.copytree(REPO / "specs", root / "specs")
    return root


def _spec_with_new_operation(tmp_path: Path) -> Path:
    text = (REPO / "specs" / "controlplane" / "2.24" / "openapi.yaml").read_text()
    added = ("  /api/v1/audit/summary:\n    get:\n      tags: [AuditLogs]\n      operationId: get_audit_summary\n"
             "      responses:\n        '200':\n          description: ok\n")
    path = tmp_path / "incoming" / "openapi.yaml"
    path.parent.mkdir()
    path.write_text(text.replace("  /api/v1/audit/logs:\n", added + "  /api/v1/audit/logs:\n", 1))
    return path


def test_update_takes_a_new_release_in_generates_it_and_prints_what_changed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _root_with_reference_family(tmp_path)
    spec = _spec_with_new_operation(tmp_path)
    toml = root / "specs" / "controlplane" / "family.toml"
    before = toml.read_text()

    assert main(["update", "--root", str(root), "--family", "controlplane", "--release", "2.25", "--spec", str(spec)]) == 0

    out = capsys.readouterr().out
    assert "1.225.0 (control plane 2.25)" in out and "Changes from 1.224.0 (control plane 2.24): 0 breaking, 1 other." in out
    assert "`client.audit.audit_logs.get_audit_summary` is new" in out
    assert toml.read_text() == before.rstrip("\n") + '\n\n[[release]]\nversion = "2.25"\nspec = "2.25/openapi.yaml"\n'
    assert (root / "specs" / "controlplane" / "2.25" / "openapi.yaml").read_bytes() == spec.read_bytes()
    assert 'version = "1.225.0"' in (root / "generated" / "controlplane-2.25" / "pyproject.toml").read_text()
    assert main(["check", "--root", str(root), "--family", "controlplane"]) == 0


def test_update_of_an_existing_release_bumps_its_patch_and_the_same_spec_again_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _root_with_reference_family(tmp_path)
    spec = _spec_with_new_operation(tmp_path)
    args = ["update", "--root", str(root), "--family", "controlplane", "--release", "2.24", "--spec", str(spec)]

    assert main(args) == 0
    toml = (root / "specs" / "controlplane" / "family.toml").read_text()
    assert 'version = "2.24"\nspec = "2.24/openapi.yaml"\npatch = 1\n' in toml
    assert toml.startswith("# The reference family")  # comments kept
    assert 'version = "1.224.1"' in (root / "generated" / "controlplane-2.24" / "pyproject.toml").read_text()
    capsys.readouterr()

    assert main(args) == 0
    assert "already there, unchanged; nothing to do" in capsys.readouterr().out
    assert (root / "specs" / "controlplane" / "family.toml").read_text() == toml
    assert sorted(p.name for p in (root / "specs" / "controlplane").iterdir()) == [
        "2.22", "2.23", "2.24", "family.toml"]  # no staging folder left behind


@pytest.mark.parametrize(("args", "message"), [
    (["--release", "2.26", "--spec", "BAD"], "invalid YAML"),
    (["--release", "2.x", "--spec", "GOOD"], "release '2.x' must look like MAJOR.MINOR"),
    (["--release", "2.26", "--spec", "MISSING"], "no such spec file"),
])
def test_update_with_bad_input_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               args: list[str], message: str) -> None:
    root = _root_with_reference_family(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.0.0\npaths: [\n")
    paths = {"BAD": str(bad), "GOOD": str(_spec_with_new_operation(tmp_path)), "MISSING": str(tmp_path / "nope.yaml")}
    before = sorted(str(p.relative_to(root)) for p in root.rglob("*"))
    toml = (root / "specs" / "controlplane" / "family.toml").read_text()

    code = main(["update", "--root", str(root), "--family", "controlplane", *[paths.get(a, a) for a in args]])

    assert code == 2 and message in capsys.readouterr().err
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*")) == before
    assert (root / "specs" / "controlplane" / "family.toml").read_text() == toml


def test_the_graphql_reference_family_s_breaking_change_names_the_method(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--json", "--root", str(REPO), "--family", "gpucloud", "1.0", "1.1"]) == 1
    changes = json.loads(capsys.readouterr().out)["changes"]

    breaking = {(c["kind"], c["subject"]) for c in changes if c["breaking"]}
    assert ("parameter-required", "client.pods.get_pod") in breaking
    assert {"kind": "schema-arg-changed-kind", "breaking": True, "subject": "schema", "old": "", "new": "",
            "message": "schema: Query.pod arg input has changed type from PodFilter to PodFilter!."} in changes
    added = [c for c in changes if c["kind"] == "operation-added"]
    assert [c["subject"] for c in added] == ["client.datacenters.list_data_centers"]
    assert not any(c["kind"] == "operation-removed" for c in changes)


@pytest.mark.parametrize(("family", "old", "new"), [("controlplane", "2.23", "2.24"), ("gpucloud", "1.0", "1.1")])
def test_two_generated_packages_diff_as_their_specs_do(family: str, old: str, new: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["diff", "--json", "--root", str(REPO), "--family", family, old, new])
    from_specs = json.loads(capsys.readouterr().out)["changes"]

    packages = [str(REPO / "generated" / f"{family}-{release}") for release in (old, new)]
    assert main(["diff", "--json", *packages]) == code == 1
    assert json.loads(capsys.readouterr().out)["changes"] == from_specs


def test_a_folder_that_is_no_package_with_its_spec_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(tmp_path), str(REPO / "generated" / "controlplane-2.24")]) == 2
    assert "a folder to diff must be a generated package carrying its spec" in capsys.readouterr().err
