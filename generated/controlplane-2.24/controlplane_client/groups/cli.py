"""Operations of the 'CLI' group."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from specloom_runtime import (
    UNSET,
    AsyncByteStream,
    ByteStream,
    Group,
    Operation,
    byte_stream,
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.download_cli_arch import DownloadCliArch
    from controlplane_client.models.download_cli_os import DownloadCliOs


_validators = validators('controlplane_client')


def _validate_download_cli(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('arch', UNSET)
    if v is not UNSET:
        _validators['download_cli_arch'](v, "path.arch", problems)
    v = path_values.get('os', UNSET)
    if v is not UNSET:
        _validators['download_cli_os'](v, "path.os", problems)
    return problems


_DOWNLOAD_CLI = Operation(
    method='GET',
    path='/api/v1/cli/{os}/{arch}',
    operation_id='download_cli',
    decode=byte_stream,
    validate=_validate_download_cli,
    security=(),
    streamed=True,
)


class CLIApi(Group):
    """Command-line tool downloads."""

    _client: BaseClient
    _methods = (
        ('download_cli', False),
    )

    def download_cli(
        self,
        *,
        arch: DownloadCliArch,
        os: DownloadCliOs,
        request_options: RequestOptions | None = None,
    ) -> ByteStream:
        """Download the command-line tool

        ``GET /api/v1/cli/{os}/{arch}`` (operationId ``download_cli``).
        """
        return self._client.call(
            _DOWNLOAD_CLI,
            path={'arch': arch, 'os': os},
            request_options=request_options,
        )


class AsyncCLIApi(Group):
    """Command-line tool downloads."""

    _client: BaseAsyncClient
    _methods = (
        ('download_cli', False),
    )

    async def download_cli(
        self,
        *,
        arch: DownloadCliArch,
        os: DownloadCliOs,
        request_options: RequestOptions | None = None,
    ) -> AsyncByteStream:
        """Download the command-line tool

        ``GET /api/v1/cli/{os}/{arch}`` (operationId ``download_cli``).
        """
        return await self._client.call(
            _DOWNLOAD_CLI,
            path={'arch': arch, 'os': os},
            request_options=request_options,
        )
