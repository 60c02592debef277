"""The SDK's runtime plugin: every request says which SDK (and version) sent it.

Installed through the ``specloom.plugins`` entry point (see pyproject.toml), so every client of
a specloom-generated package finds it; the runtime creates one per client. Hooks decide and
never do I/O, so the same plugin serves the sync, threaded and async clients.
"""

from __future__ import annotations

import httpx
from specloom_runtime import hookimpl
from specloom_runtime.call import Call

from . import __version__

#: The header the control plane's access logs group requests by.
HEADER = "X-SDK"


class SdkIdentity:
    """Adds ``X-SDK: controlplane-sdk/<version>`` to every request, and counts the calls it prepared."""

    def __init__(self) -> None:
        self.prepared = 0

    @hookimpl
    def prepare_request(self, call: Call, request: httpx.Request) -> None:
        request.headers[HEADER] = f"controlplane-sdk/{__version__}"
        self.prepared += 1
