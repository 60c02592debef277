"""Codegen plugins: every hook, with a plugin written here, through the command line as a user runs it.

Each plugin below is named on the command line (``--plugin tests.unit.test_codegen_plugins:X``) or
in a family.toml, exactly as a downstream SDK's plugin is; the reference family's 2.24 spec is the input.
"""

from __future__ import annotations

import ast
import json
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
from specloom.cli import main
from specloom.codegen_context import Generation, SpecDocument
from specloom.hookspecs import hookimpl
from specloom.ir import Api
from specloom.ir_edits import rename_group, without_operations
from specloom.writer import MANIFEST

from tests.support import REPO

SPEC = REPO / "specs" / "controlplane" / "2.24" / "openapi.yaml"
HERE = "tests.unit.test_codegen_plugins"
TEMPLATES = Path(__file__).parent / "codegen_plugin_templates"


def generate(tmp_path: Path, *plugins: str, extra: tuple[str, ...] = ()) -> tuple[int, Path]:
    out = tmp_path / "out"
    args = ["generate", "--spec", str(SPEC), "--out", str(out), "--name", "cp", "--release", "2.24", *extra]
    for plugin in plugins:
        args += ["--plugin", f"{HERE}:{plugin}"]
    return main(args), out


def operations(out: Path) -> dict[str, str]:
    """operationId -> python_name, from the package's index."""
    return {row["operation_id"]: row["python_name"] for row in json.loads((out / "cp" / "operations.json").read_text())}


def class_methods(source: str) -> dict[str, list[str]]:
    tree = ast.parse(source)
    return {node.name: [f.name for f in node.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))]
            for node in tree.body if isinstance(node, ast.ClassDef)}


# -- patch_document ----------------------------------------------------------------------------


class RenameOperationId:
    @hookimpl
    def patch_document(self, document: SpecDocument) -> None:
        pointer = "/paths/~1api~1v1~1clusters/get/operationId"
        if document.get(pointer) == "get_clusters":
            document.set(pointer, "list_all_clusters")
            document.warn(pointer, "renamed: the vendor's name hides that it lists every cluster")


def test_patch_document_repairs_the_raw_spec_before_it_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = generate(tmp_path, "RenameOperationId")

    assert code == 0
    names = operations(out)
    assert names["list_all_clusters"] == "organizations.clusters.list_all_clusters"
    assert "get_clusters" not in names
    assert "openapi.yaml#/paths/~1api~1v1~1clusters/get/operationId: renamed" in capsys.readouterr().err


class PatchesNowhere:
    @hookimpl
    def patch_document(self, document: SpecDocument) -> None:
        document.set("/paths/~1api~1v9~1nothing/get/operationId", "x")


def test_a_patch_that_fails_names_the_plugin_the_hook_and_the_pointer(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, out = generate(tmp_path, "PatchesNowhere")

    assert code == 2
    err = capsys.readouterr().err
    assert (f"codegen plugin '{HERE}:PatchesNowhere' failed in patch_document at "
            "openapi.yaml#/paths/~1api~1v9~1nothing/get/operationId: SpecError") in err
    assert "Traceback" not in err
    assert not out.exists()


class ReturnsTheDocument:
    @hookimpl
    def patch_document(self, document: SpecDocument) -> object:
        return document.data


# -- choose_name -------------------------------------------------------------------------------


class Names:
    @hookimpl
    def choose_name(self, kind: str, identity: str, default: str) -> str | None:
        if kind == "operation" and identity == "GET /api/v1/clusters":
            return "clusters_everywhere"
        if kind == "model" and identity == "#/components/schemas/Cluster":
            return "ClusterInfo"
        if kind == "group" and identity == "AuditLogs":
            return "audit"
        return None


def test_choose_name_names_operations_models_and_groups(tmp_path: Path) -> None:
    code, out = generate(tmp_path, "Names")

    assert code == 0
    names = operations(out)
    assert names["get_clusters"] == "organizations.clusters.clusters_everywhere"
    assert names["get_audit_logs"].startswith("audit.audit.")
    assert (out / "cp" / "models" / "cluster_info.py").is_file()
    assert "class AuditApi(" in (out / "cp" / "groups" / "audit.py").read_text()


class SameNameTwice:
    """Two operations of one group asked to take one name: the collision check still settles it."""

    @hookimpl
    def choose_name(self, kind: str, identity: str) -> str | None:
        return "fetch" if identity in ("GET /api/v1/org-unit/projects", "POST /api/v1/org-unit/projects") else None


def test_names_a_plugin_chooses_are_still_collision_checked(tmp_path: Path) -> None:
    code, out = generate(tmp_path, "SameNameTwice")

    assert code == 0
    chosen = sorted(n.rsplit(".", 1)[1] for n in operations(out).values() if n.split(".")[-1].startswith("fetch"))
    assert chosen == ["fetch", "fetch_2"]


def test_names_an_earlier_release_gave_win_over_a_plugins_choice(tmp_path: Path) -> None:
    code, earlier = generate(tmp_path / "first")
    assert code == 0
    code, out = generate(tmp_path, "Names", extra=("--names-from", str(earlier)))

    assert code == 0
    assert operations(out)["get_clusters"] == "organizations.clusters.get_clusters"


class NotAnIdentifier:
    @hookimpl
    def choose_name(self, kind: str) -> str | None:
        return "class" if kind == "operation" else None


# -- transform_api -----------------------------------------------------------------------------


class Regroup:
    @hookimpl
    def transform_api(self, api: Api) -> Api:
        api = rename_group(api, "Clusters", "fleet")
        return without_operations(api, lambda op: op.operation_id == "get_cli_installer")


def test_transform_api_renames_and_hides(tmp_path: Path) -> None:
    code, out = generate(tmp_path, "Regroup")

    assert code == 0
    names = operations(out)
    assert names["get_clusters"] == "organizations.fleet.get_clusters"
    assert "get_cli_installer" not in names
    assert (out / "cp" / "groups" / "fleet.py").is_file()
    assert not (out / "cp" / "groups" / "clusters.py").exists()
    client = (out / "cp" / "_client.py").read_text()
    assert "def fleet(self) -> FleetApi" in client


class MarkStreaming:
    """Marks: take the built-in pagination away from one operation, as a family replacing the rule would."""

    @hookimpl
    def transform_api(self, api: Api, generation: Generation) -> Api:
        assert generation.package.package == "cp"
        groups = tuple(g._replace(operations=tuple(op._replace(pagination=None) if op.operation_id == "get_workloads"
                                                   else op for op in g.operations)) for g in api.groups)
        return api._replace(groups=groups, extensions=(*api.extensions, ("x-sdk", "marked")))


def test_transform_api_sees_the_built_ins_marks_and_may_change_them(tmp_path: Path) -> None:
    code, plain = generate(tmp_path / "plain")
    code2, out = generate(tmp_path, "MarkStreaming")

    assert code == code2 == 0
    assert "iter_get_workloads" in (plain / "cp" / "groups" / "workloads.py").read_text()
    assert "iter_get_workloads" not in (out / "cp" / "groups" / "workloads.py").read_text()


class ReturnsADict:
    @hookimpl
    def transform_api(self, api: Api) -> object:
        return api._asdict()


class BreaksNames:
    @hookimpl
    def transform_api(self, api: Api) -> Api:
        first, second = api.groups[0], api.groups[1]
        return api._replace(groups=(first, second._replace(module=first.module), *api.groups[2:]))


# -- template_folders --------------------------------------------------------------------------


class Templates:
    @hookimpl
    def template_folders(self) -> list[Path]:
        return [TEMPLATES]


def test_template_folders_extend_a_built_in_template(tmp_path: Path) -> None:
    code, out = generate(tmp_path, "Templates")

    assert code == 0
    source = (out / "cp" / "groups" / "workloads.py").read_text()
    methods = class_methods(source)
    assert methods["WorkloadsApi"][-1] == "describe"
    assert methods["AsyncWorkloadsApi"][-1] == "describe"
    assert "async def describe(self) -> str:" in source
    assert "describe" not in class_methods((out / "cp" / "groups" / "nodes.py").read_text())["NodesApi"]


class MissingFolder:
    @hookimpl
    def template_folders(self) -> list[str]:
        return ["/nonexistent/templates"]


# -- extra_files -------------------------------------------------------------------------------


class Helpers:
    @hookimpl
    def extra_files(self, api: Api) -> dict[str, str]:
        return {"cp/_helpers.py": f'"""Written by a plugin."""\n\nOPERATIONS = {len(api.operations)}\n',
                "docs/SDK.md": "# The SDK\n"}


def test_extra_files_are_added_written_and_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = generate(tmp_path, "Helpers")

    assert code == 0
    assert (out / "cp" / "_helpers.py").read_text().startswith('"""Written by a plugin."""')
    assert (out / "docs" / "SDK.md").is_file()
    (out / "docs" / "SDK.md").write_text("edited\n")
    assert main(["check", "--spec", str(SPEC), "--out", str(out), "--name", "cp", "--release", "2.24",
                 "--plugin", f"{HERE}:Helpers"]) == 1
    assert "stale: " in capsys.readouterr().out


class OverwritesInit:
    @hookimpl
    def extra_files(self) -> dict[str, str]:
        return {"cp/__init__.py": "x = 1\n"}


class EscapesTheFolder:
    @hookimpl
    def extra_files(self) -> dict[str, str]:
        return {"../outside.py": "x = 1\n"}


# -- package_ready -----------------------------------------------------------------------------


class Report:
    @hookimpl
    def package_ready(self, files: Mapping[str, str], generation: Generation) -> None:
        groups = [name for name in files if name.startswith("cp/groups/") and not name.endswith("__init__.py")]
        generation.warn("cp/groups", f"{len(groups)} group modules")


def test_package_ready_sees_every_file_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = generate(tmp_path, "Report")
    assert code == 0
    assert "cp/groups#/: 10 group modules" in capsys.readouterr().err

    code, _ = generate(tmp_path / "strict", "Report", extra=("--strict",))
    assert code == 1


class Refuses:
    @hookimpl
    def package_ready(self, files: Mapping[str, str]) -> None:
        if "cp/groups/workloads.py" in files:
            raise ValueError("workloads must not ship")


# -- what goes wrong is named ------------------------------------------------------------------


@pytest.mark.parametrize(("plugin", "message"), [
    ("ReturnsTheDocument", ("failed in patch_document at openapi.yaml: returned dict; it changes document in place "
                            "and returns None")),
    ("NotAnIdentifier", "failed in choose_name at operation "),
    ("ReturnsADict", "failed in transform_api at openapi.yaml: returned dict; expected specloom.ir.Api or None"),
    ("BreaksNames", ("failed in transform_api at openapi.yaml: the IR it returned has unusable names: two groups "
                     "have the group module")),
    ("MissingFolder", "failed in template_folders at "),
    ("OverwritesInit", "failed in extra_files at cp/__init__.py: specloom already generates this file"),
    ("EscapesTheFolder", "failed in extra_files at '../outside.py': a file's path must be relative"),
    ("Refuses", "failed in package_ready at cp: ValueError: workloads must not ship (at test_codegen_plugins.py:"),
])
def test_a_failing_or_wrong_plugin_stops_generation_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              plugin: str, message: str) -> None:
    code, out = generate(tmp_path, plugin)

    err = capsys.readouterr().err
    assert code == 2, err
    assert f"specloom: error: codegen plugin '{HERE}:{plugin}' " in err
    assert message in err
    assert "Traceback" not in err
    assert not out.exists()


class Counter:
    """Not pure: each call numbers the file anew."""

    calls = 0

    @hookimpl
    def extra_files(self) -> dict[str, str]:
        Counter.calls += 1
        return {"cp/_build_number.txt": f"{Counter.calls}\n"}


def test_check_determinism_catches_a_plugin_that_is_not_pure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = generate(tmp_path, "Counter", extra=("--check-determinism",))

    err = capsys.readouterr().err
    assert code == 2
    assert "cp 2.24: generation is not deterministic: 1 file(s) differ between two runs from the same inputs " \
           "(cp/_build_number.txt); codegen plugins in use: tests.unit.test_codegen_plugins:Counter" in err
    assert "+++ cp/_build_number.txt (second run)" in err
    assert not out.exists()


def test_check_determinism_passes_pure_plugins(tmp_path: Path) -> None:
    code, _ = generate(tmp_path, "Helpers", "Regroup", "Templates", extra=("--check-determinism",))
    assert code == 0


@pytest.mark.parametrize(("reference", "message"), [
    ("tests.unit.no_such_module:Plugin", "cannot import 'tests.unit.no_such_module': ModuleNotFoundError"),
    (f"{HERE}:NoSuchPlugin", "test_codegen_plugins has no 'NoSuchPlugin'"),
    ("no-such-entry-point", "no specloom.codegen entry point named 'no-such-entry-point'"),
    (f"{HERE}:NotAPlugin", ("implements no codegen hook (known: choose_name, extra_files, package_ready, "
                            "patch_document, template_folders, transform_api); are its methods marked @hookimpl?")),
    (f"{HERE}:WrongArgument", "is not a valid plugin"),
])
def test_a_plugin_that_cannot_be_loaded_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         reference: str, message: str) -> None:
    out = tmp_path / "out"
    code = main(["generate", "--spec", str(SPEC), "--out", str(out), "--name", "cp", "--plugin", reference])

    assert code == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


class NotAPlugin:
    def transform_api(self, api: Api) -> Api:  # not marked: never called
        return api


class WrongArgument:
    @hookimpl
    def transform_api(self, ir: Api) -> Api:
        return ir


# -- family.toml -------------------------------------------------------------------------------


class Prefixed:
    """A plugin with options: family.toml's ``[codegen.options."<reference>"]`` creates it."""

    def __init__(self, prefix: str, tags: tuple[str, ...] = ()) -> None:
        self.prefix = prefix
        self.tags = tags

    @hookimpl
    def choose_name(self, kind: str, identity: str, default: str) -> str | None:
        return f"{self.prefix}_{default}" if kind == "group" and identity in self.tags else None


HEAD = '[family]\ndistribution = "cp-client"\npackage = "cp_client"\n\n[[release]]\nversion = "2.24"\nspec = "2.24/openapi.yaml"\n'


def family(tmp_path: Path, codegen: str) -> Path:
    root = tmp_path / "root"
    folder = root / "specs" / "cp"
    shutil.copytree(REPO / "specs" / "controlplane" / "2.24", folder / "2.24")
    (folder / "family.toml").write_text(HEAD + codegen)
    return root


def test_family_toml_lists_plugins_with_options_and_they_are_fingerprinted(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    table = f'\n[codegen]\nplugins = ["{HERE}:Prefixed"]\n[codegen.options."{HERE}:Prefixed"]\nprefix = "my"\n'
    root = family(tmp_path, table + 'tags = ["Nodes"]\n')
    assert main(["generate", "--root", str(root)]) == 0
    package = root / "generated" / "cp-2.24" / "cp_client"
    assert (package / "groups" / "my_nodes.py").is_file()
    release = json.loads((package / "_spec" / "release.json").read_text())
    assert release["settings"]["codegen"] == {"plugins": [{"reference": f"{HERE}:Prefixed",
                                                           "options": {"prefix": "my", "tags": ["Nodes"]}}],
                                              "disable": []}
    capsys.readouterr()

    assert main(["generate", "--root", str(root)]) == 0
    assert "cp 2.24: unchanged ->" in capsys.readouterr().out
    (root / "specs" / "cp" / "family.toml").write_text(HEAD + table + 'tags = ["Nodes", "Projects"]\n')
    assert main(["generate", "--root", str(root)]) == 0
    assert "cp 2.24: unchanged ->" not in capsys.readouterr().out
    assert (package / "groups" / "my_projects.py").is_file()

    assert main(["plugins", "--root", str(root), "--family", "cp"]) == 0
    listed = capsys.readouterr().out
    assert "pagination                       built-in" in listed
    assert f"{HERE}:Prefixed" in listed and "family.toml [codegen]" in listed and "hooks: choose_name" in listed


@pytest.mark.parametrize(("table", "message"), [
    ('[codegen]\nplugin = ["x:Y"]\n', "[codegen]: unknown key 'plugin'; did you mean 'plugins'?"),
    ('[codegen]\ndisable = ["paginaton"]\n', "disable: 'paginaton' is not a built-in plugin; did you mean 'pagination'?"),
    (f'[codegen]\nplugins = ["{HERE}:Prefixed"]\n[codegen.options."{HERE}:Prefixd"]\nprefix = "x"\n',
     f"options for '{HERE}:Prefixd', which plugins does not list; did you mean '{HERE}:Prefixed'?"),
    (f'[codegen]\nplugins = ["{HERE}:Prefixed"]\n[codegen.options."{HERE}:Prefixed"]\nprefx = "x"\n',
     f"codegen plugin '{HERE}:Prefixed' does not take options ['prefx']"),
    ('[codegen]\nplugins = ["not a reference"]\n', "must be \"module:attr\""),
])
def test_a_codegen_table_mistake_is_an_error_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       table: str, message: str) -> None:
    root = family(tmp_path, "\n" + table)

    assert main(["generate", "--root", str(root)]) == 2
    assert message in capsys.readouterr().err
    assert not (root / "generated").exists()


# -- the built-ins, off and on -----------------------------------------------------------------


def tree(folder: Path) -> dict[str, str]:
    """The package's files, as its manifest lists them (not the caches tools leave beside them), and the manifest."""
    names = [*json.loads((folder / MANIFEST).read_text())["files"], MANIFEST]
    return {name: (folder / name).read_text() for name in sorted(names)}


def test_disabling_the_built_in_plugins_takes_away_exactly_pagers_waiters_and_the_token_endpoint(tmp_path: Path) -> None:
    """The reference family generated with every built-in disabled against generated/ as committed."""
    root = tmp_path / "root"
    shutil.copytree(REPO / "specs" / "controlplane", root / "specs" / "controlplane")
    toml = root / "specs" / "controlplane" / "family.toml"
    toml.write_text(toml.read_text() + '\n[codegen]\ndisable = ["pagination", "waiters", "token_exchange"]\n')
    assert main(["generate", "--root", str(root), "--release", "2.24"]) == 0
    on, off = tree(REPO / "generated" / "controlplane-2.24"), tree(root / "generated" / "controlplane-2.24")

    differing = sorted(name for name in on.keys() | off.keys() if on.get(name) != off.get(name))
    assert differing == [".specloom-manifest.json", "README.md", "controlplane_client/_security.py",
                         "controlplane_client/_spec/release.json",
                         "controlplane_client/_waiters.py", "controlplane_client/groups/audit_logs.py",
                         "controlplane_client/groups/departments.py", "controlplane_client/groups/events.py",
                         "controlplane_client/groups/nodes.py", "controlplane_client/groups/projects.py",
                         "controlplane_client/groups/workloads.py",
                         "controlplane_client/operations.json"]
    assert "controlplane_client/_waiters.py" not in off
    removed: set[str] = set()
    for name in differing:
        if name.startswith("controlplane_client/groups/"):
            before, after = class_methods(on[name]), class_methods(off[name])
            assert before.keys() == after.keys()
            for cls in before:
                assert set(after[cls]) <= set(before[cls])
                removed |= set(before[cls]) - set(after[cls])
    assert removed and all(m.startswith("iter_") for m in removed - {"submit_workload_job", "wait_for_workload"})
    assert {"submit_workload_job", "wait_for_workload", "iter_list_audit_archive"} <= removed
    pagers_on = [row["pager"] for row in json.loads(on["controlplane_client/operations.json"]) if row["pager"]]
    assert len(pagers_on) == len([m for m in removed if m.startswith("iter_")])
    assert all(row["pager"] is None for row in json.loads(off["controlplane_client/operations.json"]))
    assert json.loads(off["controlplane_client/_spec/release.json"])["settings"]["codegen"]["disable"] == [
        "pagination", "waiters", "token_exchange"]
    security_on, security_off = on["controlplane_client/_security.py"], off["controlplane_client/_security.py"]
    assert security_off == security_on[:security_on.index("TOKEN_EXCHANGE")] + "TOKEN_EXCHANGE: TokenExchange | None = None\n"


def test_a_family_may_replace_a_built_in_with_its_own(tmp_path: Path) -> None:
    """``waiters`` off, and a plugin of the family's own reading the same declarations."""
    root = tmp_path / "root"
    shutil.copytree(REPO / "specs" / "controlplane", root / "specs" / "controlplane")
    toml = root / "specs" / "controlplane" / "family.toml"
    toml.write_text(toml.read_text() + f'\n[codegen]\ndisable = ["waiters"]\nplugins = ["{HERE}:OwnWaiters"]\n')
    assert main(["generate", "--root", str(root), "--release", "2.24"]) == 0

    made = root / "generated" / "controlplane-2.24" / "controlplane_client"
    assert (made / "_waiters.py").read_text() == (REPO / "generated" / "controlplane-2.24" / "controlplane_client"
                                                  / "_waiters.py").read_text()


class OwnWaiters:
    @hookimpl
    def transform_api(self, api: Api, generation: Generation) -> Api:
        from specloom.waiters import with_waiters

        return with_waiters(api, generation.settings.waiters)


def test_a_plugin_is_found_by_its_entry_point_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """An installed distribution's ``specloom.codegen`` entry point, named on the command line as in a family.toml."""
    dist_info = tmp_path / "site" / "my_sdk-1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: my-sdk\nVersion: 1.0\n")
    (dist_info / "entry_points.txt").write_text(f"[specloom.codegen]\nmy-sdk = {HERE}:Helpers\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))

    out = tmp_path / "out"
    assert main(["generate", "--spec", str(SPEC), "--out", str(out), "--name", "cp", "--plugin", "my-sdk"]) == 0
    assert (out / "cp" / "_helpers.py").is_file()
    capsys.readouterr()

    assert main(["plugins", "--plugin", "my-sdk"]) == 0
    listed = capsys.readouterr().out
    assert "my-sdk                           command line, entry point of my-sdk" in listed
    assert "hooks: extra_files" in listed
    assert f"  my-sdk                           {HERE}:Helpers" in listed  # among the installed ones


def test_hooks_no_plugin_implements_cost_no_call(tmp_path: Path) -> None:
    """Without extra plugins the front end gets no patch and no namer to call (per document, per name)."""
    from specloom.codegen_plugins import CodegenPlugins
    from specloom.diagnostics import Diagnostics
    from specloom.family import Settings
    from specloom.pipeline import UNNAMED

    generation = Generation(UNNAMED, SPEC, Settings(), Diagnostics())
    plain = CodegenPlugins(Settings())
    assert plain.patcher(generation) is None and plain.namer(generation) is None
    assert [p.name for p in plain.active()] == ["pagination", "waiters", "token_exchange"]
    assert [p.name for p in CodegenPlugins(Settings(disable=("pagination", "waiters", "token_exchange"))).active()] == []
