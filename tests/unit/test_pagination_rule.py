"""The rule that finds paginated list operations (specloom.pagination), family.toml declarations, and the
companion methods' names: on Run:ai 2.24, on every spec of the public corpus, and on small specs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from specloom.build import load_api
from specloom.diagnostics import ConfigError, Diagnostics
from specloom.family import load_family
from specloom.ir import Api, Operation
from specloom.pagination import read_declarations
from specloom.render import PackageInfo, Renderer

from tests.support import REPO, public_specs_or_skip, runai_spec

from .specbuild import openapi


def paginated(api: Api) -> dict[str, Operation]:
    return {op.operation_id: op for op in api.operations if op.pagination is not None}


def test_run_ai_2_24_list_operations_are_found_and_nothing_else() -> None:
    api = load_api(runai_spec("2.24"), Diagnostics())
    found = paginated(api)
    print(f"Run:ai 2.24: {len(found)} of {len(api.operations)} operations paginated")
    assert len(found) == 25
    assert {op.method for op in found.values()} == {"GET"}
    workloads = found["get_workloads"].pagination
    assert workloads is not None
    assert (workloads.kind, workloads.items, workloads.param, workloads.limit, workloads.next) == (
        "offset", ("workloads",), "offset", "limit", ("next",))
    assert workloads.item.ref is not None and workloads.item.ref.endswith("/Workload")
    assert workloads.method == "iter_get_workloads"
    users = found["get_users"].pagination  # the answer is the array itself
    assert users is not None and users.items == () and users.next == ()
    templates = found["list_templates1"].pagination  # allOf; the next offset nested under "pagination"
    assert templates is not None and (templates.items, templates.next) == (("entries",), ("pagination", "nextOffset"))
    audit = found["getAuditLogs"].pagination  # an offset, no limit
    assert audit is not None and (audit.param, audit.limit) == ("offset", "")
    # Not lists: single resources, writes, and an offset/limit operation whose answer holds no array.
    for not_a_list in ("get_workload", "get_project", "create_project", "get_me_access_rules", "count_workloads"):
        assert not_a_list not in found, not_a_list
    assert all(op.pagination is None for op in api.operations if not any(p.wire_name == "offset" for p in op.parameters))


# (spec label, operationId) -> (kind, items, param, next), one or two for each way of paging in the corpus.
_CORPUS_EXPECTED = {
    ("kubeflow-pipelines-v1beta1", "RunService_ListRunsV1"): ("cursor", ("runs",), "page_token", ("next_page_token",)),
    ("kubeflow-pipelines-v2beta1", "PipelineService_ListPipelines"): ("cursor", ("pipelines",), "page_token",
                                                                      ("next_page_token",)),
    ("box-2025", "get_hubs_v2025.0"): ("cursor", ("entries",), "marker", ("next_marker",)),
    ("twilio-taskrouter-v1", "ListWorkspace"): ("link", ("workspaces",), "", ("meta", "next_page_url")),
    ("adyen-management-v3", "get-companies"): ("link", ("data",), "", ("_links", "next", "href")),
    ("pagerduty-jira-service", "getRules"): ("offset", ("rules",), "offset", ("more",)),
    ("adyen-balance-platform-v2", "get-cardorders"): ("offset", ("cardOrders",), "offset", ("hasNext",)),
    ("digitalocean", "genai_list_agents"): ("link", ("agents",), "", ("links", "pages", "next")),
}
_CORPUS_NOT_LISTS = {
    ("oai-petstore-expanded", "findPets"),  # a limit, but nothing to page with
    ("kubeflow-pipelines-v1beta1", "RunService_GetRunV1"),
    ("box-2025", "get_hubs_id_v2025.0"),
}


def test_the_public_corpus_is_read_as_its_vendors_page() -> None:
    counts = {}
    seen = set()
    for spec in public_specs_or_skip():
        api = load_api(spec.path, Diagnostics())
        found = paginated(api)
        counts[spec.label] = len(found)
        for op in api.operations:
            key = (spec.label, op.operation_id)
            if key in _CORPUS_EXPECTED:
                seen.add(key)
                p = op.pagination
                assert p is not None, key
                assert (p.kind, p.items, p.param, p.next) == _CORPUS_EXPECTED[key], key
            if key in _CORPUS_NOT_LISTS:
                seen.add(key)
                assert op.pagination is None, key
        assert all(op.method == "GET" for op in found.values()), spec.label
    print("paginated operations per public spec:", counts)
    assert seen == set(_CORPUS_EXPECTED) | _CORPUS_NOT_LISTS


def _list_spec(**extra_paths: Any) -> dict[str, Any]:
    page = {"type": "object", "properties": {"things": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                                             "more": {"type": "boolean"}}}
    paths = {
        "/things": {"get": {
            "operationId": "getThings",
            "parameters": [{"name": "offset", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": page}}}},
        }},
        "/things/iter": {"get": {
            "operationId": "iter_get_things",  # the name the companion of getThings would take
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "string"}}}}},
        }},
        "/feed": {"get": {
            "operationId": "getFeed",
            "parameters": [{"name": "after", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"entries": {"type": "array", "items": {"type": "string"}},
                                                 "following": {"type": "string"}}}}}}},
        }},
        **extra_paths,
    }
    return openapi({"Thing": {"type": "object", "properties": {"id": {"type": "string"}}}}, paths)


def _load(tmp_path: Path, spec: dict[str, Any], toml: str = "") -> Api:
    import json
    import tomllib

    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(spec))
    declarations = read_declarations(tomllib.loads(toml).get("pagination", {}), "family.toml") if toml else ()
    return load_api(path, Diagnostics(), pagination=declarations)


def test_a_companion_name_taken_by_an_operation_gets_a_suffix(tmp_path: Path) -> None:
    api = _load(tmp_path, _list_spec())
    things = paginated(api)["getThings"].pagination
    assert things is not None and things.method == "iter_get_things_2" and things.next == ("more",)
    files = Renderer(api, PackageInfo("p", "p", "0.1.0", "1.0")).render()
    group = next(text for name, text in files.items() if "def iter_get_things_2(" in text)
    compile(group, "group.py", "exec")
    assert group.count("def iter_get_things(") == 2  # the spec's operation, in the sync and async class
    assert "('iter_get_things_2', False)" in group


def test_family_toml_declares_what_the_rule_misses_and_turns_off_what_it_finds(tmp_path: Path) -> None:
    assert "getFeed" not in paginated(_load(tmp_path, _list_spec()))  # "after"/"following": not the rule's names
    api = _load(tmp_path, _list_spec(), """
[pagination.getFeed]
kind = "cursor"
param = "after"
next = "following"

[pagination."GET /things"]
kind = "none"
""")
    found = paginated(api)
    assert "getThings" not in found
    feed = found["getFeed"].pagination
    assert feed is not None and feed.declared
    assert (feed.kind, feed.items, feed.param, feed.next, feed.item.kind) == ("cursor", ("entries",), "after",
                                                                              ("following",), "string")


@pytest.mark.parametrize(("toml", "complaint"), [
    ('[pagination.x]\nkind = "pages"', "kind must be one of offset, cursor, link, none, not 'pages'"),
    ('[pagination.x]\nkind = "cursor"\nparam = "after"', "a cursor list needs param"),
    ('[pagination.x]\nkind = "offset"\nitems = 3', "items must be strings"),
    ('[pagination.x]\nkind = "offset"\nitem = "data"', "unknown keys item"),
    ('pagination = 1', "[pagination] must be a table"),
])
def test_a_wrong_declaration_is_refused_naming_its_entry(toml: str, complaint: str) -> None:
    import tomllib

    with pytest.raises(ConfigError) as caught:
        read_declarations(tomllib.loads(toml)["pagination"], "specs/f/family.toml")
    assert complaint in str(caught.value) and "specs/f/family.toml" in str(caught.value)


def test_the_reference_family_declares_its_link_archive() -> None:
    family = load_family(REPO / "specs" / "controlplane")
    assert [(d.key, d.kind) for d in family.pagination] == [("list_audit_archive", "link")]
    release = family.releases[-1]
    api = load_api(release.spec, Diagnostics(), pagination=family.pagination)
    found = paginated(api)
    assert found["list_audit_archive"].pagination is not None
    assert found["list_audit_archive"].pagination.declared
    assert sorted(found) == ["get_audit_logs", "get_departments", "get_nodes", "get_projects", "get_workload_events",
                             "get_workloads", "list_audit_archive", "list_audit_records"]
