"""Upload bodies in the generator (issue 11, item 7): what the IR keeps of them and what the group modules say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from specloom.ir import PartEncoding
from specloom.render import PackageInfo, Renderer

from .specbuild import build, openapi, warnings_text


def multipart_spec(encoding: dict[str, Any] | None = None) -> dict[str, Any]:
    media: dict[str, Any] = {"schema": {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary"},
        "meta": {"type": "object", "additionalProperties": {"type": "string"}},
        "tags": {"type": "array", "items": {"type": "string"}}}}}
    if encoding is not None:
        media["encoding"] = encoding
    return openapi(paths={"/files": {"post": {
        "operationId": "upload", "requestBody": {"required": True, "content": {"multipart/form-data": media}},
        "responses": {"204": {"description": "stored"}}}},
        "/blobs/{name}": {"put": {
            "operationId": "put_blob", "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}],
            "requestBody": {"required": True, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
            "responses": {"204": {"description": "stored"}}}}})


def group_module(tmp_path: Path, spec: dict[str, Any]) -> str:
    api, _ = build(tmp_path, spec)
    files = Renderer(api, PackageInfo("up", "up", "0.1.0", "1.0")).render()
    return "".join(text for name, text in files.items() if name.startswith("up/groups/") and "__init__" not in name)


def test_the_encoding_of_a_multipart_body_is_kept_as_the_spec_sets_it(tmp_path: Path) -> None:
    spec = multipart_spec({"file": {"contentType": "image/png, image/*"}, "tags": {"style": "pipeDelimited"},
                           "meta": {"contentType": "application/json"}})
    api, diagnostics = build(tmp_path, spec)

    assert not diagnostics.warnings, warnings_text(diagnostics)
    body = next(op for op in api.operations if op.operation_id == "upload").body
    assert body is not None and body.encoding == (
        PartEncoding("file", content_type="image/png, image/*"),
        PartEncoding("meta", content_type="application/json"),
        PartEncoding("tags", style="pipeDelimited", explode=False),  # explode's default follows the style
    )


def test_an_encoding_that_is_not_an_object_is_reported_and_ignored(tmp_path: Path) -> None:
    api, diagnostics = build(tmp_path, multipart_spec({"file": "image/png"}))

    body = next(op for op in api.operations if op.operation_id == "upload").body
    assert body is not None and body.encoding == ()
    assert "an encoding entry must be an object" in warnings_text(diagnostics)


def test_binary_properties_and_bodies_are_typed_and_checked_as_files(tmp_path: Path) -> None:
    text = group_module(tmp_path, multipart_spec({"file": {"contentType": "image/png"}}))

    assert "body: Upload," in text  # put_blob's body
    assert "body_encoding={'file': PartEncoding(content_type='image/png')}" in text
    assert 'v = form_fields(arguments.get("body", UNSET))' in text  # multipart bodies are checked as sent
    assert "if v is not UNSET and not is_file_content(v):" in text


def test_swagger2_form_data_becomes_a_multipart_body_with_the_file_typed_as_one(tmp_path: Path) -> None:
    spec = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/upload": {"post": {
        "operationId": "UploadPipeline", "consumes": ["multipart/form-data"],
        "parameters": [{"name": "uploadfile", "in": "formData", "required": True, "type": "file"},
                       {"name": "labels", "in": "formData", "type": "array", "items": {"type": "string"}},
                       {"name": "ids", "in": "formData", "type": "array", "collectionFormat": "multi",
                        "items": {"type": "integer"}},
                       {"name": "name", "in": "query", "type": "string"}],
        "responses": {"200": {"description": "ok"}}}}}}
    api, diagnostics = build(tmp_path, spec)

    assert not diagnostics.warnings, warnings_text(diagnostics)
    op = api.operations[0]
    assert op.body is not None and op.body.media_type == "multipart/form-data" and op.body.required
    form = api.models[op.body.type.ref or ""]
    file = {p.wire_name: p.type for p in form.properties}["uploadfile"]
    assert (file.kind, file.format) == ("string", "binary")
    # collectionFormat: csv (2.0's default) joins the items, multi repeats the field.
    assert op.body.encoding == (PartEncoding("labels", style="form", explode=False),)


def test_swagger2_form_data_without_a_file_is_urlencoded_with_its_collection_format(tmp_path: Path) -> None:
    spec = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/search": {"post": {
        "operationId": "search", "consumes": ["application/x-www-form-urlencoded"],
        "parameters": [{"name": "terms", "in": "formData", "type": "array", "collectionFormat": "pipes",
                        "items": {"type": "string"}}],
        "responses": {"200": {"description": "ok"}}}}}}
    api, _ = build(tmp_path, spec)

    body = api.operations[0].body
    assert body is not None and body.media_type == "application/x-www-form-urlencoded" and not body.required
    assert body.encoding == (PartEncoding("terms", style="pipeDelimited", explode=False),)


def form_spec(encoding: dict[str, Any]) -> dict[str, Any]:
    return openapi(paths={"/profile": {"post": {
        "operationId": "update", "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {
            "type": "object", "properties": {"address": {"type": "object"}, "settings": {"type": "object"},
                                             "redirect": {"type": "string"}, "tags": {"type": "array"}}},
            "encoding": encoding}}},
        "responses": {"204": {"description": "ok"}}}}})


def test_the_headers_of_a_multipart_part_are_kept_with_their_schemas(tmp_path: Path) -> None:
    spec = multipart_spec({"file": {"contentType": "image/png", "headers": {
        "X-Checksum": {"$ref": "#/components/headers/Checksum"},
        "X-Rate": {"schema": {"type": "integer", "minimum": 1}},
        "Content-Type": {"schema": {"type": "string"}}}}})  # OpenAPI: ignored here, it is contentType
    spec["components"]["headers"] = {"Checksum": {"required": True, "schema": {"type": "string", "pattern": "^[0-9a-f]+$"}}}
    api, diagnostics = build(tmp_path, spec)

    assert not diagnostics.warnings, warnings_text(diagnostics)
    body = next(op for op in api.operations if op.operation_id == "upload").body
    assert body is not None
    (file,) = body.encoding
    assert [(h.name, h.type.kind, h.required, dict(h.type.constraints)) for h in file.headers] == [
        ("X-Checksum", "string", True, {"pattern": "^[0-9a-f]+$"}), ("X-Rate", "integer", False, {"minimum": 1})]
    assert file.content_type == "image/png" and not file.as_media


def test_part_headers_are_checked_by_the_generated_validator_and_left_out_of_the_runtime_encoding(tmp_path: Path) -> None:
    text = group_module(tmp_path, multipart_spec({"meta": {"headers": {"X-Rate": {"required": True, "schema": {
        "type": "integer"}}}}}))

    assert "body_encoding=" not in text  # headers alone: the runtime sends what the caller gives
    assert "for where, given in part_headers(arguments.get(\"body\", UNSET), 'meta'):" in text
    assert "h = given.get('x-rate', UNSET)" in text
    assert 'problems.append(f"{where}.headers.X-Rate: is required")' in text


def test_a_form_body_keeps_style_explode_allow_reserved_and_a_content_type_set_alone(tmp_path: Path) -> None:
    spec = form_spec({"address": {"style": "deepObject"}, "settings": {"contentType": "application/json"},
                      "redirect": {"allowReserved": True, "contentType": "text/plain"},
                      "tags": {"contentType": "application/json", "explode": False,
                               "headers": {"X-Ignored": {"schema": {"type": "string"}}}}})
    api, diagnostics = build(tmp_path, spec)

    assert not diagnostics.warnings, warnings_text(diagnostics)
    body = api.operations[0].body
    assert body is not None and body.encoding == (
        PartEncoding("address", style="deepObject", explode=False),
        # A style, explode or allowReserved set: contentType no longer decides (OpenAPI 3.1.1); headers: multipart only.
        PartEncoding("redirect", content_type="text/plain", allow_reserved=True),
        PartEncoding("settings", content_type="application/json", as_media=True),
        PartEncoding("tags", content_type="application/json", explode=False),
    )
    text = group_module(tmp_path, spec)
    assert "'settings': PartEncoding(content_type='application/json', as_media=True)" in text
    assert "'redirect': PartEncoding(content_type='text/plain', allow_reserved=True)" in text
