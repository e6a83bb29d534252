"""What the published set may show and point at, at a given moment.

Two rules keep unpublished items out of every output: a public page may not link to a draft
or an embargoed page (the build fails naming both files), and an asset that only unpublished
pages use is left out of the site. Both ask the one publish rule.

A link to a page that has expired is not an error: nobody changed anything, time passed, and
the morning build that retires the page must not fail (the site would keep showing it). The
link is shown as plain text (hub.unlink), and the check says so, naming both files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Set
from datetime import datetime
from urllib.parse import urlsplit

from hub.model import Hub, Item
from hub.problems import Problem
from hub.publish import State, is_public, state


def _why(item: Item, now: datetime) -> tuple[str, str]:
    current = state(item, now)
    if current is State.DRAFT:
        return "a draft", "publish it first or remove the link"
    if current is State.EMBARGOED and item.date:
        return (
            f"embargoed until {item.date:%Y-%m-%d %H:%M %z}",
            "remove the link, or build with --now at or after that moment",
        )
    return str(current), "remove the link"


def link_problems(
    hub: Hub, now: datetime, *, failed: Set[str] = frozenset()
) -> tuple[list[Problem], list[Problem]]:
    """Links from a public page at ``now``: the problems (to a page that does not exist, a
    draft or an embargoed page), and the notices (to an expired page: shown as plain text).
    ``failed``: content paths of files that exist but did not pass the check (their own
    problems are reported): whether a link to one is right cannot be told yet."""
    by_src = {item.src: item for item in hub.items}
    problems = []
    notices = []
    for item in hub.items:
        if not is_public(item, now):
            continue
        targets: list[tuple[str, int | None]] = list(item.links)
        targets += [
            (step.link.split("#", 1)[0].lstrip("/"), item.lines.get("steps"))
            for step in item.steps
            if step.link and not urlsplit(step.link).scheme
        ]
        for target, line in targets:
            if target in failed:
                continue
            linked = by_src.get(target)
            if linked is None and target.endswith(".md") and not _generated(target):
                problems.append(
                    Problem(
                        item.path,
                        line,
                        None,
                        f"links to content/{target}, which does not exist",
                        "check the file name and folder",
                    )
                )
            elif linked is not None and state(linked, now) is State.EXPIRED:
                notices.append(
                    Problem(
                        item.path,
                        line,
                        None,
                        f"links to {linked.path}, which expired on "
                        f"{linked.expires:%Y-%m-%d %H:%M %z}: the link is shown as plain text",
                        "remove the link, or extend 'expires'",
                    )
                )
            elif linked is not None and not is_public(linked, now):
                what, hint = _why(linked, now)
                problems.append(
                    Problem(item.path, line, None, f"links to {linked.path}, which is {what}", hint)
                )
    return problems, notices


def hidden_pages(hub: Hub, now: datetime, *, preview: bool) -> frozenset[str]:
    """The content paths of the pages not in the site at ``now``: links to them are text."""
    if preview:
        return frozenset()
    return frozenset(item.src for item in hub.items if not is_public(item, now))


def _generated(target: str) -> bool:
    """Pages the hub writes itself (listings, tags, people, feeds) may be linked to."""
    top = target.split("/", 1)[0]
    return target.endswith("index.md") and (
        top
        in (
            "stories",
            "messages",
            "campaigns",
            "snippets",
            "guidelines",
            "tags",
            "authors",
            "feeds",
        )
    )


def private_assets(hub: Hub, now: datetime, *, preview: bool) -> set[str]:
    """Assets (images, files) used only by pages that are not shown at ``now``."""
    if preview:
        return set()
    users: dict[str, set[bool]] = defaultdict(set)
    for item in hub.items:
        shown = is_public(item, now)
        used = {target for target, _ in item.links}
        if item.image:
            used.add(item.image)
        for asset in used & hub.assets:
            users[asset].add(shown)
    return {asset for asset, shown in users.items() if True not in shown}
