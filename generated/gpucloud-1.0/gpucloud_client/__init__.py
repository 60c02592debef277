"""gpucloud-client 1.100.0: client for control-plane release 1.0."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = '1.100.0'
__all__ = ['AsyncClient', 'Client', 'GpuCloudClient', 'ThreadedClient']

if TYPE_CHECKING:
    from ._client import AsyncClient, Client, GpuCloudClient, ThreadedClient


def __getattr__(name: str) -> Any:
    # Lazy: importing the package loads no client, operation or model module.
    if name in __all__:
        from . import _client

        return getattr(_client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
