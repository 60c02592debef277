"""Long generated lines broken the way ruff format (black) breaks them, so output needs no formatter run.

One rule serves every writer of code: a line that fits in :data:`LINE_LENGTH` stays as it is;
one that does not is broken inside its brackets, one part per line:

- a condition (``if``, ``elif``, ``while``, ``return``, an assignment) joined by ``or``/``and`` or
  a conditional expression goes inside parentheses, one operand per line;
- a call's arguments, a ``def``'s parameters, a tuple's, list's or dict's items go one per line
  with a trailing comma; a single argument goes on its own line;
- a keyword or assignment whose value is one string literal or one name puts it on its own line.

A line that is only one string literal may stay long: it cannot be broken (the long-literal
exemption). Lines that fit are returned untouched, so the common case costs one ``len``.
"""

from __future__ import annotations

import functools
import re

#: The line length generated code keeps to (ruff's setting for it), long literals aside.
LINE_LENGTH = 120
_INDENT = "    "
_OPENERS = "([{"
_CLOSERS = ")]}"
# Statements whose expression can be wrapped in (otherwise invisible) parentheses.
_HEAD = re.compile(r"if |elif |while |return |[\w.]+ = ")
_KEYWORD = re.compile(r"[\w.]+ ?= ?")  # "name=" of a keyword argument, "name = " of an assignment
_STRING = r"""'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*\""""  # a one-line string, escapes included
_LITERAL = re.compile(rf"[rRbBfFuU]{{0,2}}(?:{_STRING})")
_QUOTED = re.compile(_STRING)
_DICT_KEY = re.compile(rf"(?:{_STRING}): ")
_BRACKET = re.compile(r"[()\[\]{}]")
# Operators an expression is broken at, lowest priority first: a conditional expression, then or, then and.
_BOOLEAN = (" if ", " or ", " and ")


def wrap(code: str, indent: int = 0) -> list[str]:
    """``code`` (one logical line, without indentation) as it is placed at column ``indent``.

    Continuation lines carry their indentation relative to the first line; the caller
    prefixes every line with its own indentation.
    """
    if indent + len(code) <= LINE_LENGTH:
        return [code]
    return list(_laid_out(code, indent))


@functools.lru_cache(maxsize=4096)
def _laid_out(code: str, indent: int) -> tuple[str, ...]:
    # Cached: the same long check recurs in every model with the same property (2 of 3 long lines on real specs).
    if _is_literal(code.rstrip(",")):
        return (code,)  # one long literal, which cannot be broken
    return tuple(_broken(code, indent) or [code])


def block(lines: list[str], indent: int) -> list[str]:
    """Lines of a block (each with its own relative indentation) placed at column ``indent``, long ones broken."""
    room = LINE_LENGTH - indent
    if not lines or max(map(len, lines)) <= room:
        return lines  # most blocks: every line fits
    out: list[str] = []
    last = 0
    for i in [i for i, line in enumerate(lines) if len(line) > room]:
        out += lines[last:i]
        line = lines[i]
        code = line.lstrip(" ")
        lead = line[: len(line) - len(code)]
        out += [lead + part for part in wrap(code, indent + len(lead))]
        last = i + 1
    out += lines[last:]
    return out


def embed(lines: list[str], indent: int) -> str:
    """Lines laid out for column ``indent`` as one template value: the template indents the first line."""
    return ("\n" + " " * indent).join(lines)


def annotated(prefix: str, annotation: str, suffix: str, indent: int) -> list[str]:
    """``prefix + annotation + suffix``; a union too long for the line goes in parentheses, one member per line.

    ``body: (`` / ``A`` / ``| B`` / ``) = UNSET,`` and ``) -> (`` / ``A`` / ``| B`` / ``):``, as
    ruff format lays out long type hints.
    """
    line = prefix + annotation + suffix
    if indent + len(line) <= LINE_LENGTH:
        return [line]
    members = split(annotation, " | ")
    if len(members) == 1:
        return wrap(line, indent)
    inner = _type_lines(annotation, indent + len(_INDENT))
    return [prefix + "(", *(_INDENT + x for x in inner), ")" + suffix]


def _type_lines(annotation: str, indent: int) -> list[str]:
    """A type too long for its line: union members one per line, a long subscript's arguments inside its brackets."""
    if indent + len(annotation) <= LINE_LENGTH:
        return [annotation]
    members = split(annotation, " | ")
    if len(members) > 1:
        out: list[str] = []
        for i, member in enumerate(members):
            lines = _type_lines(member, indent + (2 if i else 0))
            out += [("| " if i else "") + lines[0], *lines[1:]]
        return out
    opening = annotation.find("[")
    if opening < 0 or not annotation.endswith("]"):
        return [annotation]  # one name: nothing to break
    arguments = split(annotation[opening + 1 : -1], ", ")
    inner = [_type_lines(argument, indent + len(_INDENT)) for argument in arguments]
    if len(inner) > 1:  # several arguments: each ends with a comma, as ruff format writes them
        inner = [[*lines[:-1], lines[-1] + ","] for lines in inner]
    return [annotation[: opening + 1], *(_INDENT + line for lines in inner for line in lines), "]"]


def signature(head: str, parameters: list[str], returns: str, indent: int) -> list[str]:
    """``def``: ``head(a, b) -> returns:`` on one line if it fits, else one parameter per line."""
    line = f"{head}({', '.join(parameters)}) -> {returns}:"
    if indent + len(line) <= LINE_LENGTH:
        return [line]
    inner = indent + len(_INDENT)
    params = [_INDENT + x for p in parameters for x in wrap(p + ",", inner)]
    return [f"{head}(", *params, *annotated(") -> ", returns, ":", indent)]


def _broken(code: str, indent: int) -> list[str] | None:
    inner = indent + len(_INDENT)
    head = _HEAD.match(code)
    if head:
        start, expr = head.group(), code[head.end() :]
        colon = ":" if expr.endswith(":") else ""
        operands = _operands(expr[: len(expr) - len(colon)])
        if operands is not None:
            return [start + "(", *(_INDENT + x for x in _joined(operands[1], operands[0], inner)), ")" + colon]
    keyword = _KEYWORD.match(code)
    if keyword:
        value = code[keyword.end() :]
        comma = "," if value.endswith(",") else ""
        if _is_literal(value[: len(value) - len(comma)]) or value[: len(value) - len(comma)].isidentifier():
            return [keyword.group() + "(", _INDENT + value[: len(value) - len(comma)], ")" + comma]
    key = _DICT_KEY.match(code)
    if key:
        value = code[key.end() :]
        comma = "," if value.endswith(",") else ""
        value = value[: len(value) - len(comma)]
        pairs, found = _scan(value, (",",))
        if not pairs and not found[","]:
            # A dict entry "'key': name" too long for the line: its value goes inside parentheses.
            return [key.group() + "(", _INDENT + value, ")" + comma]
    pairs = [p for p in _pairs(code) if p[1] > p[0] + 1]  # an empty "()" has nothing to break
    if not pairs:
        return None
    if code.startswith(("def ", "async def ", "class ")):
        chosen = pairs[0]  # the parameters, as ruff splits a def: its return annotation stays whole
    else:
        # The last bracket whose opening line fits (ruff's right-hand split).
        chosen = next((p for p in reversed(pairs) if indent + p[0] + 1 <= LINE_LENGTH), pairs[-1])
    opener, closer = chosen
    body = code[opener + 1 : closer]
    items = _items(body)
    lines = [code[: opener + 1]]
    if len(items) == 1:
        # One argument on its own line; a def's single parameter keeps a trailing comma, as ruff writes it,
        # and so does a one-element tuple, which without it is no tuple.
        comma = "," if code.startswith(("def ", "async def ")) or body.rstrip().endswith(",") else ""
        item = items[0]
        operands = _operands(item) if inner + len(item) + len(comma) > LINE_LENGTH else None
        parts = _joined(operands[1], operands[0], inner) if operands else wrap(item + comma, inner)
        if operands and comma:
            parts[-1] += comma
        lines += (_INDENT + x for x in parts)
    else:
        lines += (_INDENT + x for item in items for x in wrap(item + ",", inner))
    tail = code[closer:]
    if tail.startswith(") -> ") and tail.endswith(":"):
        lines += annotated(") -> ", tail[5:-1], ":", indent)
    else:
        lines.append(tail)
    return lines


def _joined(parts: list[str], joiner: str, indent: int) -> list[str]:
    """Operands one per line, each after the first led by ``joiner`` (``"and "``, ``"| "``), each laid out itself."""
    out: list[str] = []
    for i, part in enumerate(parts):
        out += wrap(part if i == 0 else joiner + part, indent)
    return out


def _operands(expr: str) -> tuple[str, list[str]] | None:
    """The joiner and operands of ``expr`` at its lowest-priority operator (``or``, ``and``, ``x if c else y``)."""
    if " or " not in expr and " and " not in expr and " if " not in expr:
        return None  # most expressions: no need to scan for brackets and strings
    found = _scan(expr, _BOOLEAN)[1]
    for op in _BOOLEAN:
        if not found[op]:
            continue
        parts = _cut(expr, op, found[op])
        if op != " if ":
            return op.strip() + " ", parts
        otherwise = split(parts[1], " else ")
        if len(parts) == 2 and len(otherwise) == 2:
            return "", [parts[0], "if " + otherwise[0], "else " + otherwise[1]]
    return None


def _items(body: str) -> list[str]:
    """The comma-separated items of a bracket's contents; one item when it holds a comprehension.

    Generated code holds no lambdas (whose parameters a comma would separate as well).
    """
    if _is_literal(body):
        return [body]  # a message: problems.append("...")
    found = _scan(body, (",", " for "))[1]
    if found[" for "]:
        return [body.strip()]
    items = [item.strip() for item in _cut(body, ",", found[","])]
    if len(items) > 1 and not items[-1]:
        items.pop()  # a trailing comma already written (a one-item tuple)
    return items


def _is_literal(text: str) -> bool:
    """Whether ``text`` is exactly one string literal (one line, any prefix and quote)."""
    return _LITERAL.fullmatch(text) is not None


def _blank(match: re.Match[str]) -> str:
    return "_" * len(match.group())


def _scan(code: str, seps: tuple[str, ...] = ()) -> tuple[list[tuple[int, int]], dict[str, list[int]]]:
    """The brackets of ``code`` outside other brackets and strings, and where each of ``seps`` occurs there.

    Strings are blanked out first (same length), so spec text inside them (patterns, messages)
    never counts as code. Generated lines hold no triple-quoted strings and no comments.
    """
    if "'" in code or '"' in code:
        code = _QUOTED.sub(_blank, code)
    pairs: list[tuple[int, int]] = []
    depth = start = 0
    for match in _BRACKET.finditer(code):
        if match.group() in _OPENERS:
            if depth == 0:
                start = match.start()
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                pairs.append((start, match.start()))
    found: dict[str, list[int]] = {}
    for sep in seps:
        at, i = [], code.find(sep)
        while i >= 0:
            if not any(o < i < c for o, c in pairs):
                at.append(i)
            i = code.find(sep, i + len(sep))
        found[sep] = at
    return pairs, found


def _pairs(code: str) -> list[tuple[int, int]]:
    return _scan(code)[0]


def _cut(code: str, sep: str, at: list[int]) -> list[str]:
    """``code`` split at the offsets ``at`` of ``sep``."""
    parts, last = [], 0
    for i in at:
        parts.append(code[last:i])
        last = i + len(sep)
    parts.append(code[last:])
    return parts


def split(code: str, sep: str) -> list[str]:
    """``code`` split at ``sep`` outside brackets and strings: ``split("list[A | B] | C", " | ")`` -> 2 parts."""
    return _cut(code, sep, _scan(code, (sep,))[1][sep])
