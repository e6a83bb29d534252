"""The one publish rule. Every output (pages, listings, tags, search, sitemap, feeds, API,
calendars, links) asks :func:`state` or :func:`is_public`; none filters on its own."""

from __future__ import annotations

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


def next_change(items: tuple[Item, ...] | list[Item], now: datetime) -> datetime | None:
    """The next moment after ``now`` at which the published set changes, if any."""
    moments = [
        moment
        for item in items
        if not item.draft
        for moment in (item.date, item.expires)
        if moment is not None and moment > now
    ]
    return min(moments, default=None)
