"""PyYAML's errors in an editor's words, on the line where the mistake starts.

PyYAML (and libyaml, which words its errors differently) says what its parser expected where
it noticed the mistake: ``did not find expected key`` two lines below a quote that was never
closed. The common mistakes are recognised here from the error, the text around its marks and
the tokens read before it; any other error keeps PyYAML's own words, cleaned up.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from hub.i18n import N_, _

# libyaml and PyYAML describe these in different words.
_CANNOT_START = "cannot start any token"
_NOT_CLOSED_FLOW = {
    "while parsing a flow sequence": "[",
    "while parsing a flow mapping": "{",
}
# A sign that means something to YAML at the start of a value (*alias, &anchor, !tag, |, >).
_SIGN_AT_PROBLEM = (
    "found undefined alias",
    "could not determine a constructor for the tag",
    "block sequence entries are not allowed",
    "sequence entries are not allowed here",  # pure PyYAML
)
_SIGN_AT_CONTEXT = (
    "while scanning an anchor",
    "while scanning an alias",
    "while scanning a tag",
    "while scanning a block scalar",
    "while scanning a directive",
)
_PLAIN_HINT = N_("check the indentation and quote values that contain ': ' or start with # or \"")


def explain(exc: yaml.MarkedYAMLError, text: str, loader: type[Any]) -> tuple[int | None, str, str]:
    """The line, message and hint for ``exc``, raised while reading ``text`` with ``loader``
    (marks are lines of ``text``, counted from 0)."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark
    start = exc.context_mark
    lines = text.split("\n")

    def line_of(m: yaml.Mark | None) -> int | None:
        return None if m is None else m.line + 1

    def char_at(m: yaml.Mark | None) -> str:
        if m is None or m.line >= len(lines) or m.column >= len(lines[m.line]):
            return ""
        return lines[m.line][m.column]

    if context.startswith("while scanning a quoted scalar") and start is not None:
        return _unclosed_quote(start.line + 1)
    quoted = _quoted_before(text, mark, loader)
    if quoted is not None and mark is not None:
        if quoted.start_mark.line != quoted.end_mark.line:
            # A quote left open runs on to the next quote mark, often on a later line.
            return _unclosed_quote(quoted.start_mark.line + 1)
        if quoted.end_mark.line == mark.line:
            return _after_closing_quote(mark.line + 1, quoted.style)
    if char_at(mark) == "\t" or "tab" in problem:
        return (
            line_of(mark),
            _("line %(line)s is indented with a tab", line=line_of(mark)),
            _("indent with spaces only, two for each level"),
        )
    ends_later = mark is not None and start is not None and mark.line > start.line
    if (
        context in _NOT_CLOSED_FLOW
        and start is not None
        and (ends_later or problem.endswith(("<stream end>'", "end of stream")))
    ):
        return _unclosed_flow(start.line + 1, _NOT_CLOSED_FLOW[context])
    if "could not find expected ':'" in problem and start is not None:
        line = lines[start.line] if start.line < len(lines) else ""
        if re.search(r":[^\s]", line):
            return (
                start.line + 1,
                _("the key on line %(line)s has no space after its ':'", line=start.line + 1),
                _("write 'key: value', with a space after the colon"),
            )
        return (
            start.line + 1,
            _("line %(line)s is not a 'key: value' line", line=start.line + 1),
            _("add the key and ': ' before the text, or indent it under the key it belongs to"),
        )
    if problem.startswith("mapping values are not allowed") and mark is not None:
        before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
        if re.search(r":(\s|$)", before):
            return (
                mark.line + 1,
                _("the value on line %(line)s contains ': '", line=mark.line + 1),
                _('put the whole value in double quotes: key: "…: …"'),
            )
        return _indentation(mark.line + 1)
    where = (
        mark
        if _CANNOT_START in problem or problem.startswith(_SIGN_AT_PROBLEM)
        else start
        if context.startswith(_SIGN_AT_CONTEXT)
        else None
    )
    if char_at(where):
        return (
            line_of(where),
            _("a value cannot start with %(sign)s", sign=char_at(where)),
            _("put the value in quotes"),
        )
    if ("unknown escape" in problem or "hex" in problem) and mark is not None:
        return (
            mark.line + 1,
            _("a backslash in double quotes must start a known escape such as \\n"),
            _("write \\\\ for a backslash, or put the value in single quotes"),
        )
    if context.startswith(("while parsing a block mapping", "while parsing a block collection")):
        return _indentation(line_of(mark))
    what = (problem or context or "not valid YAML").strip()
    return line_of(mark or start), _("broken YAML: %(what)s", what=what), _(_PLAIN_HINT)


def _unclosed_quote(line: int) -> tuple[int, str, str]:
    return (
        line,
        _("a quote opened on line %(line)s is not closed", line=line),
        _("end the value with the quote mark it starts with, on the same line"),
    )


def _unclosed_flow(line: int, bracket: str) -> tuple[int, str, str]:
    return (
        line,
        _("a %(bracket)s opened on line %(line)s is not closed", bracket=bracket, line=line),
        _(
            "end it with %(closing)s on the same line, or put the value in quotes "
            "if the %(bracket)s is part of the text",
            closing="]" if bracket == "[" else "}",
            bracket=bracket,
        ),
    )


def _after_closing_quote(line: int, style: str | None) -> tuple[int, str, str]:
    hint = (
        _("inside single quotes, write an apostrophe twice (''), or use double quotes instead")
        if style == "'"
        else _('inside double quotes, write a quote mark as \\", or use single quotes instead')
    )
    return line, _("the value on line %(line)s goes on after its closing quote", line=line), hint


def _indentation(line: int | None) -> tuple[int | None, str, str]:
    return (
        line,
        _("line %(line)s is not indented like the keys around it", line=line),
        _("keys of one level start in the same column; indent with spaces only"),
    )


def _quoted_before(text: str, mark: yaml.Mark | None, loader: type[Any]) -> Any:
    """The token just before ``mark``, when it is a quoted value (else None)."""
    if mark is None:
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=loader):
            if token.start_mark.index >= mark.index:
                break
            last = token
    except yaml.YAMLError:
        pass  # the tokens read so far are all there is to go by
    if isinstance(last, yaml.ScalarToken) and last.style in ("'", '"'):
        return last
    return None
