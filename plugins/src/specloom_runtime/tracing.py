"""Built-in tracing and typed errors: request ids, identity headers, logging, error mapping."""

from __future__ import annotations

import logging
import platform
import time

import httpx

from .call import Call
from .config import ClientConfig
from .errors import error_for, request_id_of
from .hookspecs import hookimpl
from .logs import enable_debug, install
from .retry import retry_after_seconds
from .version import __version__ as RUNTIME_VERSION

log = logging.getLogger("specloom")


def user_agent(distribution: str, version: str) -> str:
    return f"{distribution}/{version} specloom-runtime/{RUNTIME_VERSION} Python/{platform.python_version()}"


class TracingPlugin:
    """X-Client-Request-Id (one per call, kept across retries), User-Agent, the server's request id."""

    @hookimpl
    def configure(self, config: ClientConfig) -> None:
        install()
        if config.debug:
            enable_debug()

    @hookimpl
    def prepare_request(self, call: Call, request: httpx.Request) -> None:
        request.headers["X-Client-Request-Id"] = call.client_request_id
        request.headers["User-Agent"] = user_agent(call.config.distribution, call.config.version)

    @hookimpl
    def on_response(self, call: Call, response: httpx.Response) -> None:
        call.request_id = request_id_of(response)
        if log.isEnabledFor(logging.DEBUG):
            # Method, path, status and ids only: never headers, bodies or query strings.
            log.debug(
                "%s %s -> %d in %.0f ms after %d attempt(s) (client request id %s, request id %s)",
                call.operation.method, call.operation.path, response.status_code,
                (time.monotonic() - call.started) * 1000, call.attempts, call.client_request_id, call.request_id,
            )  # fmt: skip


class ErrorsPlugin:
    """Turns a final non-2xx answer into its typed error (after the request id is known)."""

    @hookimpl(trylast=True)
    def on_response(self, call: Call, response: httpx.Response) -> None:
        if not response.is_success:
            raise error_for(response, request_id=call.request_id, retry_after=retry_after_seconds(response))
