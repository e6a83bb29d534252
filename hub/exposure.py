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
from dataclasses import replace
from datetime import datetime
from urllib.parse import urlsplit

from hub.i18n import _
from hub.load import ASSET_TYPES, reserved
from hub.model import Hub, Item, Kind
from hub.problems import Problem
from hub.publish import State, is_public, state


def _why(item: Item, now: datetime) -> tuple[str, str]:
    current = state(item, now)
    if current is State.DRAFT:
        return _("a draft"), _("publish it first or remove the link")
    if current is State.EMBARGOED and item.date:
        moment = moment_text(item.date)
        return (
            _("embargoed until %(moment)s", moment=moment),
            _("remove the link, or build with --now at or after that moment"),
        )
    return str(current), _("remove the link")


def moment_text(moment: datetime | None) -> str:
    """A moment as messages write it, the same in every language: 2026-05-04 09:00 +0200."""
    return f"{moment:%Y-%m-%d %H:%M %z}" if moment is not None else ""


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
        for written, at in item.outside:
            problems.append(
                Problem(
                    item.path,
                    at,
                    None,
                    _("links to %(target)s, outside the content folder", target=written),
                    _("link to a file inside content/, or give a full web address"),
                )
            )
        for target, line in targets:
            if target in failed:
                continue
            linked = by_src.get(target)
            missing = linked is None and (
                (target.endswith(".md") and not _generated(target)) or _missing_file(hub, target)
            )
            if missing:
                problems.append(
                    Problem(
                        item.path,
                        line,
                        None,
                        _("links to content/%(target)s, which does not exist", target=target),
                        _("check the file name and folder"),
                    )
                )
            elif linked is not None and state(linked, now) is State.EXPIRED:
                notices.append(
                    Problem(
                        item.path,
                        line,
                        None,
                        _(
                            "links to %(path)s, which expired on %(moment)s: the link is "
                            "shown as plain text",
                            path=linked.path,
                            moment=moment_text(linked.expires),
                        ),
                        _("remove the link, or extend 'expires'"),
                    )
                )
            elif linked is not None and not is_public(linked, now):
                what, hint = _why(linked, now)
                problems.append(
                    Problem(
                        item.path,
                        line,
                        None,
                        _("links to %(path)s, which is %(what)s", path=linked.path, what=what),
                        hint,
                    )
                )
    return problems, notices


def hidden_pages(hub: Hub, now: datetime, *, preview: bool) -> frozenset[str]:
    """The content paths of the pages not in the site at ``now``: links to them are text."""
    if preview:
        return frozenset()
    return frozenset(item.src for item in hub.items if not is_public(item, now))


def _missing_file(hub: Hub, target: str) -> bool:
    """Whether ``target`` names a picture, document or other file that is not in the content
    folder, nor one the theme or the hub writes itself."""
    ending = target.rpartition("/")[2].rpartition(".")[2].lower()
    if "." not in target.rpartition("/")[2] or ending not in ASSET_TYPES:
        return False
    return not reserved(target) and target not in hub.assets


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
            "teams",
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
        if not shown:  # a name in an unpublished page's code counts as a use: never leak it
            used.update(item.mentions)
        if item.image:
            used.add(item.image)
        # A person's picture shows with what they signed and what thanks them.
        for author_id in (*item.authors, *item.thanks):
            person = hub.authors.get(author_id)
            if person is not None and person.avatar:
                used.add(person.avatar)
        for asset in used & hub.assets:
            users[asset].add(shown)
    return {asset for asset, shown in users.items() if True not in shown}


def hidden_people(hub: Hub, now: datetime, *, preview: bool) -> frozenset[str]:
    """The people not shown at ``now``: those who sign or are thanked by something, all of it
    unpublished. A person who signs nothing yet is in the people directory from the start; one
    added for an embargoed story, to sign it or be thanked by it, appears with it."""
    if preview:
        return frozenset()
    signs: dict[str, set[bool]] = defaultdict(set)
    for item in hub.items:
        for author_id in (*item.authors, *item.thanks):
            signs[author_id].add(is_public(item, now))
    return frozenset(person for person, shown in signs.items() if True not in shown)


def published_view(hub: Hub, now: datetime, *, preview: bool) -> Hub:
    """``hub`` as the site at ``now`` may show it: items keep a campaign only while that
    campaign is published (a public story must not name an embargoed one, in its share links'
    UTM tags or the API). People are shown by the same rule in the views (``hidden_people``)."""
    if preview:
        return hub
    public = {i.slug for i in hub.items if i.kind is Kind.CAMPAIGN and is_public(i, now)}
    if all(not i.campaign or i.campaign in public for i in hub.items):
        return hub
    items = tuple(
        replace(i, campaign=None) if i.campaign and i.campaign not in public else i
        for i in hub.items
    )
    return replace(hub, items=items)
