"""The HTML policy: what rendered Markdown may contain once it reaches a page.

Python-Markdown passes raw HTML through, and attr_list lets anyone add attributes, so a story
could carry ``<img onerror>``, a ``javascript:`` link or a form. Every rendered page goes
through nh3 (the Rust ammonia sanitizer): only the tags Markdown and Material's extensions
produce, ``class``/``id``/``title`` style attributes, web, mail and relative addresses, and
iframes only from the video hosts the hub allows. Ids and names that Material (``__config``,
``__search``, ``__palette_0``: all begin with ``__``) or Brandhub (``bh-``) look up are taken
off content, so a story cannot stand in for the theme's configuration (DOM clobbering); the
line anchors of highlighted code are Markdown's own and stay. A hub whose mergers are all
trusted may switch this off (``html_sanitize: false``), at the risk of running anyone's script.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import nh3

TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "var",
    "video",
    "source",
    "audio",
    "track",
    "picture",
    "time",
}
ATTRIBUTES = {
    "*": {
        "class",
        "id",
        "title",
        "lang",
        "dir",
        "role",
        "aria-label",
        "aria-hidden",
        "aria-describedby",
        "aria-labelledby",
        "data-md-color-scheme",
    },
    "a": {"href", "hreflang", "name", "download"},
    "img": {"src", "alt", "width", "height", "loading", "srcset", "sizes"},
    "source": {"src", "srcset", "type", "media", "sizes"},
    "video": {"src", "controls", "width", "height", "poster", "preload", "muted", "loop"},
    "audio": {"src", "controls", "preload"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy"},
    "input": {"type", "checked", "disabled"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "abbr": {"title"},
}
SCHEMES = {"http", "https", "mailto", "tel"}
# Prefixes of the ids the theme's and Brandhub's scripts and templates own.
RESERVED_IDS = ("__", "bh-")
# pymdownx.highlight's line anchors (linenums with anchors), which Material's script links to.
_CODE_LINE = re.compile(r"__(codelineno|span)-\d+-\d+")
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_EMPTY_FRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL)


class Policy:
    def __init__(self, embed_hosts: Iterable[str]) -> None:
        self.embed_hosts = {host.lower() for host in embed_hosts}

    def _filter(self, tag: str, attribute: str, value: str) -> str | None:
        if attribute in ("id", "name") and reserved(value):
            return None
        if tag == "iframe" and attribute == "src":
            host = (urlsplit(value).hostname or "").lower()
            return value if urlsplit(value).scheme == "https" and host in self.embed_hosts else None
        if tag == "input" and attribute == "type":
            return value if value == "checkbox" else None  # task lists only
        # nh3 checks the schemes of the attributes it knows to hold an address; these it does
        # not: a srcset's every candidate, a video's poster.
        if attribute == "srcset":
            return value if all(_allowed_address(part) for part in value.split(",")) else None
        if attribute == "poster":
            return value if _allowed_address(value) else None
        return value

    def clean(self, html: str) -> str:
        cleaned = nh3.clean(
            html,
            tags=TAGS,
            clean_content_tags={"script", "style"},
            attributes=ATTRIBUTES,
            attribute_filter=self._filter,
            url_schemes=SCHEMES,
            link_rel=None,
            strip_comments=True,
        )
        # An iframe whose address was not allowed has lost its src: drop the empty frame too.
        # nh3's output is normalised, so the pattern sees every such element.
        return _EMPTY_FRAME.sub("", cleaned)


def _allowed_address(value: str) -> bool:
    """Whether ``value`` is a relative address or one of SCHEMES, read as a browser reads it
    (spaces and control characters inside the scheme are ignored: ``java\tscript:``)."""
    compact = _IGNORED_IN_URL.sub("", value).lower()
    scheme = _SCHEME.match(compact)
    return scheme is None or scheme.group(1) in SCHEMES


def reserved(name: str) -> bool:
    """Whether ``name`` is an id or name that the theme or Brandhub looks up in a page.
    Browsers match ids exactly, but a loose match (case, spaces) costs content nothing."""
    folded = name.strip().lower()
    return folded.startswith(RESERVED_IDS) and not _CODE_LINE.fullmatch(folded)
