"""The built-in codegen plugins: rules only some families want, which a family can turn off or replace.

``pagination`` finds paginated list operations (the rule and the ``[pagination]`` declarations
of :mod:`specloom.pagination`) and gives each an ``iter_*`` companion; ``waiters`` follows the
``[[waiter]]`` declarations and ``x-specloom-waiter`` extensions (:mod:`specloom.waiters`) and
gives each submit operation ``*_job`` and ``wait_for_*``; ``token_exchange`` finds the control
plane's own token endpoint (:mod:`specloom.token_exchange`), which the package's client
credentials go to (Run:ai's ``grantType``/``clientID`` spelling). A family turns one off with
``[codegen] disable = ["pagination"]``; a plugin of its own may then do the job its way,
reading the same declarations from ``generation.settings``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .hookspecs import hookimpl
from .pagination import paginate
from .token_exchange import find_token_exchange
from .waiters import with_waiters

if TYPE_CHECKING:
    from .codegen_context import Generation
    from .ir import Api


class PaginationPlugin:
    """Marks paginated list operations (``Operation.pagination``) and names their ``iter_*`` methods."""

    @hookimpl
    def transform_api(self, api: Api, generation: Generation) -> Api | None:
        if any(op.graphql is not None for op in api.operations):
            return None  # a GraphQL release pages through connections its operations spell out themselves
        return paginate(api, generation.settings.pagination, generation.diagnostics)


class WaitersPlugin:
    """Gives each submit operation that starts a long-running job its waiter (``Operation.waiter``)."""

    @hookimpl
    def transform_api(self, api: Api, generation: Generation) -> Api | None:
        return with_waiters(api, generation.settings.waiters)


class TokenExchangePlugin:
    """Tells the package where and how client credentials become a token (``Api.token_exchange``)."""

    @hookimpl
    def transform_api(self, api: Api, generation: Generation) -> Api | None:
        found = find_token_exchange(api)
        return api._replace(token_exchange=found) if found is not None else None


#: By the name ``[codegen] disable`` uses; registered in this order, before any other plugin.
BUILT_INS: dict[str, type] = {"pagination": PaginationPlugin, "waiters": WaitersPlugin,
                              "token_exchange": TokenExchangePlugin}
