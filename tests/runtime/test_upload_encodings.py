"""Issue 11, the spec's ``encoding`` in full, in every kind of client: multipart parts carry the headers their
encoding declares (given by the caller, checked against the spec's header schemas before anything is sent), and
form (urlencoded) bodies write objects and arrays as OpenAPI's styles say.

The package is generated from tests/runtime/specs/forms.yaml and called against a loopback API that records
every request as it arrived (:mod:`tests.runtime.forms_package`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from specloom_runtime import File, Part, RequestEncodingError, RequestOptions, RequestValidationError

from tests.integration.servers import LoopbackServer, RecordedRequest
from tests.runtime.forms_package import Api
from tests.runtime.harness import PackageHarness
from tests.servers.uploads import ReceivedPart, read_multipart

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 300
DIGEST = hashlib.sha256(PDF).hexdigest()


def upload(body: Any, **kwargs: Any) -> Any:
    return lambda c: c.documents.upload_document(body=body, **kwargs)


def received(app: Api) -> list[ReceivedPart]:
    (request,) = app.take()
    return read_multipart(request.header("content-type") or "", request.body).parts


def extra_headers(part: ReceivedPart) -> dict[str, str]:
    """The part's headers besides the two every part has."""
    return {k: v for k, v in part.headers.items() if k not in ("content-disposition", "content-type")}


# -- multipart: the headers of each part ------------------------------------------------------------


def test_each_part_carries_the_headers_the_caller_gives_it(fh: PackageHarness, forms_api: tuple[Api, LoopbackServer],
                                                           tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(PDF)
    client = fh.client(bearer_token="token-for-the-api-1234")
    body = {
        "file": File(path, headers={"X-Checksum-SHA256": DIGEST, "X-Page-Count": 12}),
        "metadata": Part({"owner": "nlp"}, headers={"X-Schema-Version": "2"}),
        "pages": [File(b"page one", headers={"X-Page": 1}), Part(b"page two", headers={"x-page": 2}), b"page three"],
        "note": Part("# Draft", headers={"X-Note-Lang": "en"}, content_type="text/markdown"),  # an undeclared header
    }

    fh.run(client, upload(body))

    parts = received(forms_api[0])
    assert [(p.name, p.filename) for p in parts] == [("file", "report.pdf"), ("metadata", None), ("pages", "pages"),
                                                     ("pages", "pages"), ("pages", "pages"), ("note", None)]
    file, metadata, one, two, three, note = parts
    assert extra_headers(file) == {"x-checksum-sha256": DIGEST, "x-page-count": "12"}
    assert file.content_type == "application/pdf" and file.sha256 == DIGEST  # the encoding's contentType
    assert extra_headers(metadata) == {"x-schema-version": "2"} and metadata.content_type == "application/json"
    assert metadata.text == '{"owner":"nlp"}'
    assert [extra_headers(p) for p in (one, two, three)] == [{"x-page": "1"}, {"x-page": "2"}, {}]
    assert [p.data for p in (one, two, three)] == [b"page one", b"page two", b"page three"]
    assert extra_headers(note) == {"x-note-lang": "en"} and (note.text, note.content_type) == ("# Draft", "text/markdown")


def test_a_part_header_missing_or_off_its_schema_is_refused_naming_it_and_nothing_is_sent(
        fh: PackageHarness, forms_api: tuple[Api, LoopbackServer]) -> None:
    client = fh.client(bearer_token="token-for-the-api-1234")
    cases = {
        r"body\.file\.headers\.X-Checksum-SHA256: is required": {"file": PDF},
        r"body\.file\.headers\.X-Checksum-SHA256: must match the pattern": {
            "file": File(PDF, headers={"X-Checksum-SHA256": "not-hex"})},
        r"body\.file\.headers\.X-Page-Count: must be an integer": {
            "file": File(PDF, headers={"X-Checksum-SHA256": DIGEST, "X-Page-Count": "twelve"})},
        r"body\.file\.headers\.X-Page-Count: must be >= 1": {
            "file": File(PDF, headers={"X-Checksum-SHA256": DIGEST, "X-Page-Count": 0})},
        r"body\.metadata\.headers\.X-Schema-Version: is required": {
            "file": File(PDF, headers={"X-Checksum-SHA256": DIGEST}), "metadata": {"owner": "nlp"}},
        r"body\.metadata\.headers\.X-Schema-Version: must be one of": {
            "file": File(PDF, headers={"X-Checksum-SHA256": DIGEST}), "metadata": Part({}, headers={"X-Schema-Version": "9"})},
        r"body\.pages\[1\]\.headers\.X-Page: must be an integer": {
            "file": File(PDF, headers={"X-Checksum-SHA256": DIGEST}), "pages": [b"1", File(b"2", headers={"X-Page": "two"})]},
    }
    for message, body in cases.items():
        with pytest.raises(RequestValidationError, match=message):
            fh.run(client, upload(body))

    assert forms_api[0].requests == []


def test_a_header_no_part_may_carry_is_a_typed_error_naming_the_part(fh: PackageHarness,
                                                                     forms_api: tuple[Api, LoopbackServer]) -> None:
    client = fh.client(bearer_token="token-for-the-api-1234")
    ok = {"X-Checksum-SHA256": DIGEST}
    cases = {
        r"body\.file: the header 'X-Note' holds a line break": File(PDF, headers={**ok, "X-Note": "a\r\nX-Injected: 1"}),
        r"body\.file: the header 'Bad Name' is not a header name": File(PDF, headers={**ok, "Bad Name": "x"}),
        r"body\.file: the header 'Content-Disposition' is written by the client": File(
            PDF, headers={**ok, "Content-Disposition": 'form-data; name="other"'}),
        r"body\.file: the header 'content-type' is written by the client \(content_type=\)": File(
            PDF, headers={**ok, "content-type": "text/html"}),
        r"body\.file: the header 'X-Note' holds a character outside ASCII": File(PDF, headers={**ok, "X-Note": "é"}),
    }
    for message, file in cases.items():
        with pytest.raises(RequestEncodingError, match=message):
            fh.run(client, upload({"file": file}))

    assert forms_api[0].requests == []


def test_unchecked_the_headers_given_are_still_sent_as_given(fh: PackageHarness, forms_api: tuple[Api, LoopbackServer]) -> None:
    client = fh.client(bearer_token="token-for-the-api-1234")

    fh.run(client, upload({"file": File(PDF, headers={"X-Page-Count": 3, "X-Tags": ["a", "b"]})},
                          request_options=RequestOptions(validate=False)))

    (file,) = received(forms_api[0])
    assert extra_headers(file) == {"x-page-count": "3", "x-tags": "a,b"}  # arrays in the simple style


# -- application/x-www-form-urlencoded ----------------------------------------------------------------


def sent_form(app: Api) -> RecordedRequest:
    (request,) = app.take()
    assert request.header("content-type") == "application/x-www-form-urlencoded"
    return request


def test_objects_and_arrays_of_a_form_body_are_written_as_their_encoding_says(
        fh: PackageHarness, forms_api: tuple[Api, LoopbackServer]) -> None:
    client = fh.client(bearer_token="token-for-the-api-1234")
    body = {
        "name": "Ada Lovelace",
        "address": {"city": "Paris", "zip": "75001"},  # no encoding: form, exploded
        "filter": {"status": "active", "owner": {"team": "nlp"}},  # deepObject
        "point": {"x": 3, "y": 4},  # form, explode: false
        "tags": ["a b", "c&d"],  # form, exploded
        "ids": [1, 2, 3],  # pipeDelimited
        "codes": ["x", "y"],  # form, explode: false
        "settings": {"dark": True, "size": 12},  # contentType application/json, no style
        "redirect": "https://example.com/a?b=c",  # allowReserved
    }

    fh.run(client, lambda c: c.profile.update_profile(body=body))

    request = sent_form(forms_api[0])
    assert request.body.decode() == (
        "name=Ada%20Lovelace&city=Paris&zip=75001&filter[status]=active&filter[owner][team]=nlp&point=x%2C3%2Cy%2C4"
        "&tags=a%20b&tags=c%26d&ids=1%7C2%7C3&codes=x%2Cy&settings=%7B%22dark%22%3Atrue%2C%22size%22%3A12%7D"
        "&redirect=https://example.com/a?b=c")
    # As a form parser reads it (the reserved characters of allowReserved are the spec's own risk):
    assert parse_qsl(request.body.decode())[:9] == [
        ("name", "Ada Lovelace"), ("city", "Paris"), ("zip", "75001"), ("filter[status]", "active"),
        ("filter[owner][team]", "nlp"), ("point", "x,3,y,4"), ("tags", "a b"), ("tags", "c&d"), ("ids", "1|2|3")]
    assert request.header("content-length") == str(len(request.body))


def test_a_form_body_given_as_a_model_is_written_by_its_wire_names(fh: PackageHarness, forms_package: Any,
                                                                   forms_api: tuple[Api, LoopbackServer]) -> None:
    from forms_demo.models.update_profile_request import UpdateProfileRequest
    from forms_demo.models.update_profile_request_address import UpdateProfileRequestAddress

    client = fh.client(bearer_token="token-for-the-api-1234")
    body = UpdateProfileRequest(name="Ada", address=UpdateProfileRequestAddress(city="Paris"), tags=["x"])

    fh.run(client, lambda c: c.profile.update_profile(body=body, request_options=RequestOptions(body={"extra": "1"})))

    assert sent_form(forms_api[0]).body == b"name=Ada&city=Paris&tags=x&extra=1"
