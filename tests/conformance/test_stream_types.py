"""A caller's code type-checks against the stream types: ``mypy --strict`` over calls the way users write them.

The overloads of a method that streams when asked must give the stream type exactly when
asked, the answer read whole otherwise, and their union for a ``bool`` not known until run
time (sync and async); downloads are typed as their stream. ``assert_type`` fails mypy on
any other type, and assigning a stream to ``str`` must be refused.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conformance.checks import VENV_BIN, run_tool
from tests.support import REPO, generate, public_spec

CONTROLPLANE = '''
from pathlib import Path
from typing import assert_type

from controlplane_client import AsyncClient, Client
from controlplane_client.models.download_cli_arch import DownloadCliArch
from controlplane_client.models.download_cli_os import DownloadCliOs
from specloom_runtime import AsyncByteStream, AsyncTextStream, ByteStream, TextStream

ID = "3d7c1d7e-96a4-4a3c-8d2f-0f4b8e2a6c11"


def sync_calls(client: Client, follow: bool) -> None:
    workloads = client.workloads.workloads
    assert_type(workloads.get_workload_logs(workload_id=ID), str)
    assert_type(workloads.get_workload_logs(workload_id=ID, follow=False), str)
    assert_type(workloads.get_workload_logs(workload_id=ID, follow=True), TextStream)
    assert_type(workloads.get_workload_logs(workload_id=ID, follow=follow), str | TextStream)
    assert_type(client.infrastructure.cli.download_cli(os=DownloadCliOs.LINUX, arch=DownloadCliArch.AMD64), ByteStream)
    with workloads.get_workload_logs(workload_id=ID, follow=True) as logs:
        for line in logs.iter_lines():
            assert_type(line, str)
    wrong: str = workloads.get_workload_logs(workload_id=ID, follow=True)  # REFUSED


async def async_calls(client: AsyncClient, follow: bool) -> None:
    workloads = client.workloads.workloads
    assert_type(await workloads.get_workload_logs(workload_id=ID), str)
    assert_type(await workloads.get_workload_logs(workload_id=ID, follow=True), AsyncTextStream)
    assert_type(await workloads.get_workload_logs(workload_id=ID, follow=follow), str | AsyncTextStream)
    download = await client.infrastructure.cli.download_cli(os=DownloadCliOs.LINUX, arch=DownloadCliArch.AMD64)
    assert_type(download, AsyncByteStream)
    assert_type(await download.save("cli"), Path)
    async with await workloads.get_workload_logs(workload_id=ID, follow=True) as logs:
        async for line in logs.iter_lines():
            assert_type(line, str)
'''

DIGITALOCEAN = '''
from typing import Any, assert_type

from {package} import AsyncClient, Client
from {package}.models.chat_completion_chunk import ChatCompletionChunk
from {package}.models.chat_completion_response import ChatCompletionResponse
from specloom_runtime import AsyncEventStream, EventStream

BODY: dict[str, Any] = {{"model": "m", "messages": []}}


def sync_calls(client: Client, stream: bool) -> None:
    chat = client.{group}.inference_create_chat_completion
    assert_type(chat(body=BODY, stream=True), EventStream[ChatCompletionChunk])
    assert_type(chat(body=BODY, stream=False), ChatCompletionResponse)
    assert_type(chat(body=BODY, stream=stream), ChatCompletionResponse | EventStream[ChatCompletionChunk])
    assert_type(chat(body=BODY), ChatCompletionResponse | EventStream[ChatCompletionChunk])


async def async_calls(client: AsyncClient) -> None:
    chat = client.{group}.inference_create_chat_completion
    assert_type(await chat(body=BODY, stream=True), AsyncEventStream[ChatCompletionChunk])
    assert_type(await chat(body=BODY, stream=False), ChatCompletionResponse)
'''


def mypy_on(caller: str, path: list[Path], scratch: Path) -> list[str]:
    """The error lines mypy --strict reports for the module ``caller``, with ``path`` first on its search path."""
    scratch.mkdir(parents=True, exist_ok=True)
    (scratch / "caller.py").write_text(caller, encoding="utf-8")
    config = scratch / "mypy.ini"
    search = ":".join(str(p) for p in [*path, REPO / "plugins" / "src"])
    config.write_text(f"[mypy]\nstrict = True\npython_version = 3.11\nmypy_path = {search}\n", encoding="utf-8")
    proc = run_tool([str(VENV_BIN / "mypy"), "--config-file", str(config), "--cache-dir", str(scratch / "cache"),
                     "--no-error-summary", "caller.py"], cwd=scratch)
    return [line for line in proc.stdout.splitlines() if ": error:" in line]


def refused_lines(caller: str) -> set[int]:
    return {number for number, line in enumerate(caller.splitlines(), 1) if line.endswith("# REFUSED")}


@pytest.mark.slow
def test_the_reference_family_s_streams_are_typed_as_asked(tmp_path: Path) -> None:
    errors = mypy_on(CONTROLPLANE, [REPO / "generated" / "controlplane-2.24"], tmp_path)

    refused = {int(m[1]) for e in errors if (m := re.match(r"caller\.py:(\d+):", e))}
    assert refused == refused_lines(CONTROLPLANE), "\n".join(errors)
    assert all("Incompatible types in assignment" in e and "TextStream" in e for e in errors), "\n".join(errors)


@pytest.mark.slow
def test_a_stream_asked_for_in_a_real_spec_s_body_is_typed_by_its_keyword(tmp_path: Path) -> None:
    spec = public_spec("digitalocean").path  # skips, saying why, without ../shared/specs/public
    package = "digitalocean_types"
    dist = generate(spec, tmp_path / "dist", package).parent
    index = json.loads((dist / package / "operations.json").read_text(encoding="utf-8"))
    (entry,) = [o for o in index if o["operation_id"] == "inference_create_chat_completion"]
    caller = DIGITALOCEAN.format(package=package, group=entry["python_name"].rsplit(".", 1)[0])

    errors = mypy_on(caller, [dist], tmp_path / "mypy")

    assert errors == []
