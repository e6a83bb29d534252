"""The one publish rule. Every output (pages, listings, tags, search, sitemap, feeds, API,
calendars, links) asks :func:`state` or :func:`is_public`; none filters on its own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from hub.model import Item


class State(StrEnum):
    PUBLIC = "public"
    DRAFT = "draft"
    EMBARGOED = "embargoed"
    EXPIRED = "expired"


def state(item: Item, now: datetime) -> State:
    """An item is public from its ``date`` (inclusive) until its ``expires`` (exclusive)."""
    if item.draft:
        return State.DRAFT
    if item.date is not None and now < item.date:
        return State.EMBARGOED
    if item.expires is not None and now >= item.expires:
        return State.EXPIRED
    return State.PUBLIC


def is_public(item: Item, now: datetime) -> bool:
    return state(item, now) is State.PUBLIC


@dataclass(frozen=True, order=True)
class Change:
    moment: datetime
    what: str  # "publishes" or "expires"
    path: str


def changes(items: Iterable[Item], now: datetime) -> list[Change]:
    """Every moment after ``now`` at which an item publishes or expires, soonest first."""
    found = []
    for item in items:
        if item.draft:
            continue
        if item.date is not None and item.date > now:
            found.append(Change(item.date, "publishes", item.path))
        if item.expires is not None and item.expires > now:
            found.append(Change(item.expires, "expires", item.path))
    return sorted(found)


def next_change(items: Iterable[Item], now: datetime) -> datetime | None:
    """The next moment after ``now`` at which the published set changes, if any."""
    upcoming = changes(items, now)
    return upcoming[0].moment if upcoming else None
