"""Recognition from content, never from tracking: what a person's published stories say of
them. Milestones count the stories a person signed that are public at the build's moment
(never a draft, an embargoed or an expired one); nothing here counts visits or clicks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from hub.model import Item

FIVE = 5


@dataclass(frozen=True, kw_only=True)
class Milestone:
    """A badge on a person's page: ``key`` names it (first-story, five-stories, every-quarter);
    ``year``: the year of which every quarter had a story of theirs."""

    key: str
    year: int | None = None


def milestones(published: Iterable[Item]) -> tuple[Milestone, ...]:
    """The milestones of the person who signed ``published`` (their public stories)."""
    stories = [item for item in published if item.date is not None]
    found: list[Milestone] = []
    if stories:
        found.append(Milestone(key="first-story"))
    if len(stories) >= FIVE:
        found.append(Milestone(key="five-stories"))
    quarters: dict[int, set[int]] = defaultdict(set)
    for item in stories:
        assert item.date is not None
        quarters[item.date.year].add((item.date.month - 1) // 3)
    found += [
        Milestone(key="every-quarter", year=year)
        for year, seen in sorted(quarters.items())
        if len(seen) == 4
    ]
    return tuple(found)
