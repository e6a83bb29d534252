"""Content shown as plain text where Markdown or GitHub Actions would read it as instructions.

A pull request's titles, texts and file names reach two readers that do more than show text:
the job summary (GitHub's Markdown, which makes headings, links, images, tables and some HTML)
and the workflow log (where a line that starts with ``::`` is a command: an annotation, a mask,
an output). Everything content-derived goes through these functions on its way there.

- :func:`markdown`: text inside a line of Markdown (a list item, a table cell, a quote line):
  renders as exactly the characters given, never as markup, on one line.
- :func:`markdown_code`: text as inline code (a file name), on one line.
- :func:`markdown_quote`: a multi-line text as a block quote, its line breaks kept.
- :func:`no_commands`: text for the log, in which no line can be a workflow command.
"""

from __future__ import annotations

import re

# What Markdown (CommonMark) takes for the end of a line (\r\n, \r, \n), and the other
# line separators of Unicode, which some renderers break on too.
_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")

# The ASCII punctuation that starts markup inside a line on GitHub: code, emphasis, links and
# images, headings, table cells, strikethrough, autolinks (scheme:) and emoji (:name:), math
# ($). A backslash makes each a plain character (CommonMark, "Backslash escapes").
_INLINE = set("\\`*_[]!#|~:$")
# &, < and > become entities, which every Markdown dialect reads as text. An e-mail address is
# an autolink, found in the text after escapes are read: an invisible word joiner before the @
# keeps it from joining up.
_REPLACED = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "\u2060@"}
# "www." is an autolink without any scheme or punctuation before it.
_WWW = re.compile(r"(?i)(www)\.")
# At the start of a line these begin a block: a list item (- + 1. 1)), a thematic break or a
# heading's underline (- =); * > # and _ are escaped everywhere. Only a quote puts content at
# the start of a line (without its leading spaces, which would make code).
_BLOCK_START = re.compile(r"^(\d{1,9}(?=[.)]))?([-+=.)])")


def markdown(text: str) -> str:
    """``text`` as plain text inside a line of Markdown, table cells included: no character of
    it is markup, and its line breaks are spaces."""
    text = _LINE_BREAK.sub(" ", text)
    out = "".join(_REPLACED.get(c) or ("\\" + c if c in _INLINE else c) for c in text)
    out = _WWW.sub(r"\1\\.", out)
    return _BLOCK_START.sub(lambda m: (m[1] or "") + "\\" + m[2], out)


def markdown_code(text: str) -> str:
    """``text`` as inline code on one line (not inside a table cell, where ``|`` still splits
    the cell): the fence is longer than any run of backticks in it."""
    text = _LINE_BREAK.sub(" ", text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text[:1] in ("`", " ", "") or text[-1:] in ("`", " "):
        # Markdown removes a space on each side: the text may start or end with a backtick,
        # and keeps its own spaces.
        return f"{fence} {text} {fence}"
    return f"{fence}{text}{fence}"


def markdown_quote(text: str) -> str:
    """``text`` as a block quote: each of its lines a line of the quote, blank lines kept as
    paragraph breaks, nothing in it markup."""
    lines = [line.strip() for line in _LINE_BREAK.split(text)]
    out = []
    for number, line in enumerate(lines):
        if not line:
            out.append(">")
            continue
        # A backslash at the end of a line is a hard line break (unless a paragraph ends).
        more = number + 1 < len(lines) and lines[number + 1]
        out.append("> " + markdown(line) + ("\\" if more else ""))
    return "\n".join(out)


def no_commands(text: str) -> str:
    """``text`` for the GitHub Actions log, where it commands nothing: a line of it that would
    start with ``::`` (a workflow command; the runner skips leading spaces) starts with a
    backslash instead, and ``##[`` (the older form, which the runner finds anywhere in a line)
    becomes ``#\\#[``. Line breaks are the runner's: \\r\\n, \\r and \\n."""
    lines = re.split(r"(\r\n|\r|\n)", text.replace("##[", "#\\#["))
    for number in range(0, len(lines), 2):  # the odd ones are the line breaks
        if lines[number].lstrip().startswith("::"):
            lines[number] = "\\" + lines[number]
    return "".join(lines)
