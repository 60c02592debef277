"""Built-in request validation: the generated validators run before anything is built or sent."""

from __future__ import annotations

from .call import Call
from .errors import SpecloomError
from .hookspecs import hookimpl


class RequestValidationError(SpecloomError, ValueError):
    """The arguments break the spec; nothing was sent. ``problems`` lists each, with its path."""

    def __init__(self, operation_id: str, problems: list[str]) -> None:
        shown = "\n  ".join(problems[:20]) + (f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else "")
        super().__init__(f"{operation_id}: the request does not match the spec:\n  {shown}")
        self.problems = problems


class ValidationPlugin:
    """Runs the operation's generated validator unless turned off for the client or the call."""

    @hookimpl
    def validate_request(self, call: Call) -> None:
        check = call.operation.validate
        enabled = call.config.validate if call.options.validate is None else call.options.validate
        if check is None or not enabled:
            return
        problems = check(call.arguments)
        if problems:
            raise RequestValidationError(call.operation.operation_id, problems)
