"""The rule that finds a control plane's own token endpoint (specloom.token_exchange): on every Run:ai
release, the reference family, the public corpus, and small specs spelt other ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from specloom.build import load_api
from specloom.diagnostics import Diagnostics
from specloom.ir import TokenExchange
from specloom.token_exchange import find_token_exchange

from tests.support import REPO, RUNAI_RELEASES, public_specs_or_skip, runai_spec

from .specbuild import build, openapi

BOTH = (("client_credentials", "clientID", "clientSecret"), ("app_token", "appID", "appSecret"))


@pytest.mark.parametrize("release", RUNAI_RELEASES)
def test_every_run_ai_release_exchanges_at_api_v1_token_with_the_grants_its_enum_allows(release: str) -> None:
    found = find_token_exchange(load_api(runai_spec(release), Diagnostics()))
    # 2.18 and 2.19 have no clientSecret and no client_credentials grant: only the legacy app token.
    grants = BOTH[1:] if release in ("2.18", "2.19") else BOTH
    assert found == TokenExchange("/api/v1/token", "grantType", grants)


def test_the_reference_family_and_nothing_in_the_public_corpus_but_what_has_the_shape() -> None:
    for release in ("2.22", "2.23", "2.24"):
        api = load_api(REPO / "specs" / "controlplane" / release / "openapi.yaml", Diagnostics())
        assert find_token_exchange(api) == TokenExchange("/api/v1/token", "grantType", BOTH)
    found = {spec.label: find_token_exchange(load_api(spec.path, Diagnostics())) for spec in public_specs_or_skip()}
    assert {label: exchange for label, exchange in found.items() if exchange is not None} == {}


def token_spec(properties: dict[str, object], media_type: str = "application/json", method: str = "post") -> dict[str, object]:
    return openapi({"Grant": {"type": "object", "properties": properties}},
                   {"/auth/token": {method: {"requestBody": {"content": {media_type: {"schema": {"$ref": "#/components/schemas/Grant"}}}},
                                             "responses": {"200": {"description": "ok"}}}}})


def test_snake_case_keys_and_an_inline_enum_are_found_as_spelt(tmp_path: Path) -> None:
    api, _ = build(tmp_path, token_spec({"grant_type": {"type": "string", "enum": ["client_credentials"]},
                                         "client_id": {"type": "string"}, "client_secret": {"type": "string"},
                                         "app_id": {"type": "string"}, "app_secret": {"type": "string"}}))
    assert find_token_exchange(api) == TokenExchange("/auth/token", "grant_type", (("client_credentials", "client_id", "client_secret"),))


@pytest.mark.parametrize(("spec", "why"), [
    (token_spec({"clientID": {"type": "string"}, "clientSecret": {"type": "string"}}), "no grant type"),
    (token_spec({"grantType": {"type": "string"}, "clientID": {"type": "string"}}), "no secret"),
    (token_spec({"grantType": {"type": "string", "enum": ["password"]}, "clientID": {"type": "string"},
                 "clientSecret": {"type": "string"}}), "a grant enum without either grant"),
    (token_spec({"grantType": {"type": "string"}, "clientID": {"type": "string"}, "clientSecret": {"type": "string"}},
                media_type="application/x-www-form-urlencoded"), "a form body"),
    (token_spec({"grantType": {"type": "string"}, "clientID": {"type": "string"}, "clientSecret": {"type": "string"}},
                method="put"), "not a POST"),
])
def test_what_lacks_the_shape_is_no_token_endpoint(tmp_path: Path, spec: dict[str, object], why: str) -> None:
    api, _ = build(tmp_path, spec)
    assert find_token_exchange(api) is None, why
