"""``specloom build``: wheels, sdists and a PEP 503 index from which a pinned release installs with its runtime."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from specloom.cli import main
from specloom.dist import normalized, write_index

from tests.servers import ControlPlaneServer
from tests.servers.fixtures import controlplane  # noqa: F401 - a fixture
from tests.support import REPO, run_python


def test_project_names_are_normalized_as_pep_503_says() -> None:
    assert normalized("controlplane_client") == normalized("Controlplane.Client") == "controlplane-client"
    assert normalized("specloom__runtime") == "specloom-runtime"


def test_the_index_lists_every_distribution_in_the_folder_with_its_hash(tmp_path: Path) -> None:
    for name in ("controlplane_client-1.223.0-py3-none-any.whl", "controlplane_client-1.224.0.tar.gz",
                 "specloom_runtime-0.1.0-py3-none-any.whl", "notes.txt"):
        (tmp_path / name).write_bytes(name.encode())

    simple = write_index(tmp_path)

    assert sorted(p.name for p in simple.iterdir()) == ["controlplane-client", "index.html", "specloom-runtime"]
    page = (simple / "controlplane-client" / "index.html").read_text()
    assert '<a href="../../controlplane_client-1.223.0-py3-none-any.whl#sha256=' in page
    assert "controlplane_client-1.224.0.tar.gz" in page and 'data-requires-python="&gt;=3.11"' in page
    assert "notes.txt" not in (simple / "index.html").read_text()


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0 and capsys.readouterr().out.startswith("specloom 0.")


def test_a_stale_package_is_not_built(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "root"
    shutil.copytree(REPO / "specs", root / "specs")
    shutil.copytree(REPO / "generated" / "controlplane-2.24", root / "generated" / "controlplane-2.24")
    (root / "generated" / "controlplane-2.24" / "README.md").write_text("edited by hand\n")

    assert main(["build", "--root", str(root), "--release", "2.24", "--no-runtime", "--out", str(tmp_path / "dist")]) == 2
    assert "does not match its spec (1 files differ): run `specloom generate` first" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists() or not any((tmp_path / "dist").iterdir())


@pytest.mark.slow
def test_a_pinned_release_installs_from_the_index_with_its_runtime(tmp_path: Path,
                                                                    controlplane: ControlPlaneServer) -> None:  # noqa: F811
    dist = tmp_path / "dist"
    assert main(["build", "--root", str(REPO), "--family", "controlplane", "--release", "2.23", "--release", "2.24",
                 "--out", str(dist)]) == 0
    built = sorted(p.name for p in dist.iterdir() if p.is_file())
    assert built == ["controlplane_client-1.223.0-py3-none-any.whl", "controlplane_client-1.223.0.tar.gz",
                     "controlplane_client-1.224.0-py3-none-any.whl", "controlplane_client-1.224.0.tar.gz",
                     "specloom_runtime-0.1.0-py3-none-any.whl", "specloom_runtime-0.1.0.tar.gz"]
    index = (dist / "simple").resolve().as_uri()

    for pin, version in (("~=1.223.0", "1.223.0"), ("~=1.224.0", "1.224.0")):
        venv = tmp_path / f"venv-{version}"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
        python = str(venv / "bin" / "python")
        installed = subprocess.run([python, "-m", "pip", "install", "--quiet", f"controlplane-client{pin}",
                                    "--index-url", index], capture_output=True, text=True, timeout=600, check=False)
        assert installed.returncode == 0, installed.stderr
        out = run_python("import importlib.metadata as md, json, controlplane_client\n"
                         f"client = controlplane_client.Client(base_url={controlplane.base_url!r}, "
                         f"bearer_token={controlplane.mint_token()!r})\n"
                         "clusters = client.organizations.clusters.get_clusters()\n"
                         "print(json.dumps({**{d: md.version(d) for d in ('controlplane-client', 'specloom-runtime')},"
                         " 'clusters': len(clusters)}))", python=python)
        report = json.loads(out.strip().splitlines()[-1])
        assert report == {"controlplane-client": version, "specloom-runtime": "0.1.0", "clusters": report["clusters"]}
        assert report["clusters"] > 0  # the installed package works against the test control plane


@pytest.mark.slow
def test_both_graphql_releases_install_from_the_index_and_call_their_server(tmp_path: Path) -> None:
    from tests.servers.gpucloud import API_KEY, GpuCloudServer

    dist = tmp_path / "dist"
    assert main(["build", "--root", str(REPO), "--family", "gpucloud", "--no-runtime", "--out", str(dist)]) == 0
    assert main(["build", "--root", str(REPO), "--family", "controlplane", "--release", "2.24",
                 "--out", str(dist)]) == 0  # the runtime, into the same index
    index = (dist / "simple").resolve().as_uri()

    for release, version in (("1.0", "1.100.0"), ("1.1", "1.101.0")):
        venv = tmp_path / f"venv-{release}"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
        python = str(venv / "bin" / "python")
        installed = subprocess.run([python, "-m", "pip", "install", "--quiet", f"gpucloud-client~={version}",
                                    "--index-url", index], capture_output=True, text=True, timeout=600, check=False)
        assert installed.returncode == 0, installed.stderr
        with GpuCloudServer(release) as server:
            out = run_python("import importlib.metadata as md, gpucloud_client\n"
                             f"client = gpucloud_client.Client(base_url={server.base_url!r}, bearer_token={API_KEY!r})\n"
                             "pods = client.pods.list_pods().myself.pods\n"
                             "print(md.version('gpucloud-client'), len(pods))", python=python)
        installed_version, pods = out.strip().splitlines()[-1].split()
        assert installed_version == version and int(pods) > 0  # the pinned release, working against its server
