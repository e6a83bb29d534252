"""Plain-text summaries and titles taken from a Markdown body when front matter has none."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown

_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_NOT_PROSE = re.compile(r"^(#|!!!|\?\?\?|```|~~~|<|\||>|[-*+]\s|\d+\.\s|!\[|\[.+\]:|=+$|-+$)")


class _Text(HTMLParser):
    """The text a reader sees: what scripts and styles contain is not text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style") and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


_CONVERTER = markdown.Markdown()  # building a converter costs more than converting a line


def plain_text(markdown_text: str) -> str:
    """Render inline Markdown and keep only its text, with white space folded."""
    parser = _Text()
    parser.feed(_CONVERTER.reset().convert(markdown_text))
    parser.close()
    return " ".join("".join(parser.parts).split())


def first_heading(body: str) -> str | None:
    for line in body.splitlines():
        match = _HEADING.match(line)
        if match:
            return plain_text(match.group(1)) or None
    return None


def first_paragraph(body: str) -> str:
    """The first paragraph of prose, as plain text, cut at a word to at most 300 characters."""
    lines: list[str] = []
    for line in body.splitlines():
        stripped = line.strip()
        if not stripped:
            if lines:
                break
            continue
        if not lines and (_NOT_PROSE.match(stripped) or line.startswith(("    ", "\t"))):
            continue
        lines.append(stripped)
    summary = plain_text("\n".join(lines))
    if len(summary) <= 300:
        return summary
    return summary[:299].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def plain_paragraphs(body: str) -> str:
    """The body as plain text, paragraphs kept apart by a blank line (a snippet's post)."""
    paragraphs = [plain_text(block) for block in re.split(r"\n\s*\n", body.strip())]
    return "\n\n".join(p for p in paragraphs if p)
