"""Links between files: which pages and assets each page points at, from its Markdown body.

The publish rule needs them twice: a public page must not link to an unpublished one (that
would leak it, and the reader would find a dead link), and an asset used only by unpublished
pages must not be copied into the site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from hub.schema import resolve_content_path

# Inline links and images, [text](target "title"), and reference definitions, [id]: target.
_INLINE = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.MULTILINE)
_FENCE = re.compile(r"^(```|~~~)")


@dataclass(frozen=True)
class Reference:
    target: str  # POSIX path inside the content folder
    line: int  # file line of the link


def references(body: str, rel: str, first_line: int) -> Iterator[Reference]:
    """Every relative link or image in ``body`` (outside code fences), resolved."""
    if "](" not in body and "]:" not in body:
        return  # most stories link nowhere: no line to look at
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        if _FENCE.match(line.lstrip()):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for match in (*_INLINE.finditer(line), *_REFERENCE.finditer(line)):
            target = _resolve(match.group(1), rel)
            if target is not None:
                yield Reference(target, first_line + offset)


def _resolve(raw: str, rel: str) -> str | None:
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # a web address, mailto: or an anchor on the same page
    return resolve_content_path(unquote(parts.path), rel)
