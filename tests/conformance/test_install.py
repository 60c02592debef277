"""Acceptance 2: a generated package installs into a fresh venv with the runtime only, and works there."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

from tests.conformance.checks import BUILD_LEFTOVERS, fresh_venv, run_tool
from tests.support import REPO, RUNAI_RELEASES, run_python

# import package -> its distribution
PACKAGES = {"runai": "runai-client", "controlplane_client": "controlplane-client", "gpucloud_client": "gpucloud-client"}
# distribution -> import name of what only the generator needs
GENERATOR_ONLY = {"specloom": "specloom", "jinja2": "jinja2", "graphql-core": "graphql", "markupsafe": "markupsafe"}


@attrs.frozen
class Venv:
    path: Path
    skipped: dict[str, str]  # import package -> why it is not installed

    @property
    def python(self) -> str:
        return str(self.path / "bin" / "python")


@pytest.fixture(scope="module")
def venv(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Venv:
    """A fresh venv holding the runtime (plugins/), runai 2.24, generated/controlplane-2.24 and the GraphQL
    family's generated/gpucloud-1.1, built from copies."""
    base = tmp_path_factory.mktemp("fresh-venv")
    sources = {"plugins": REPO / "plugins", "controlplane": REPO / "generated" / "controlplane-2.24",
               "gpucloud": REPO / "generated" / "gpucloud-1.1"}
    skipped = {}
    try:
        sources["runai"] = request.getfixturevalue("runai").dist("2.24")
    except pytest.skip.Exception as exc:  # ../shared is absent: the controlplane package is still checked
        skipped["runai"] = str(exc)
    fresh_venv(base, sources)
    return Venv(base / "venv", skipped)


_USE = r"""
import importlib.resources, json
package = __import__(PACKAGE)
client = package.Client(base_url="http://127.0.0.1:9")
files = importlib.resources.files(PACKAGE)
shipped = sorted(n for n in ("operations.json", "schemas.json", "py.typed") if (files / n).is_file())
print(json.dumps({"file": package.__file__, "children": client.options(), "shipped": shipped}))
client.close()
"""

_ENVIRONMENT = r"""
import importlib.metadata as md, importlib.util, json, re
def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()
def requirement_name(text):
    return norm(re.split(r"[ ;<>=!~\[(]", text, maxsplit=1)[0])
dists = sorted({norm(d.metadata["Name"]) for d in md.distributions()})
requires = {d: sorted({requirement_name(r) for r in md.requires(d) or []}) for d in GENERATED}
modules = {m: importlib.util.find_spec(m) is not None for m in MODULES}
print(json.dumps({"dists": dists, "requires": requires, "modules": modules}))
"""


@pytest.mark.slow
@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_installed_package_imports_and_builds_a_client(venv: Venv, package: str) -> None:
    if package in venv.skipped:
        pytest.skip(venv.skipped[package])
    out = run_python(f"PACKAGE = {package!r}\n" + _USE, python=venv.python)
    report: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    assert Path(report["file"]).resolve().is_relative_to(venv.path.resolve()), (
        f"{package} was imported from {report['file']}"
    )
    assert report["children"], "the client has no category or group"
    assert report["shipped"] == ["operations.json", "py.typed", "schemas.json"]


@pytest.mark.slow
def test_venv_holds_no_generator_dependency(venv: Venv) -> None:
    generated = sorted(d for p, d in PACKAGES.items() if p not in venv.skipped)
    prelude = f"GENERATED = {generated!r}\nMODULES = {sorted(GENERATOR_ONLY.values())!r}\n"
    report = json.loads(run_python(prelude + _ENVIRONMENT, python=venv.python).strip().splitlines()[-1])
    assert {"specloom-runtime", *generated} <= set(report["dists"]), report["dists"]
    assert sorted(set(report["dists"]) & set(GENERATOR_ONLY)) == [], "generator dependencies were installed"
    assert [m for m, found in report["modules"].items() if found] == [], "generator modules are importable"
    assert report["requires"] == {d: ["specloom-runtime"] for d in generated}, "a generated package needs more"


@pytest.fixture(scope="module")
def runtime_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The runtime built once as a wheel, so each fresh venv below installs the same bytes."""
    out = tmp_path_factory.mktemp("runtime-wheel")
    source = out / "src"
    shutil.copytree(REPO / "plugins", source, ignore=BUILD_LEFTOVERS)
    built = run_tool([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)], cwd=out, timeout=600)
    assert built.returncode == 0, built.stderr
    return next(out.glob("specloom_runtime-*.whl"))


@pytest.mark.slow
@pytest.mark.parametrize("release", RUNAI_RELEASES)
def test_every_runai_release_installs_into_a_fresh_venv(release: str, runai: Any, runtime_wheel: Path, tmp_path: Path) -> None:
    python = str(fresh_venv(tmp_path, {"runtime": runtime_wheel, "runai": runai.dist(release)}))
    env = tmp_path / "venv"
    report = json.loads(run_python("PACKAGE = 'runai'\n" + _USE, python=python).strip().splitlines()[-1])
    assert Path(report["file"]).resolve().is_relative_to(env.resolve())
    assert report["children"] and report["shipped"] == ["operations.json", "py.typed", "schemas.json"]
    version = run_python("import importlib.metadata as m; print(m.version('runai-client'))", python=python).strip()
    major, minor = release.split(".")
    assert version == f"1.{int(major) * 100 + int(minor)}.0"
