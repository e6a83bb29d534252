"""What a preview must rebuild after an edit, so `brandhub serve` answers in a second or two.

MkDocs' own "dirty" rebuild redoes a page only when its Markdown file is newer than its HTML,
which is wrong for a hub: a new story title must also appear on the listing, tag, people and
home pages that show it, and those pages have no file of their own. Here every page gets a
digest of what it shows; a page is rebuilt when its digest differs from the previous build's.

- The hub's own pages (listings, tags, people, feeds page): the items they list, by their
  displayed fields (not their bodies, which they do not show).
- An item's page: its own file (MkDocs compares the times), plus, for the home and campaigns,
  the items they gather.
- Feeds and the snippets API: the items they carry, with the bodies and posts they include;
  unchanged ones are reused instead of being written again.
- Everything, when something every page shows changes: the navigation, the settings, the
  people (bylines) or the site's address.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from hub.feeds import Feed
from hub.model import Author, Item, Kind
from hub.publish import is_public
from hub.views import Entry, View

# Fields of an item no listing shows; leaving them out keeps a body edit from touching listings.
_UNSHOWN = {"body", "post_text", "body_line", "lines"}
_SHOWN = tuple(f.name for f in dataclasses.fields(Item) if f.name not in _UNSHOWN)


def item_digest(item: Item) -> str:
    """What listings show of an item (title, summary, date, tags, authors, …), hashed."""
    return _hash(repr(tuple(getattr(item, name) for name in _SHOWN)))


class Digests:
    """Digests of one build; items are hashed once however many pages list them."""

    def __init__(self) -> None:
        self._items: dict[int, str] = {}

    def item(self, item: Item) -> str:
        key = id(item)
        if key not in self._items:
            self._items[key] = item_digest(item)
        return self._items[key]

    def view(self, view: View) -> str:
        parts = [view.src, view.url, view.title, view.summary, view.fragment, str(view.feed_key)]
        _walk(view.data, parts, self.item)
        return _hash("\x1f".join(parts))

    def feed(self, feed: Feed, bodies: Mapping[str, str], *context: object) -> str:
        """A feed: its items as listed, and their bodies, which feeds carry in full."""
        parts = [feed.key, feed.title, feed.page, repr(context)]
        for item in feed.items:
            parts += [self.item(item), _hash(bodies.get(item.src, ""))]
        return _hash("\x1f".join(parts))

    def posts(self, items: Iterable[Item], now: datetime, *context: object) -> str:
        """Every share post of the hub (the snippets API): a snippet's post is its body."""
        parts = [repr(context)]
        for item in items:
            parts += [self.item(item), _hash(item.post_text), str(is_public(item, now))]
        return _hash("\x1f".join(parts))

    def gathering(self, item: Item, members: Iterable[Item]) -> str:
        """A page that lists other items (the home, a campaign): itself and what it lists."""
        parts = [self.item(item)]
        parts += [self.item(member) for member in members]
        return _hash("\x1f".join(parts))


def everywhere(*shown_on_every_page: object) -> str:
    """The digest of what every page shows (navigation, settings, people, address)."""
    return _hash(repr(shown_on_every_page))


def gathers(item: Item) -> bool:
    """Whether an item's page shows other items (so an edit elsewhere can change it)."""
    return item.kind in (Kind.HOME, Kind.CAMPAIGN) or bool(item.steps)


def _walk(value: Any, parts: list[str], item: Callable[[Item], str]) -> None:
    if isinstance(value, Item):
        parts.append(item(value))
    elif isinstance(value, Entry):
        parts += [item(value.item), str(value.state)]
    elif isinstance(value, Author):
        parts.append(repr(value))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        parts.append(type(value).__name__)
        for f in dataclasses.fields(value):
            _walk(getattr(value, f.name), parts, item)
    elif isinstance(value, dict):
        for key, member in value.items():
            parts.append(repr(key))
            _walk(member, parts, item)
    elif isinstance(value, list | tuple):
        parts.append("[")
        for member in value:
            _walk(member, parts, item)
        parts.append("]")
    else:
        parts.append(repr(value))


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()
