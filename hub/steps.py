"""A welcome journey's steps, ready to show: when each happens and where it leads."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from urllib.parse import urlsplit

from hub.i18n import _, n_
from hub.model import Item
from hub.urls import relative


@dataclass(frozen=True)
class JourneyStep:
    day: int
    when: str
    title: str
    summary: str | None
    href: str | None  # relative, for the page
    absolute: str | None  # for calendar events


def when(day: int) -> str:
    """'Day 0' … 'Day 6'; whole weeks as 'Week 1' (day 7), 'Week 2' (day 14) …; before the
    first day (pre-boarding): 'The day before day one', '3 days before day one', 'The week
    before', '2 weeks before' …"""
    if day < 0:
        return _before(-day)
    if day < 7 or day % 7:
        return _("Day %(day)s", day=day)
    return _("Week %(week)s", week=day // 7)


def _before(days: int) -> str:
    if days == 1:
        return _("The day before day one")
    if days == 7:
        return _("The week before")
    if days % 7 == 0:
        return n_("%(count)s week before", "%(count)s weeks before", days // 7)
    return n_("%(count)s day before day one", "%(count)s days before day one", days)


def journey(
    item: Item, by_src: dict[str, Item], hidden: Set[str], page_url: str, site_url: str
) -> list[JourneyStep]:
    """The campaign's steps by day; a step's page that is not in the site (expired since,
    hub.exposure) is named without a link."""
    steps = []
    for step in sorted(item.steps, key=lambda s: s.day):
        href = absolute = None
        if step.link and urlsplit(step.link).scheme in ("http", "https", "mailto"):
            href = absolute = step.link
        elif step.link:
            path, _hash, anchor = step.link.lstrip("/").partition("#")
            target = by_src.get(path)
            if target is not None and path not in hidden:
                url = target.url + (f"#{anchor}" if anchor else "")
                href = relative(url, page_url)
                absolute = site_url.rstrip("/") + "/" + url
        steps.append(
            JourneyStep(step.day, when(step.day), step.title, step.summary, href, absolute)
        )
    return steps
