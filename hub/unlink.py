"""Links to pages that are not in the site become their text.

A public page may keep a link to a page that has since expired (hub.exposure): the build that
retires the page must not fail over it. This Markdown extension turns such a link into a
``<span>`` with the same text before MkDocs resolves links (it would warn of a missing page, and
a reader would find one). The page being converted is set by the plugin before each page.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Set
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from hub.schema import resolve_content_path

# MkDocs resolves links at priority 0 ("relpath"): run before it.
PRIORITY = 1


class Unlink(Extension):
    def __init__(self, hidden: Set[str]) -> None:
        super().__init__()
        self.hidden = hidden  # content paths of the pages not in the site
        self.page: str | None = None  # content path of the page being converted

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Unlinker(md, self), "brandhub-unlink", PRIORITY)


class _Unlinker(Treeprocessor):
    def __init__(self, md: Markdown, extension: Unlink) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page, hidden = self.extension.page, self.extension.hidden
        if page is None or not hidden:
            return
        for element in root.iter("a"):
            if target(element.get("href", ""), page) in hidden:
                element.tag = "span"
                for name in ("href", "title"):
                    element.attrib.pop(name, None)


def target(href: str, page: str) -> str | None:
    """The content path ``href`` points at from the page ``page``, if it is one."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return resolve_content_path(unquote(parts.path), page)
