"""The API's security schemes, by the names its operations' security requirements use."""

from __future__ import annotations

from collections.abc import Mapping

from specloom_runtime import SecurityScheme

SECURITY_SCHEMES: Mapping[str, SecurityScheme] = {
}
