"""Links between files: which pages and assets each page points at, from its Markdown body.

The publish rule needs them twice: a public page must not link to an unpublished one (that
would leak it, and the reader would find a dead link), and an asset used only by unpublished
pages must not be copied into the site.

Every form a page can point at a file in is read, by the form's destination rather than by its
whole syntax, so link texts with brackets or line breaks change nothing: Markdown's inline
links and images (``](target)``, ``](<target with spaces>)``), reference definitions
(``[id]: target``), and HTML attributes that load or link (``src``, ``href``, ``srcset``,
``poster``, ``data``, …, with their character references decoded as a browser would). What
code shows (fences and backticks) is text on the page, not a link: it is read apart, as a
mention, which only keeps an asset out of the site when unpublished pages alone mention it.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from hub.schema import resolve_content_path

_INLINE = re.compile(r"\]\(\s*(?:<(?P<a>[^>\n]*)>|(?P<b>[^\s)]+))")
_REFERENCE = re.compile(
    r"^ {0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*(?:<(?P<a>[^>\n]*)>|(?P<b>\S+))", re.MULTILINE
)
_ATTRIBUTE = re.compile(
    r"""(?<![\w-])(?P<name>src|href|srcset|poster|data|background|cite|action|formaction|"""
    r"""xlink:href|data-src|data-srcset)\s*=\s*(?:"(?P<a>[^"]*)"|'(?P<b>[^']*)'|"""
    r"""(?P<c>[^\s"'>]+))""",
    re.IGNORECASE,
)
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_FORMS = (_INLINE, _REFERENCE, _ATTRIBUTE)
_BLANK = re.compile(r"[^\n]")


@dataclass(frozen=True)
class Reference:
    target: str  # POSIX path inside the content folder
    line: int  # file line of the link
    shown: bool = True  # False: only mentioned in code, which the page shows as text
    outside: bool = False  # the link leaves the content folder (``target``: as written)


def references(body: str, rel: str, first_line: int) -> Iterator[Reference]:
    """Every relative link, image or other reference in ``body``, resolved."""
    if "](" not in body and "]:" not in body and "=" not in body:
        return  # most stories link nowhere
    outside = _without_code(body) if "`" in body or "~~~" in body else body
    linked: set[tuple[str, int]] = set()
    for text, shown in ((outside, True), (body, False)):
        if not shown and text is outside:
            break  # no code: nothing is only mentioned
        for form in _FORMS:
            for match in form.finditer(text):
                found = match.groupdict()
                raw = found["a"] if found["a"] is not None else found["b"] or found.get("c")
                line = first_line + body.count("\n", 0, match.start())
                srcset = (found.get("name") or "").lower().endswith("srcset")
                for destination in _destinations(raw or "", srcset=srcset):
                    target = _resolve(destination, rel)
                    if target is None:
                        if shown and _leaves(destination, rel):
                            yield Reference(destination, line, shown, outside=True)
                        continue
                    if not shown and (target, line) in linked:
                        continue
                    if shown:
                        linked.add((target, line))
                    yield Reference(target, line, shown)


def _destinations(raw: str, *, srcset: bool) -> list[str]:
    value = html.unescape(raw).strip()
    if not srcset:
        return [value]
    # "a.png 1x, b.png 2x": each candidate's address is its first word.
    return [part.split()[0] for part in value.split(",") if part.split()]


def _without_code(body: str) -> str:
    """``body`` with what code shows blanked out, line breaks kept (for line numbers)."""
    parts = []
    at = 0
    for opening in _FENCE.finditer(body):
        if opening.start() < at:
            continue  # a fence line inside the block before
        fence = opening.group(1)
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        end_match = closing.search(body, opening.end())
        end = end_match.end() if end_match else len(body)
        parts.append(_CODE_SPAN.sub(_blank, body[at : opening.start()]))
        parts.append(_BLANK.sub(" ", body[opening.start() : end]))
        at = end
    parts.append(_CODE_SPAN.sub(_blank, body[at:]))
    return "".join(parts)


def _blank(match: re.Match[str]) -> str:
    return _BLANK.sub(" ", match.group(0))


def _leaves(raw: str, rel: str) -> bool:
    """Whether the relative address ``raw`` climbs out of the content folder."""
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return False
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
    return joined == ".." or joined.startswith("../")


def _resolve(raw: str, rel: str) -> str | None:
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # a web address, mailto: or an anchor on the same page
    return resolve_content_path(unquote(parts.path), rel)
