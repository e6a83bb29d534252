"""``api/snippets.json``: every published share-ready post, for chat bots and intranet widgets.

The document follows ``hub/schemas/snippets.schema.json``. Only published items are in it (the
publish rule decides, as for every output); its contents come from the content, never from the
build clock, so two builds of the same content give the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from hub.model import Hub, Item
from hub.publish import is_public
from hub.sealed import intact, seal
from hub.settings import Settings
from hub.share import COPY, Post, campaign_of, compose, deliver, posts_for, tagged_link

SCHEMA_URI = "snippets.schema.json"
LIBRARIES = ("twitter-text-parser",)  # a line holds X's count of its post


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _entry(post: Post, settings: Settings, site_url: str) -> dict[str, Any]:
    item = post.item
    variants = []
    for index in range(len(post.texts)):
        channels = {}
        for channel in post.channels:
            d = deliver(post, settings, channel, index)
            channels[channel] = {
                "text": d.text,
                "url": d.link,
                "share_url": d.href,
                "length": d.length,
                "limit": d.limit,
            }
        variants.append(
            {
                "text": compose(post, settings, None, index),
                "url": tagged_link(post, settings, COPY),
                "channels": channels,
            }
        )
    return {
        "id": post.key,
        "title": item.title,
        "kind": item.kind.value,
        "page": site_url.rstrip("/") + "/" + item.url,
        "date": _iso(item.date),
        "expires": _iso(item.expires),
        "tags": list(item.tags),
        "campaign": item.campaign
        if item.campaign
        else (item.slug if item.kind.value == "campaign" else None),
        "utm_campaign": campaign_of(item, settings),
        "variants": variants,
    }


def snippets_document(hub: Hub, settings: Settings, now: datetime, site_url: str) -> str:
    return "".join(snippets_chunks(hub, settings, now, site_url))


def item_lines(item: Item, settings: Settings, site_url: str) -> list[str]:
    """The document's lines for ``item``: one snippet a post, written by ``json``'s fast
    encoder, which does not indent."""
    return [
        json.dumps(_entry(post, settings, site_url), ensure_ascii=False)
        for post in posts_for(item, settings, site_url)
    ]


def snippets_chunks(
    hub: Hub,
    settings: Settings,
    now: datetime,
    site_url: str,
    kept: KeptLines | None = None,
) -> Iterator[str]:
    """The document in pieces, one snippet at a time, without holding all of it (tens of
    megabytes, and many times that as Python objects, at 10,000 stories). Each snippet is one
    line (a change to a snippet is a one-line difference). With ``kept``, the lines of items
    unchanged since the last time are taken from there instead of being made again."""
    items = [item for item in hub.items if is_public(item, now)]
    items.sort(key=lambda i: (i.date.timestamp() if i.date else 0.0, i.url), reverse=True)
    frame = {
        "$schema": SCHEMA_URI,
        "version": 1,
        "hub": {"name": settings.organisation, "url": site_url},
        "snippets": [],
    }
    head, _, tail = json.dumps(frame, ensure_ascii=False, indent=1).rpartition("[]")
    whole = False
    try:
        yield head + "["
        first = True
        for item in items:
            lines = (
                item_lines(item, settings, site_url) if kept is None else kept.lines(item, settings)
            )
            for entry in lines:
                yield ("\n  " if first else ",\n  ") + entry
                first = False
        yield ("]" if first else "\n ]") + tail + "\n"
        whole = True
    finally:
        if kept is not None:
            kept.finish(whole)


class KeptLines:
    """The lines of the document made last (by a full build), by the digest of the item they
    show, in the file ``path`` (one ``digest<TAB>line`` a line).

    Making a line delivers a post to every channel (its text, length and share address; X's
    counting rules): 3 s for the whole document at 10,000 stories. A new story changes the
    document but no other item's lines: those are taken from here. The new file is written
    beside the old one as the document is made, and replaces it once the document is whole.
    Its lines go into the site as they are, so the file is read only while its bytes are those
    its seal says (hub.sealed).
    ``context`` is what every line also depends on: the code and the settings; ``digest``
    gives an item's digest (hub.incremental's, which the build has made already).
    """

    def __init__(
        self, path: Path, context: str, site_url: str, digest: Callable[[Item], str]
    ) -> None:
        self.path = path
        self.context = f"{context}|{site_url}"
        self.site_url = site_url
        self.digest = digest
        self.old: dict[bytes, list[bytes]] | None = None
        self.partial = path.with_name(f".{path.name}.{os.getpid()}.part")
        self.out: TextIO | None = None
        self.writing = True  # False once the new file cannot be written

    def lines(self, item: Item, settings: Settings) -> list[str]:
        """The item's lines, as ``item_lines`` makes them."""
        key = hashlib.sha256(
            f"{self.context}|{self.digest(item)}|{item.post_text}".encode()
        ).hexdigest()
        old = self._kept().get(key.encode())
        if old is None:
            lines = item_lines(item, settings, self.site_url)
        else:
            lines = [line.decode("utf-8") for line in old]
        self._write(key, lines)
        return lines

    def finish(self, whole: bool) -> None:
        """Keep the new lines if the document was ``whole``; else forget them."""
        if self.out is None:
            return
        if not whole:
            self._abandon()
            return
        try:
            self.out.close()
            os.replace(self.partial, self.path)
            seal(self.path)
        except OSError:
            self._abandon()
        self.out = None
        for stray in self.path.parent.glob(f".{self.path.name}.*.part"):  # of stopped builds
            stray.unlink(missing_ok=True)

    def _kept(self) -> dict[bytes, list[bytes]]:
        if self.old is None:
            self.old = {}
            try:
                data = self.path.read_bytes() if intact(self.path) else b""
            except OSError:  # none yet, or unreadable: every line is made
                data = b""
            for line in data.split(b"\n"):
                key, tab, text = line.partition(b"\t")
                if tab:
                    self.old.setdefault(key, []).append(text)
        return self.old

    def _write(self, key: str, lines: list[str]) -> None:
        if not self.writing:
            return
        try:
            if self.out is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.out = self.partial.open("w", encoding="utf-8")
            self.out.writelines(f"{key}\t{line}\n" for line in lines)
        except OSError:  # a read-only cache, a full disk: the next build makes every line
            self._abandon()

    def _abandon(self) -> None:
        self.writing = False
        if self.out is not None:
            with contextlib.suppress(OSError):
                self.out.close()
            self.out = None
        with contextlib.suppress(OSError):
            self.partial.unlink(missing_ok=True)
