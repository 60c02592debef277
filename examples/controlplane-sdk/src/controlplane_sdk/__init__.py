"""controlplane-sdk: the reference control plane's client, made downstream with specloom plugins.

:mod:`controlplane_sdk.codegen` shapes the generated client (``controlplane_sdk_client``);
:mod:`controlplane_sdk.runtime` is the runtime plugin every client finds through its entry point.
"""

__version__ = "0.1.0"
