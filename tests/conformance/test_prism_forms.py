"""Issue 11: form (urlencoded) bodies with arrays, from real specs, called through the generated clients, are accepted
by Prism.

Of the public corpus (../shared/specs/public), four specs send ``application/x-www-form-urlencoded`` bodies; the
ones with arrays are Twilio's (no object properties in any: objects are tested against the test API in
``tests/runtime/test_upload_encodings.py``). Called here: Twilio Messaging's ``CreateUsAppToPerson`` (three
arrays, booleans, a URL in text) and Twilio Studio's ``UpdateTestUser`` (one array), sync and async.

Prism (5.x) reads a form body's repeated keys as an array only when the property's encoding names a style
(stoplightio/prism#2473; with none, every array "must be array" whatever is sent), so it mocks a copy of each
real spec, written to the test's folder, in which each array property's encoding says what OpenAPI's default
already is (``style: form, explode: true``). Prism keeps the last of repeated keys, so it checks one item per
array; it does check the percent-encoding of a property with an encoding: the control, the same message
sample sent with its reserved characters raw, is refused.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from specloom_runtime import ApiError

from tests.conformance.conftest import PublicCorpus
from tests.conformance.prism import PrismServer, describe, is_request_side, prism_unavailable, violations
from tests.conformance.test_prism import Recorder
from tests.conformance.test_prism_public import dummy_credentials
from tests.support import imported, load_document, public_spec

pytestmark = pytest.mark.slow

FLOW = "Opt-in at https://acme.example/sms?src=web&lang=en: customers tick a box; reply STOP to end."
A2P = {"BrandRegistrationSid": "BN" + "0" * 32, "Description": "Two-factor codes and account alerts for Acme customers.",
       "MessageFlow": FLOW, "MessageSamples": ["Your Acme code is 123456", "Acme: your order #42 has shipped"],
       "UsAppToPersonUsecase": "2FA", "HasEmbeddedLinks": True, "HasEmbeddedPhone": False,
       "OptInKeywords": ["START", "YES"], "OptOutKeywords": ["STOP"], "HelpKeywords": ["HELP", "INFO"]}
CALLS: dict[str, tuple[str, str, dict[str, Any], dict[str, Any]]] = {
    # label: (group attribute, method, path arguments, body)
    "twilio-messaging-v1": ("messaging_v1_us_app_to_person", "create_us_app_to_person",
                            {"messaging_service_sid": "MG" + "0" * 32}, A2P),
    "twilio-studio-v2": ("studio_v2_flow_test_user", "update_test_user", {"sid": "FW" + "0" * 32},
                         {"TestUsers": ["ada@acme.example", "grace hopper"]}),
}


def explicit_array_encodings(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with every inline array property of a form body given OpenAPI's default encoding in words."""
    for item in spec["paths"].values():
        for operation in item.values():
            media = (operation.get("requestBody", {}).get("content", {}).get("application/x-www-form-urlencoded")
                     if isinstance(operation, dict) else None)
            if not media:
                continue
            arrays = {name: {"style": "form", "explode": True}
                      for name, schema in media["schema"].get("properties", {}).items() if schema.get("type") == "array"}
            media["encoding"] = {**arrays, **media.get("encoding", {})}
    return spec


def prism_for(label: str, servers: dict[str, PrismServer], folder: Path) -> PrismServer:
    if label not in servers:
        copy = folder / f"{label}.explicit-encodings.json"
        copy.write_text(json.dumps(explicit_array_encodings(load_document(public_spec(label).path))))
        server = PrismServer(copy, folder / f"{label}.prism.log")
        server.start(timeout=300)
        servers[label] = server
    return servers[label]


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("label", sorted(CALLS))
def test_twilio_form_bodies_with_arrays_are_accepted_by_prism(
        public_corpus: PublicCorpus, prism_servers: dict[str, PrismServer], tmp_path_factory: pytest.TempPathFactory,
        label: str, kind: str) -> None:
    spec = public_spec(label)  # skips, saying why, without ../shared/specs/public
    reason = prism_unavailable()
    if reason is not None:
        print(f"\n{label}: Prism form-body conformance skipped: {reason}")
        pytest.skip(reason)
    package_dir = public_corpus.package(label)
    server = prism_for(label, prism_servers, tmp_path_factory.mktemp("prism-forms"))
    group, method, path_arguments, body = CALLS[label]
    recorder = Recorder()
    with imported(package_dir.parent, spec.package) as package:
        credentials = dummy_credentials(dict(package.Client._security_schemes or {}))
        if kind == "sync":
            http = httpx.Client(timeout=60.0, event_hooks={"response": [recorder]})
            with package.Client(server.base_url, http_client=http, max_retries=0, credentials=credentials) as client:
                try:
                    answer = getattr(getattr(client, group), method)(**path_arguments, body=body)
                except ApiError as error:  # Prism's verdict is read from the response below
                    answer = error
        else:

            async def recorded(response: httpx.Response) -> None:
                recorder(response)

            async def run() -> Any:
                http = httpx.AsyncClient(timeout=60.0, event_hooks={"response": [recorded]})
                async with package.AsyncClient(server.base_url, http_client=http, max_retries=0,
                                               credentials=credentials) as client:
                    try:
                        return await getattr(getattr(client, group), method)(**path_arguments, body=body)
                    except ApiError as error:
                        return error

            answer = asyncio.run(run())

    (response,) = recorder.take()
    sent = response.request.content.decode()
    print(f"\n{label} ({kind}): {method} -> {response.status_code} {type(answer).__name__}; sent {sent[:160]}...")
    problems = [describe(v) for v in violations(response) if is_request_side(v) and v.get("severity") == "Error"]
    assert response.is_success and not problems, f"{response.status_code} {response.text[:500]}\n" + "\n".join(problems)
    assert response.request.headers["content-type"] == "application/x-www-form-urlencoded"
    for name, value in body.items():  # each array item under its own key, as OpenAPI's default encoding says
        if isinstance(value, list):
            assert sent.count(f"{name}=") == len(value), f"{name}: {sent}"

    if label == "twilio-messaging-v1":  # the control: the same sample, its reserved characters raw, is refused
        sample = A2P["MessageSamples"][-1]
        raw = sent.replace(f"MessageSamples={quote(sample, safe='')}", f"MessageSamples={sample.replace(' ', '%20')}")
        assert raw != sent
        refused = httpx.post(response.request.url, content=raw.encode(), timeout=60.0,
                             headers={"content-type": "application/x-www-form-urlencoded",
                                      "authorization": response.request.headers["authorization"]})
        assert refused.status_code == 422 and "Reserved characters" in refused.text, refused.text[:300]
