"""The files the hub writes beside a campaign's page, and content that would take their place.

A campaign's folder in the site (``campaigns/<slug>/``) holds the hub's own share kit and, for
a campaign with a start date, its calendar. A file an editor put at one of those paths would
be overwritten without a word, or the two would collide, so the check refuses it. The hub's
other outputs (feeds, the API, the manifest, the app icons, the cards) are in folders and
names that content may never take at all (hub.load's RESERVED_FOLDERS and ASSET_TYPES).

Kept apart from hub.validate: the paths come from the modules that write the files.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Set
from pathlib import Path

from hub.calendar import calendar_path
from hub.i18n import _
from hub.load import display_path
from hub.model import Item, Kind
from hub.problems import Problem
from hub.sharekit import kit_path


def written_beside(item: Item) -> dict[str, str]:
    """The files the hub writes beside ``item``'s page: by path in the site, what each is.

    Whether or not the item is published now: a kit written on launch day would take the
    file's place then, and a check must not pass today and fail that morning."""
    if item.kind is not Kind.CAMPAIGN:
        return {}
    found = {kit_path(item): _("the share kit of %(page)s", page=item.path)}
    if item.starts is not None:  # only a campaign with a start date has a calendar
        found[calendar_path(item)] = _("the calendar of %(page)s", page=item.path)
    return found


def taken(items: Iterable[Item], assets: Set[str], root: Path) -> list[Problem]:
    """A problem for each of ``assets`` (content paths, which are their paths in the site) at
    a path the hub writes beside a page. Paths that differ only by case, or by how an accent
    is encoded, count as one: on a Mac or Windows they are one file."""
    by_path = {_key(asset): asset for asset in assets}
    hint = _("rename the file or move it to another folder; the hub makes this file itself")
    return [
        Problem(
            display_path(root / by_path[_key(path)]),
            None,
            None,
            _("is where the hub writes %(output)s", output=output),
            hint,
        )
        for item in items
        for path, output in written_beside(item).items()
        if _key(path) in by_path
    ]


def _key(path: str) -> str:
    return unicodedata.normalize("NFC", path).casefold()
