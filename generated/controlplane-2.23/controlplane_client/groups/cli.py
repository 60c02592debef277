"""Operations of the 'CLI' group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from specloom_runtime import Group, Operation, decode_bytes

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.download_cli_arch import DownloadCliArch
    from controlplane_client.models.download_cli_os import DownloadCliOs


_DOWNLOAD_CLI = Operation(
    method='GET',
    path='/api/v1/cli/{os}/{arch}',
    operation_id='download_cli',
    decode=decode_bytes,
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
    ) -> bytes:
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
    ) -> bytes:
        """Download the command-line tool

        ``GET /api/v1/cli/{os}/{arch}`` (operationId ``download_cli``).
        """
        return await self._client.call(
            _DOWNLOAD_CLI,
            path={'arch': arch, 'os': os},
            request_options=request_options,
        )
