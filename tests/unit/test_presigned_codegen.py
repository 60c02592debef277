"""Presigned uploads in the generator (issue 11): the rule that finds them, and the method generated for them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from specloom.render import PackageInfo, Renderer

from tests.support import PUBLIC_SPECS, generate

from .specbuild import build, openapi, warnings_text

BINARY = {"required": True, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}
OK = {"200": {"description": "stored"}}


def put(path: str, **operation: Any) -> dict[str, Any]:
    return openapi(paths={path: {"put": {"operationId": "upload", "requestBody": BINARY, "responses": OK, **operation}}})


def upload_op(tmp_path: Path, spec: dict[str, Any]) -> Any:
    api, diagnostics = build(tmp_path, spec)
    assert not diagnostics.warnings, warnings_text(diagnostics)
    return next(op for op in api.operations if op.operation_id == "upload")


@pytest.mark.parametrize(("path", "servers", "argument"), [
    ("/<upload_url>", [{"url": "https://"}], "upload_url"),  # DigitalOcean's batch-file upload
    ("/{signedUrl}", [{"url": "https://"}, {"url": "http://"}], "signed_url"),
    ("/upload", [{"url": "{target}", "variables": {"target": {"default": ""}}}], "url"),
    ("/<for>", [{"url": "https://"}], "for_"),  # a keyword is no argument name
    ("/<body>", [{"url": "https://"}], "presigned_url"),  # nor is one every method has
])
def test_an_upload_whose_servers_give_no_host_takes_the_url_as_an_argument(
        tmp_path: Path, path: str, servers: list[dict[str, Any]], argument: str) -> None:
    declared = [{"name": "signedUrl", "in": "path", "required": True, "schema": {"type": "string"}}]
    op = upload_op(tmp_path, put(path, servers=servers, parameters=declared if "{" in path else []))

    assert op.presigned_url == argument
    assert [p.python_name for p in op.parameters] == []  # a declared placeholder is the URL now, not a path parameter


def test_the_extension_declares_one_and_anything_else_is_an_ordinary_operation(tmp_path: Path) -> None:
    assert upload_op(tmp_path, put("/blob", **{"x-specloom-presigned": True})).presigned_url == "url"
    assert upload_op(tmp_path, put("/blob")).presigned_url == ""
    assert upload_op(tmp_path, put("/blob", servers=[{"url": "https://storage.example.com"}])).presigned_url == ""
    assert upload_op(tmp_path, put("/blob", servers=[{"url": "/v2"}])).presigned_url == ""
    json_body = {"content": {"application/json": {"schema": {"type": "object"}}}}
    assert upload_op(tmp_path, put("/blob", servers=[{"url": "https://"}], requestBody=json_body)).presigned_url == ""


def test_the_generated_method_takes_the_url_first_and_its_operation_is_presigned(tmp_path: Path) -> None:
    api, _ = build(tmp_path, put("/<upload_url>", servers=[{"url": "https://"}], security=[]))
    files = Renderer(api, PackageInfo("up", "up", "0.1.0", "1.0")).render()
    text = "".join(t for name, t in files.items() if name.startswith("up/groups/") and "__init__" not in name)

    assert "        upload_url: str,\n        body: Upload,\n" in text
    assert "            url=upload_url,\n            body=body,\n" in text
    assert "    presigned=True,\n" in text
    assert "``upload_url``: the presigned URL the API returned" in text


def test_digitaloceans_batch_file_upload_is_found_by_the_rule(tmp_path: Path) -> None:
    spec = PUBLIC_SPECS / "digitalocean" / "DigitalOcean-public.v2.yaml"
    if not spec.is_file():
        pytest.skip(f"the DigitalOcean spec is not at {spec} (../shared/specs/public is not checked out beside the repo)")
    package = generate(spec, tmp_path, "digitalocean")
    text = (package / "groups" / "batch_inference.py").read_text()

    assert "def inference_upload_batch_file(\n        self,\n        *,\n        upload_url: str,\n        body: Upload," in text
    presigned = [line for line in (package / "groups").glob("*.py") for line in line.read_text().splitlines()
                 if line == "    presigned=True,"]
    assert len(presigned) == 1  # the one upload of its 659 operations that goes to a URL the API hands out
