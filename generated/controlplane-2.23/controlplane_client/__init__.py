"""controlplane-client 1.223.0: client for control-plane release 2.23."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = '1.223.0'
__all__ = ['AsyncClient', 'Client', 'ControlPlaneClient', 'ThreadedClient']

if TYPE_CHECKING:
    from ._client import AsyncClient, Client, ControlPlaneClient, ThreadedClient


def __getattr__(name: str) -> Any:
    # Lazy: importing the package loads no client, operation or model module.
    if name in __all__:
        from . import _client

        return getattr(_client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
