"""The hub as plain records, copied out of validated front matter. Nothing here knows MkDocs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, kw_only=True)
class Term:
    """A term of the glossary: its definition, and the other names it goes by."""

    term: str
    definition: str
    aka: tuple[str, ...] = ()
    line: int | None = None


class Kind(StrEnum):
    HOME = "home"
    GUIDELINE = "guideline"
    MESSAGE = "message"
    CAMPAIGN = "campaign"
    STORY = "story"
    SNIPPET = "snippet"
    PAGE = "page"


@dataclass(frozen=True, kw_only=True)
class Share:
    """A share-ready post attached to a page."""

    text: str
    url: str | None = None  # None: the page's own canonical URL
    hashtags: tuple[str, ...] = ()
    channels: tuple[str, ...] | None = None  # None: the hub's default channels
    overrides: tuple[tuple[str, str], ...] = ()  # (channel, text) pairs
    line: int | None = None  # where the entry starts in its file


@dataclass(frozen=True, kw_only=True)
class Step:
    """One step of a welcome journey."""

    day: int
    title: str
    summary: str | None = None
    link: str | None = None  # a content path (stories/x.md) or an absolute web address


@dataclass(frozen=True, kw_only=True)
class Author:
    id: str
    name: str
    team: str | None = None
    role: str | None = None
    avatar: str | None = None  # content path
    links: tuple[tuple[str, str], ...] = ()  # (label, URL)
    location: str | None = None
    languages: tuple[str, ...] = ()  # language codes: es, en, pt-BR
    topics: tuple[str, ...] = ()
    pronouns: str | None = None
    ambassador: bool = False  # opted in to share the hub's news in their own words
    why: str | None = None  # why they share (ambassadors only)
    buddy: bool = False  # volunteers as a new hire's buddy


@dataclass(frozen=True, kw_only=True)
class Item:
    """One Markdown page of the hub, whatever its kind; per-kind fields stay empty elsewhere."""

    kind: Kind
    src: str  # POSIX path inside the content folder: stories/2026-05-night-shift.md
    path: str  # as editors see it: content/stories/2026-05-night-shift.md
    slug: str
    url: str  # site-relative URL with a trailing slash: stories/night-shift/
    title: str
    summary: str
    body: str
    id: str | None = None
    date: datetime | None = None
    expires: datetime | None = None
    updated: datetime | None = None
    draft: bool = False
    tags: tuple[str, ...] = ()
    image: str | None = None  # content path
    image_alt: str | None = None
    lang: str | None = None
    authors: tuple[str, ...] = ()
    share: tuple[Share, ...] = ()
    description: str | None = None
    # story
    team: str | None = None
    thanks: tuple[str, ...] = ()  # ids of the people a story thanks
    campaign: str | None = None  # a campaign's slug (stories and snippets)
    # message
    audience: tuple[str, ...] = ()
    pillar: str | None = None
    proof_points: tuple[str, ...] = ()
    # campaign
    campaign_kind: str | None = None  # welcome, brand or event
    starts: datetime | None = None
    ends: datetime | None = None
    hashtag: str | None = None
    steps: tuple[Step, ...] = ()
    buddy: str | None = None  # a welcome campaign's buddy: a person's id
    manager_role: str | None = None  # who plans the new colleague's first weeks
    # snippet
    variants: tuple[str, ...] = ()
    post_text: str = ""  # the body as plain text: a snippet's default post
    body_line: int = 1
    lines: Mapping[str, int] = field(default_factory=dict, compare=False)  # front-matter keys
    # The content paths the body links to or shows (links, images) and their lines, read
    # once in the check (hub.links.references): the publish rule asks for them every build.
    links: tuple[tuple[str, int], ...] = ()
    # The content paths only code on the page names (shown as text): an asset that only
    # unpublished pages link to or name stays out of the site.
    mentions: tuple[str, ...] = ()
    # Links that leave the content folder, as written, and their lines: errors of the check.
    outside: tuple[tuple[str, int], ...] = ()
    # Material page options passed through (hide, icon)
    material: tuple[tuple[str, object], ...] = field(default=())


@dataclass(frozen=True, kw_only=True)
class Hub:
    """Everything the content folder holds, validated; publication is decided later."""

    items: tuple[Item, ...]
    authors: dict[str, Author]
    assets: frozenset[str]  # every non-Markdown file inside the content folder
    glossary: tuple[Term, ...] = ()  # content/glossary.yml, in the file's order
