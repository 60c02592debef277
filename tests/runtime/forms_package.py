"""The package of tests/runtime/specs/forms.yaml (multipart part headers, form bodies, a presigned upload), generated
once per test module, and a loopback API that records what it receives.

Its fixtures are imported by the runtime suite's conftest, like :mod:`tests.servers.fixtures`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.responses import JSONResponse, Response

from tests.integration.servers import LoopbackServer, RecordedRequest, RecordingApp, serve
from tests.runtime.harness import PackageHarness
from tests.servers import ControlPlaneServer
from tests.support import REPO, generate, imported

SPEC = REPO / "tests" / "runtime" / "specs" / "forms.yaml"
PACKAGE = "forms_demo"


@pytest.fixture(scope="module")
def forms_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = generate(SPEC, tmp_path_factory.mktemp("forms"), PACKAGE).parent
    with imported(folder, PACKAGE) as package:
        yield package


class Api(RecordingApp):
    """The API: ``POST /files`` answers with a presigned URL at :attr:`storage_url` (set by the test); the rest 204."""

    def __init__(self) -> None:
        super().__init__(self._answer)
        self.storage_url = ""

    def _answer(self, request: RecordedRequest) -> Response:
        if request.raw_path == "/files":
            return JSONResponse({"file_id": "f-1", "upload_url": self.storage_url}, status_code=201)
        return Response(status_code=204)


@pytest.fixture(scope="module")
def forms_api() -> Iterator[tuple[Api, LoopbackServer]]:
    app = Api()
    with serve(app) as loopback:
        yield app, loopback


@pytest.fixture
def fh(kind: str, server: ControlPlaneServer, forms_package: Any,
       forms_api: tuple[Api, LoopbackServer]) -> Iterator[PackageHarness]:
    """The harness of ``kind`` for the forms package, against the recording API (its record cleared)."""
    forms_api[0].clear()
    harness = PackageHarness(kind, server, forms_package, forms_api[1])
    try:
        yield harness
    finally:
        harness.close()
