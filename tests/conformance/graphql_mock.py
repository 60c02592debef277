"""graphql-js with @graphql-tools/mock, the independent GraphQL engine (``tests/prism/graphql-mock.mjs``),
started on a free loopback port for one schema, like Prism for OpenAPI."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import Self

from tests.conformance.npm_tools import NPM_DIR, NpmTool

GRAPHQL_MOCK = NpmTool("graphql-js mock server", "@graphql-tools/mock", "", (20, 19, 0))
SCRIPT = NPM_DIR / "graphql-mock.mjs"


class GraphQLMockServer:
    """``with GraphQLMockServer(schema) as server: ... server.base_url ...`` (POST ``/graphql``)."""

    def __init__(self, schema: Path) -> None:
        self.schema = schema
        self.port = 0
        self._process: subprocess.Popen[str] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Self:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        node = shutil.which("node") or "node"
        self._process = subprocess.Popen([node, str(SCRIPT), str(self.schema), str(self.port)], cwd=NPM_DIR,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"the GraphQL mock server exited: {self._process.stderr.read() if self._process.stderr else ''}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.__exit__(None, None, None)
        raise RuntimeError(f"the GraphQL mock server did not listen on port {self.port} within 60 s")

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
