"""``api/snippets.json``: every published share-ready post, for chat bots and intranet widgets.

The document follows ``hub/schemas/snippets.schema.json``. Only published items are in it (the
publish rule decides, as for every output); its contents come from the content, never from the
build clock, so two builds of the same content give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from hub.model import Hub
from hub.publish import is_public
from hub.settings import Settings
from hub.share import COPY, Post, campaign_of, compose, deliver, posts_for, tagged_link

SCHEMA_URI = "snippets.schema.json"


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


def snippets_chunks(hub: Hub, settings: Settings, now: datetime, site_url: str) -> Iterator[str]:
    """The document in pieces, one snippet at a time, without holding all of it (tens of
    megabytes, and many times that as Python objects, at 10,000 stories). Each snippet is one
    line (a change to a snippet is a one-line difference), written by ``json``'s fast encoder,
    which does not indent."""
    items = [item for item in hub.items if is_public(item, now)]
    items.sort(key=lambda i: (i.date.timestamp() if i.date else 0.0, i.url), reverse=True)
    frame = {
        "$schema": SCHEMA_URI,
        "version": 1,
        "hub": {"name": settings.organisation, "url": site_url},
        "snippets": [],
    }
    head, _, tail = json.dumps(frame, ensure_ascii=False, indent=1).rpartition("[]")
    yield head + "["
    first = True
    for item in items:
        for post in posts_for(item, settings, site_url):
            entry = json.dumps(_entry(post, settings, site_url), ensure_ascii=False)
            yield ("\n  " if first else ",\n  ") + entry
            first = False
    yield ("]" if first else "\n ]") + tail + "\n"
