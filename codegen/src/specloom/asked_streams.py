"""Operations that stream only when asked, and the typed methods that say so.

The rule (:func:`stream_switch`): an operation streams when asked if it has

- a boolean **query parameter** named ``follow``, ``watch`` or ``stream`` (any case), or
- a boolean property ``stream`` of its **JSON body**'s object schema,

and an answer to give then: a 2xx response that lists a streamed media type
(``text/event-stream``, JSON lines) beside the one read whole (DigitalOcean's
``inference_create_chat_completion``: JSON, or SSE when ``stream`` is true), or, for a query
parameter, a text answer (a log read whole, or followed line by line with ``follow=true``).
An operation whose answer always streams needs no switch.

The generated method then calls the streamed variant of the operation exactly when the
argument is ``True``, and its ``typing.overload``\\s say so: ``follow: Literal[True]`` returns
the stream type, ``follow: Literal[False] | Unset = UNSET`` the answer read whole, and a
plain ``bool`` their union. A body switch is also a keyword of the method (``stream=True``
sets the body's property); left out, the body's own value decides, so that case is typed
with the union.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .ir import Body, Parameter, Property, Response, StreamSwitch
from .layout import annotated, wrap

#: Names of the query parameters that ask for a stream (lowercase).
SWITCH_PARAMETERS = ("follow", "watch", "stream")
#: The body property that asks for a stream.
SWITCH_PROPERTY = "stream"
#: Kinds of answer that stream whatever the arguments: nothing to switch.
_ALWAYS_STREAMED = frozenset({"events", "lines", "bytes", "text_stream"})


def stream_switch(parameters: Sequence[Parameter], body: Body | None, responses: Sequence[Response],
                  alternative: Response | None, properties_of: Callable[[str], Sequence[Property]]) -> StreamSwitch | None:
    """The operation's switch, if it has one (see the module); ``alternative`` is a streamed answer its spec lists
    beside the one read whole, ``properties_of`` gives a model's properties by key."""
    if not responses or any(r.kind in _ALWAYS_STREAMED for r in responses):
        return None
    for param in parameters:
        if param.location == "query" and param.wire_name.lower() in SWITCH_PARAMETERS and param.type.kind == "boolean":
            asked = alternative or _followed(responses)
            if asked is not None:
                return StreamSwitch("query", param.wire_name, param.python_name, asked)
    if alternative is not None and body is not None and body.type.kind == "model" and body.type.ref is not None:
        prop = next((p for p in properties_of(body.type.ref) if p.wire_name == SWITCH_PROPERTY), None)
        if prop is not None and prop.type.kind == "boolean" and not prop.read_only:
            taken = {p.python_name for p in parameters} | {"body", "request_options", "self"}
            keyword = prop.python_name
            while keyword in taken:
                keyword += "_"
            return StreamSwitch("body", prop.wire_name, keyword, alternative, prop.python_name)
    return None


def _followed(responses: Sequence[Response]) -> Response | None:
    """A text answer, read as it comes (``follow=true``); ``None`` when the answer is not text."""
    text = next((r for r in responses if r.kind == "text"), None)
    return text._replace(kind="text_stream") if text is not None else None


def switched_signatures(switch: StreamSwitch, params: list[tuple[str, str, str]]) -> list[list[tuple[str, str, str]]]:
    """The parameters (prefix, annotation, default) of the three overloads: asked, not asked, either.

    ``params`` are the method's own; a body switch's keyword is added before ``request_options``.
    """
    prefix = f"{switch.python_name}: "
    if switch.location == "body":
        at = len(params) - 1  # request_options stays last
        params = [*params[:at], (prefix, "bool | Unset", " = UNSET"), *params[at:]]
    optional = next(default for p, _, default in params if p == prefix) != ""

    def with_switch(annotation: str, default: str) -> list[tuple[str, str, str]]:
        changed = [(p, annotation, default) if p == prefix else (p, a, d) for p, a, d in params]
        return sorted(changed, key=lambda p: p[2] != "")  # a switch without a default joins the required ones

    unset = " | Unset" if optional else ""
    not_asked = ("Literal[False]" + unset, " = UNSET") if optional and switch.location == "query" else ("Literal[False]", "")
    return [with_switch("Literal[True]", ""), with_switch(*not_asked), with_switch("bool" + unset, " = UNSET" if optional else "")]


def overloads(name: str, definition: str, signatures: list[list[tuple[str, str, str]]], returns: list[str],
              unshadowed: Callable[[str], str]) -> list[str]:
    """The ``@overload`` stubs of a method, each followed by a blank line (lines relative to column 4)."""
    lines: list[str] = []
    for params, result in zip(signatures, returns, strict=True):
        lines += ["@overload", f"{definition} {name}(", "    self,", "    *,"]
        lines += ["    " + line for p, a, d in params for line in annotated(p, unshadowed(a), d + ",", 8)]
        lines += [*annotated(") -> ", unshadowed(result), ": ...", 4), ""]
    return lines


def branch(switch: StreamSwitch, constant: str, call_args: list[str], awaited: str) -> list[str]:
    """The method's first lines: call the streamed variant ``constant`` when asked (lines relative to column 8)."""
    lines = []
    if switch.location == "body":
        lines.append(f"body, asked = ask_in_body(body, {switch.python_name}, {switch.wire_name!r}, {switch.attribute!r})")
        condition = "asked"
    else:
        condition = f"{switch.python_name} is True"
    lines += [f"if {condition}:", f"    return {awaited}self._client.call(", f"        {constant},"]
    lines += ["        " + line for a in call_args for line in wrap(a + ",", 16)]
    lines.append("    )")
    return lines


def runtime_names(switch: StreamSwitch) -> set[str]:
    """What a group module imports from the runtime for a switched operation's method."""
    return {"UNSET", "Unset"} | ({"ask_in_body"} if switch.location == "body" else set())



def explained(switch: StreamSwitch) -> str:
    """A sentence for the method's docstring: when the answer streams."""
    if switch.location == "body":
        return (f"``{switch.python_name}=True`` (or ``{switch.wire_name}: true`` in the body) streams the answer; "
                f"``{switch.python_name}=False`` reads it whole; the keyword sets the body's ``{switch.wire_name}``.")
    return f"``{switch.python_name}=True`` streams the answer as it comes; otherwise it is read whole."
