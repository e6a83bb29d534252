"""Feeds out: RSS 2.0 (written by feedgen), Atom 1.0 (lxml) and JSON Feed 1.1, for the whole
hub, each content kind and each tag.

Atom is written with lxml's element API rather than feedgen: feedgen 1.0.0 drops the ``rel``
and ``type`` of an entry's links in Atom, which turns an enclosure into a second page link.

Readers trust a feed whose item ids never change: an item with an ``id`` keeps it through any
rename or retitle; without one, the id is a tag URI from its date and slug. Nothing here reads
the clock: a feed's date is its newest item's, so unchanged content gives identical bytes.
"""

from __future__ import annotations

import json
import mimetypes
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

from feedgen.feed import FeedGenerator
from lxml import etree
from lxml import html as lxml_html

from hub.i18n import N_, _
from hub.model import Hub, Item, Kind
from hub.publish import is_public
from hub.settings import Settings
from hub.urls import slugify

FOLDER = "feeds"
FEED_KINDS = {
    "stories": (Kind.STORY, N_("Small wins")),
    "messages": (Kind.MESSAGE, N_("Key messages")),
    "campaigns": (Kind.CAMPAIGN, N_("Campaigns")),
    "snippets": (Kind.SNIPPET, N_("Share snippets")),
}
DATED = {kind for kind, _title in FEED_KINDS.values()}
EXTENSIONS = {"rss": "rss.xml", "atom": "atom.xml", "json": "json"}
TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
ATOM = "http://www.w3.org/2005/Atom"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean(text: str) -> str:
    """Text XML can carry: control characters removed."""
    return _CONTROL.sub("", text)


@dataclass(frozen=True)
class Feed:
    key: str  # "all", "stories", "tag-small-wins"
    title: str
    page: str  # the site-relative URL of the HTML page this feed follows
    items: tuple[Item, ...]

    def path(self, fmt: str) -> str:
        return f"{FOLDER}/{self.key}.{EXTENSIONS[fmt]}"


def feeds(hub: Hub, settings: Settings, now: datetime) -> list[Feed]:
    """Every feed of the hub, each with its newest published items (up to the limit)."""
    public = [i for i in hub.items if i.kind in DATED and i.date and is_public(i, now)]
    public.sort(key=lambda i: (i.date or EPOCH, i.url), reverse=True)
    limit = settings.feed_limit
    everything = _("%(organisation)s: everything new", organisation=settings.organisation)
    result = [Feed("all", everything, "", tuple(public[:limit]))]
    for key, (kind, title) in FEED_KINDS.items():
        chosen = [i for i in public if i.kind is kind][:limit]
        named = _("%(organisation)s: %(feed)s", organisation=settings.organisation, feed=_(title))
        result.append(Feed(key, named, f"{key}/", tuple(chosen)))
    tags: dict[str, tuple[str, list[Item]]] = {}
    for item in public:
        for slug in dict.fromkeys(slugify(tag) or "tag" for tag in item.tags):
            name = next(t for t in item.tags if (slugify(t) or "tag") == slug)
            tags.setdefault(slug, (name, []))[1].append(item)
    for slug, (name, items) in sorted(tags.items()):
        result.append(
            Feed(
                f"tag-{slug}",
                f"{settings.organisation}: {name}",
                f"tags/{slug}/",
                tuple(items[:limit]),
            )
        )
    return result


def entry_id(item: Item, site_url: str) -> str:
    """Stable identity: the item's own id (a UUID as urn:uuid), else a tag URI."""
    host = urlsplit(site_url).hostname or "brandhub.invalid"
    if item.id:
        try:
            return UUID(item.id).urn
        except ValueError:
            return f"tag:{host},2000:{item.id}"
    day = (item.date or EPOCH).date().isoformat()
    return f"tag:{host},{day}:{item.kind.value}/{item.slug}"


@lru_cache(maxsize=2048)  # a story is in the hub's feed and in those of its tags and team
def absolute_html(fragment: str, base: str) -> str:
    """HTML with every link and image address made absolute against ``base``."""
    if not fragment.strip():
        return ""
    root = lxml_html.fragment_fromstring(clean(fragment), create_parent="div")
    root.make_links_absolute(base, resolve_base_href=False)
    inner = [lxml_html.tostring(child, encoding="unicode") for child in root]
    return clean((root.text or "") + "".join(inner))


@dataclass(frozen=True)
class Entry:
    item: Item
    url: str
    content: str | None  # full HTML, absolute links
    image: tuple[str, int, str] | None  # URL, length in bytes, type
    authors: tuple[str, ...]


def enclosure_size(path: Path) -> int:
    """The length a feed gives an enclosed image: its size in bytes, 0 if it is not there."""
    return path.stat().st_size if path.is_file() else 0


def entries_for(
    feed: Feed,
    hub: Hub,
    settings: Settings,
    site_url: str,
    bodies: dict[str, str],
    content_dir: Path,
) -> list[Entry]:
    base = site_url.rstrip("/") + "/"
    result = []
    for item in feed.items:
        url = base + item.url
        image = None
        if item.image:
            path = content_dir / item.image
            kind = mimetypes.guess_type(item.image)[0] or "application/octet-stream"
            size = enclosure_size(path)
            image = (base + item.image, size, kind)
        content = (
            absolute_html(bodies.get(item.src, ""), url) if settings.feed_full_content else None
        )
        names = tuple(hub.authors[a].name for a in item.authors if a in hub.authors)
        result.append(Entry(item, url, content, image, names))
    return result


def _updated(entries: list[Entry]) -> datetime:
    moments = [e.item.updated or e.item.date or EPOCH for e in entries]
    return max(moments, default=EPOCH)


def _generator(feed: Feed, site_url: str, language: str, entries: list[Entry]) -> FeedGenerator:
    base = site_url.rstrip("/") + "/"
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.id(base + feed.path("atom"))
    fg.title(clean(feed.title))
    fg.description(clean(feed.title))
    fg.subtitle(clean(feed.title))
    fg.language(language)
    fg.generator("Brandhub", uri="https://pypi.org/project/brandhub/")
    fg.updated(_updated(entries))
    fg.lastBuildDate(_updated(entries))
    for entry in reversed(entries):  # feedgen puts each new entry first
        item = entry.item
        fe = fg.add_entry()
        ident = entry_id(item, site_url)
        fe.id(ident)
        fe.guid(ident, permalink=False)
        fe.title(clean(item.title) or item.slug)
        fe.link(href=entry.url, rel="alternate")
        fe.published(item.date)
        fe.updated(item.updated or item.date)
        fe.summary(clean(item.summary))
        if entry.content:
            fe.content(clean(entry.content))  # content:encoded, escaped (CDATA can't hold "]]>")
        for tag in item.tags:
            fe.category(term=clean(tag))
        for name in entry.authors:
            fe.author(name=clean(name))
            fe.dc.dc_creator(clean(name))
        if entry.image:
            fe.enclosure(entry.image[0], str(entry.image[1]), entry.image[2])
    return fg


def rss(feed: Feed, entries: list[Entry], site_url: str, language: str) -> bytes:
    base = site_url.rstrip("/") + "/"
    fg = _generator(feed, site_url, language, entries)
    fg.link(href=base + feed.path("rss"), rel="self")
    # feedgen takes the RSS channel link from the last link given: the page goes last.
    fg.link(href=base + feed.page, rel="alternate")
    return bytes(fg.rss_str(pretty=True))


def atom(feed: Feed, entries: list[Entry], site_url: str, language: str) -> bytes:
    base = site_url.rstrip("/") + "/"
    root = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})  # type: ignore[dict-item]
    root.set("{http://www.w3.org/XML/1998/namespace}lang", language)

    def add(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
        element = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = clean(text)
        return element

    add(root, "id", base + feed.path("atom"))
    add(root, "title", feed.title)
    add(root, "subtitle", feed.title)
    add(root, "updated", _updated(entries).isoformat())
    add(root, "link", href=base + feed.path("atom"), rel="self", type=TYPES["atom"])
    add(root, "link", href=base + feed.page, rel="alternate", type="text/html")
    add(root, "generator", "Brandhub", uri="https://pypi.org/project/brandhub/")
    for entry in entries:
        item = entry.item
        node = add(root, "entry")
        add(node, "id", entry_id(item, site_url))
        add(node, "title", clean(item.title) or item.slug)
        add(node, "link", href=entry.url, rel="alternate", type="text/html")
        if entry.image:
            add(
                node,
                "link",
                href=entry.image[0],
                rel="enclosure",
                type=entry.image[2],
                length=str(entry.image[1]),
            )
        add(node, "published", (item.date or EPOCH).isoformat())
        add(node, "updated", (item.updated or item.date or EPOCH).isoformat())
        for name in entry.authors:
            add(add(node, "author"), "name", name)
        for tag in item.tags:
            add(node, "category", term=clean(tag))
        add(node, "summary", item.summary, type="text")
        if entry.content:
            add(node, "content", entry.content, type="html")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def json_feed(feed: Feed, entries: list[Entry], site_url: str, language: str) -> bytes:
    base = site_url.rstrip("/") + "/"
    items = []
    for entry in entries:
        item = entry.item
        data: dict[str, object] = {
            "id": entry_id(item, site_url),
            "url": entry.url,
            "title": clean(item.title) or item.slug,
            "summary": clean(item.summary),
            "date_published": (item.date or EPOCH).isoformat(),
            "date_modified": (item.updated or item.date or EPOCH).isoformat(),
            "tags": [clean(t) for t in item.tags],
        }
        if entry.content:
            data["content_html"] = clean(entry.content)
        else:
            data["content_text"] = clean(item.summary)
        if entry.authors:
            data["authors"] = [{"name": clean(n)} for n in entry.authors]
        if entry.image:
            data["image"] = entry.image[0]
            data["attachments"] = [
                {
                    "url": entry.image[0],
                    "mime_type": entry.image[2],
                    "size_in_bytes": entry.image[1],
                }
            ]
        items.append(data)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": clean(feed.title),
        "home_page_url": base + feed.page,
        "feed_url": base + feed.path("json"),
        "language": language,
        "items": items,
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()
