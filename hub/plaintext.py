"""Text from outside the hub, made safe to write into its files: one line, visible, inert.

A feed's titles and texts come from someone else's server. Written into a story as they are,
an invisible character breaks the hub's check (YAML and XML refuse most control characters), a
bidi override makes a title read backwards, and Markdown syntax adds what its author wants to
the page: an image from their server (``![x](https://…)``), raw HTML, or an id through
attr_list (``{: #__config }``, which Material looks up). :func:`clean_line` keeps the text and
drops the rest; :func:`escape_markdown` writes it so that Markdown shows it as text.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Iterable

# Bidi classes of the characters that embed, override or isolate a direction (U+202A-U+202E,
# U+2066-U+2069): invisible, and they reorder what follows. The marks (LRM, RLM, ALM) stay:
# they only nudge neutral characters, and right-to-left text needs them.
BIDI_CONTROLS = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}


@functools.cache
def _invisible() -> re.Pattern[str]:
    """Control characters (C0, DEL, C1) other than white space, bidi controls, halves of
    surrogate pairs and noncharacters (U+FFFE: YAML refuses them)."""
    found = [
        chr(code)
        for code in range(0x10000)
        if (
            unicodedata.category(chr(code)) == "Cc"
            and not chr(code).isspace()  # tab, line breaks: clean_line makes them spaces
        )
        or unicodedata.bidirectional(chr(code)) in BIDI_CONTROLS
    ]
    # U+FDD0-U+FDEF and the last two code points of every plane are noncharacters.
    found += [chr(code) for code in range(0xFDD0, 0xFDF0)]
    planes = range(0, sys.maxunicode + 1, 0x10000)
    found += [chr(plane + end) for plane in planes for end in (0xFFFE, 0xFFFF)]
    return re.compile("[" + re.escape("".join(found)) + "\ud800-\udfff]")


def clean_line(text: str) -> str:
    """``text`` as one line: invisible characters dropped, every run of white space (tabs,
    line and paragraph separators included) one space, none at either end."""
    return " ".join(_invisible().sub("", text).split())


# Python-Markdown turns a backslash before one of these into the character itself.
_BACKSLASHED = frozenset("\\`*_{}[]()>#+-.!")
# Characters that are Markdown anywhere in a line: code, emphasis, links and images, attr_list
# braces, raw HTML and autolinks (``<``), and entities (``&`` before ``name;``).
_INLINE = re.compile(r"[\\`*_{}\[\]<]|&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z0-9]+;)")
_ORDERED = re.compile(r"(\d+)\.")  # "2026. A year" would start a numbered list


def _escaped(character: str) -> str:
    if character == "<":
        return "&lt;"
    if character == "&":
        return "&amp;"
    if character in _BACKSLASHED:
        return "\\" + character
    return f"&#{ord(character)};"


def escape_markdown(text: str) -> str:
    """``text`` (cleaned to one line) as Markdown that renders as exactly that text, in a
    paragraph: no heading, list, quote, code, link, image, HTML, admonition, details block,
    fence or attribute list can come of it, whatever the hub's extensions."""
    line = _INLINE.sub(lambda match: _escaped(match.group()), clean_line(text))
    if not line:
        return line
    ordered = _ORDERED.match(line)
    if ordered:
        return f"{ordered.group(1)}\\.{line[ordered.end() :]}"
    first = line[0]
    # At the start of a line, any other punctuation may open a block: # heading, > quote,
    # - + list, !!! admonition, ??? details, ~~~ fence, : definition, = | tables and so on.
    if first.isascii() and not first.isalnum() and not first.isspace() and line[:1] not in "&\\":
        return _escaped(first) + line[1:]
    return line


def markdown_lines(blocks: Iterable[tuple[bool, str]]) -> list[str]:
    """Untrusted ``blocks`` (is it a list item, its text) as Markdown lines that render as
    text: paragraphs apart, list items together."""
    lines: list[str] = []
    previous_item = False
    for item, paragraph in blocks:
        if not (item and previous_item):
            lines.append("")
        lines.append(f"- {escape_markdown(paragraph)}" if item else escape_markdown(paragraph))
        previous_item = item
    return lines
