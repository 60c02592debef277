"""Names carried from one release to the next.

Ranking contenders by their spec identity settles a clash within one release,
but not across releases: when 2.20 adds ``get_project_metrics`` beside a
``getProjectMetrics`` that 2.19 already called ``get_project_metrics``, only
the earlier release can say who had the name first. A ledger records the names
a release gave; the next release keeps them for every element it still has,
and only newcomers are ranked for what is left.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from .diagnostics import ConfigError
from .ir import Api


class Ledger(NamedTuple):
    #: (METHOD, path) -> the method's name within its group.
    operations: Mapping[tuple[str, str], str] = MappingProxyType({})
    #: schema identity (``#pointer`` in the root spec, ``file#pointer`` elsewhere) -> (class name, module name).
    models: Mapping[str, tuple[str, str]] = MappingProxyType({})

    @classmethod
    def of(cls, api: Api) -> Ledger:
        return cls(
            {(op.method, op.path): op.python_name.rsplit(".", 1)[-1] for op in api.operations},
            {api.identity(m.key): (m.class_name, m.module) for m in api.models.values()},
        )

    def then(self, later: Ledger) -> Ledger:
        """This ledger updated by a later release's names; elements the later release dropped are remembered."""
        return Ledger({**self.operations, **later.operations}, {**self.models, **later.models})

    @classmethod
    def read(cls, package_dir: Path) -> Ledger:
        """The names of an already generated package (its operations.json and schemas.json)."""
        indexes = sorted(package_dir.glob("*/operations.json")) or sorted(package_dir.glob("operations.json"))
        if not indexes:
            raise ConfigError(f"{package_dir}: no operations.json found; --names-from needs a generated package")
        folder = indexes[0].parent
        try:
            operations = json.loads(indexes[0].read_text(encoding="utf-8"))
            schemas = json.loads((folder / "schemas.json").read_text(encoding="utf-8"))
            return cls(
                {(row["method"], row["path"]): row["python_name"].rsplit(".", 1)[-1] for row in operations},
                {row["pointer"]: (row["python_name"], row["module"].rsplit(".", 1)[-1]) for row in schemas},
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"{folder}: cannot read its name indexes: {exc}") from None
