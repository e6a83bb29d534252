"""The hub's own pages (home sections, listings, tags, people, teams), from the published set.

A view is a plain record: where the page lives, its title, which fragment renders it and the
items it shows. Every view is built from :func:`visible`, which asks the publish rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from hub import i18n
from hub.exposure import hidden_people
from hub.feeds import Feed, feeds
from hub.glossary import by_letter
from hub.i18n import _
from hub.model import Author, Hub, Item, Kind
from hub.publish import State, state
from hub.recognition import Milestone, milestones
from hub.settings import Settings
from hub.urls import GLOSSARY_URL, author_url, listing_url, name_key, slugify, tag_url, team_url

LATEST_ON_HOME = 6


@dataclass(frozen=True)
class Entry:
    """An item as a view shows it, with its publication state (not public only in previews)."""

    item: Item
    state: State


@dataclass(frozen=True, kw_only=True)
class View:
    src: str  # the generated Markdown file's path, e.g. stories/page/2/index.md
    url: str
    title: str
    fragment: str  # template under fragments/
    summary: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    feed_key: str | None = None  # the feed that follows this listing (hub.feeds keys)


def visible(hub: Hub, now: datetime, *, preview: bool) -> list[Entry]:
    """Items that appear in the output: the public ones, or all of them in a preview."""
    entries = [Entry(item, state(item, now)) for item in hub.items]
    return [e for e in entries if preview or e.state is State.PUBLIC]


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(
        entries,
        key=lambda e: (e.item.date.timestamp() if e.item.date else float("-inf"), e.item.url),
        reverse=True,
    )


def of_kind(entries: Iterable[Entry], kind: Kind) -> list[Entry]:
    return [e for e in entries if e.item.kind is kind]


def campaign_phase(item: Item, now: datetime) -> str:
    """current, upcoming or past; ``ends`` given as a date lasts through that whole day."""
    starts = item.starts or item.date
    if item.ends is not None and now >= _end(item.ends):
        return "past"
    if starts is not None and now < starts:
        return "upcoming"
    return "current"


def _end(ends: datetime) -> datetime:
    if (ends.hour, ends.minute, ends.second, ends.microsecond) == (0, 0, 0, 0):
        return ends + timedelta(days=1)
    return ends


def active_welcome(entries: list[Entry], now: datetime) -> Entry | None:
    welcomes = [
        e
        for e in newest_first(of_kind(entries, Kind.CAMPAIGN))
        if e.item.campaign_kind == "welcome" and campaign_phase(e.item, now) == "current"
    ]
    return welcomes[0] if welcomes else None


def build_views(
    hub: Hub,
    settings: Settings,
    now: datetime,
    *,
    preview: bool,
    hub_feeds: list[Feed] | None = None,
) -> list[View]:
    entries = visible(hub, now, preview=preview)
    views: list[View] = []
    views += _story_pages(entries, settings)
    views.append(_messages(entries))
    views.append(_campaigns(entries, now))
    views.append(_snippets(entries))
    views += _tags(entries, settings)
    hidden = hidden_people(hub, now, preview=preview)
    people = {key: person for key, person in hub.authors.items() if key not in hidden}
    views += _people(entries, people, settings)
    views.append(
        View(
            src="feeds/index.md",
            url="feeds/",
            title=_("Feeds"),
            fragment="feeds.html",
            summary=_("Follow the hub in your feed reader, chat tool or intranet."),
            data={"feeds": hub_feeds if hub_feeds is not None else feeds(hub, settings, now)},
        )
    )
    if hub.glossary:
        views.append(
            View(
                src=f"{GLOSSARY_URL}index.md",
                url=GLOSSARY_URL,
                title=_("Glossary"),
                fragment="glossary.html",
                summary=_(
                    "The words you will hear at %(organisation)s in your first weeks, explained.",
                    organisation=settings.organisation,
                ),
                data={"letters": by_letter(hub.glossary, i18n.active().locale)},
            )
        )
    if not any(e.item.src == "guidelines/index.md" for e in entries):
        views.append(
            View(
                src="guidelines/index.md",
                url="guidelines/",
                title=_("Guidelines"),
                fragment="guidelines.html",
                summary=_("How we look, sound and behave in public."),
                data={"guidelines": _guidelines(entries)},
            )
        )
    return views


def home_data(hub: Hub, now: datetime, *, preview: bool) -> dict[str, Any]:
    """What the home page shows below the editor's welcome text."""
    entries = visible(hub, now, preview=preview)
    campaigns = [
        e
        for e in newest_first(of_kind(entries, Kind.CAMPAIGN))
        if e.item.campaign_kind != "welcome" and campaign_phase(e.item, now) == "current"
    ]
    return {
        "welcome": active_welcome(entries, now),
        "stories": newest_first(of_kind(entries, Kind.STORY))[:LATEST_ON_HOME],
        "campaigns": campaigns,
        "messages": newest_first(of_kind(entries, Kind.MESSAGE))[:LATEST_ON_HOME],
        "guidelines": _guidelines(entries),
    }


def _guidelines(entries: list[Entry]) -> list[Entry]:
    guides = of_kind(entries, Kind.GUIDELINE)
    return sorted(
        (e for e in guides if e.item.src != "guidelines/index.md"), key=lambda e: e.item.src
    )


def _story_pages(entries: list[Entry], settings: Settings) -> list[View]:
    return _paged(
        newest_first(of_kind(entries, Kind.STORY)),
        settings.stories_per_page,
        "stories",
        key="stories",
        title=_("Small wins"),
        fragment="stories.html",
        summary=_("Short, proud, concrete results of our teams."),
        feed_key="stories",
    )


def _paged(
    entries: list[Entry],
    size: int,
    folder: str,
    *,
    key: str,
    title: str,
    fragment: str,
    summary: str,
    data: dict[str, Any] | None = None,
    feed_key: str | None = None,
) -> list[View]:
    """A listing split into pages of ``size`` entries: page 1 at ``folder/``, the others at
    ``folder/page/N/`` (:func:`~hub.urls.listing_url`). An empty listing still has page 1.

    ``key`` names the page's entries in its data, beside ``data``, the page number, the number
    of pages and the addresses the pager links to; later pages say their number in the title.
    """
    chunks = [entries[i : i + size] for i in range(0, len(entries), size)] or [[]]
    # One list for all the pages of the listing (read only): a list per page would be
    # quadratic, 700,000 addresses for the 833 pages of 10,000 stories.
    page_urls = tuple(listing_url(folder, n) for n in range(1, len(chunks) + 1))
    views = []
    for number, chunk in enumerate(chunks, start=1):
        url = page_urls[number - 1]
        views.append(
            View(
                src=f"{url}index.md",
                url=url,
                title=title
                if number == 1
                else _("%(title)s, page %(number)s", title=title, number=number),
                fragment=fragment,
                summary=summary,
                data={
                    **(data or {}),
                    "listing_title": title,
                    key: chunk,
                    "page": number,
                    "pages": len(chunks),
                    "previous": page_urls[number - 2] if number > 1 else None,
                    "next": page_urls[number] if number < len(chunks) else None,
                    "page_urls": page_urls,
                },
                feed_key=feed_key,
            )
        )
    return views


def _messages(entries: list[Entry]) -> View:
    pillars: dict[str, list[Entry]] = defaultdict(list)
    for entry in newest_first(of_kind(entries, Kind.MESSAGE)):
        pillars[entry.item.pillar or _("Other messages")].append(entry)
    audiences = sorted({a for e in entries if e.item.kind is Kind.MESSAGE for a in e.item.audience})
    return View(
        src="messages/index.md",
        url="messages/",
        title=_("Key messages"),
        fragment="messages.html",
        summary=_("Approved talking points with their proof: say them in your own words."),
        data={"pillars": sorted(pillars.items()), "audiences": audiences},
        feed_key="messages",
    )


def _campaigns(entries: list[Entry], now: datetime) -> View:
    phases: dict[str, list[Entry]] = {"current": [], "upcoming": [], "past": []}
    for entry in newest_first(of_kind(entries, Kind.CAMPAIGN)):
        phases[campaign_phase(entry.item, now)].append(entry)
    return View(
        src="campaigns/index.md",
        url="campaigns/",
        title=_("Campaigns"),
        fragment="campaigns.html",
        summary=_("Welcome journeys, brand campaigns and events."),
        data={"phases": phases},
        feed_key="campaigns",
    )


def _snippets(entries: list[Entry]) -> View:
    return View(
        src="snippets/index.md",
        url="snippets/",
        title=_("Share snippets"),
        fragment="snippets.html",
        summary=_("Ready-to-share posts: copy one, make it yours, post it."),
        data={"snippets": newest_first(of_kind(entries, Kind.SNIPPET))},
        feed_key="snippets",
    )


def tag_names(entries: Iterable[Entry]) -> dict[str, str]:
    """Tag slug → the name shown (the first spelling met, tags differing in case merge)."""
    names: dict[str, str] = {}
    for entry in entries:
        for tag in entry.item.tags:
            names.setdefault(slugify(tag) or "tag", tag)
    return names


def _tags(entries: list[Entry], settings: Settings) -> list[View]:
    tagged: dict[str, list[Entry]] = defaultdict(list)
    names = tag_names(entries)
    for entry in newest_first(entries):
        for slug in dict.fromkeys(slugify(tag) or "tag" for tag in entry.item.tags):
            tagged[slug].append(entry)
    index = View(
        src="tags/index.md",
        url="tags/",
        title=_("Tags"),
        fragment="tags.html",
        summary=_("Everything in the hub, by topic."),
        data={
            "tags": sorted(
                ((names[s], tag_url(names[s]), len(tagged[s])) for s in tagged),
                key=lambda t: t[0].casefold(),
            )
        },
    )
    pages = [
        view
        for slug, items in sorted(tagged.items())
        for view in _paged(
            items,
            settings.stories_per_page,
            tag_url(names[slug]).rstrip("/"),
            key="entries",
            title=_("Tagged “%(tag)s”", tag=names[slug]),
            fragment="tag.html",
            summary=_("Everything in the hub tagged %(tag)s.", tag=names[slug]),
            data={"tag": names[slug]},
            feed_key=f"tag-{slug}",
        )
    ]
    return [index, *pages]


@dataclass(frozen=True, kw_only=True)
class Profile:
    """A shown person as the people pages show them: their entry in authors.yml, their
    team's page, and what the published content says of them (hub.recognition)."""

    person: Author
    team_url: str | None
    stories: int  # the stories they signed that the site shows
    milestones: tuple[Milestone, ...] = ()
    topic_slugs: tuple[str, ...] = ()
    location_slug: str = ""


def _profile(person: Author, signed: list[Entry]) -> Profile:
    return Profile(
        person=person,
        team_url=team_url(person.team) if person.team else None,
        stories=len(signed),
        # Published stories only, even in a preview, which shows the unpublished ones too.
        milestones=milestones(e.item for e in signed if e.state is State.PUBLIC),
        topic_slugs=tuple(name_key(topic) for topic in person.topics),
        location_slug=name_key(person.location) if person.location else "",
    )


def _people(entries: list[Entry], authors: dict[str, Author], settings: Settings) -> list[View]:
    """Who's who, a page per person, and a page per team (their people and small wins)."""
    stories = newest_first(of_kind(entries, Kind.STORY))
    signed: dict[str, list[Entry]] = defaultdict(list)
    thanked: dict[str, list[Entry]] = defaultdict(list)
    for entry in stories:
        for author_id in entry.item.authors:
            signed[author_id].append(entry)
        for person_id in entry.item.thanks:
            thanked[person_id].append(entry)
    people = sorted(authors.values(), key=lambda a: (a.name.casefold(), a.id))
    profiles = [_profile(a, signed[a.id]) for a in people]
    index = View(
        src="authors/index.md",
        url="authors/",
        title=_("Who's who"),
        fragment="authors.html",
        summary=_("The people behind our small wins: who they are, what they know, who to ask."),
        data={"people": profiles, "facets": _facets(profiles)},
    )
    pages = [
        view
        for profile in profiles
        for view in _paged(
            signed[profile.person.id],
            settings.stories_per_page,
            author_url(profile.person.id).rstrip("/"),
            key="stories",
            title=profile.person.name,
            fragment="author.html",
            summary=_("Stories told by %(name)s.", name=profile.person.name),
            data={
                "author": profile.person,
                "profile": profile,
                "thanked": thanked[profile.person.id],
            },
        )
    ]
    return [index, *pages, *_teams(stories, profiles, thanked, settings)]


def _facets(profiles: list[Profile]) -> dict[str, list[tuple[str, str]]]:
    """What who's who can be filtered by: (value, name shown) pairs, sorted by name."""
    teams: dict[str, str] = {}
    places: dict[str, str] = {}
    languages: dict[str, str] = {}
    topics: dict[str, str] = {}
    for profile in profiles:
        person = profile.person
        if person.team and profile.team_url:
            teams.setdefault(profile.team_url, person.team)
        if person.location:
            places.setdefault(profile.location_slug, person.location)
        for code in person.languages:
            languages.setdefault(code, code)
        for slug, topic in zip(profile.topic_slugs, person.topics, strict=True):
            topics.setdefault(slug, topic)

    def by_name(found: dict[str, str]) -> list[tuple[str, str]]:
        return sorted(found.items(), key=lambda pair: (pair[1].casefold(), pair[0]))

    return {
        "teams": by_name(teams),
        "locations": by_name(places),
        "languages": sorted(languages.items()),
        "topics": by_name(topics),
    }


def _teams(
    stories: list[Entry],
    profiles: list[Profile],
    thanked: dict[str, list[Entry]],
    settings: Settings,
) -> list[View]:
    """A page per team that has a shown person or a shown story, and the list of teams."""
    names: dict[str, str] = {}  # team address → the first spelling met
    members: dict[str, list[Profile]] = defaultdict(list)
    wins: dict[str, list[Entry]] = defaultdict(list)
    for profile in profiles:
        if profile.person.team and profile.team_url:
            names.setdefault(profile.team_url, profile.person.team)
            members[profile.team_url].append(profile)
    for entry in stories:
        if entry.item.team:
            url = team_url(entry.item.team)
            names.setdefault(url, entry.item.team)
            wins[url].append(entry)
    ordered = sorted(names.items(), key=lambda pair: (pair[1].casefold(), pair[0]))
    index = View(
        src="teams/index.md",
        url="teams/",
        title=_("Teams"),
        fragment="teams.html",
        summary=_("Every team of the hub, its people and its small wins."),
        data={"teams": [(url, name, len(members[url]), len(wins[url])) for url, name in ordered]},
    )
    pages = []
    for url, name in ordered:
        ids = {profile.person.id for profile in members[url]}
        thanks = newest_first(
            {e.item.src: e for person in ids for e in thanked.get(person, [])}.values()
        )
        pages += _paged(
            wins[url],
            settings.stories_per_page,
            url.rstrip("/"),
            key="stories",
            title=name,
            fragment="team.html",
            summary=_("The people and small wins of %(team)s.", team=name),
            data={"team": name, "people": members[url], "thanked": thanks},
        )
    return [index, *pages]


def campaign_members(hub: Hub, campaign: Item, now: datetime, *, preview: bool) -> list[Entry]:
    """The visible stories, snippets and messages that belong to ``campaign``."""
    return newest_first(
        e
        for e in visible(hub, now, preview=preview)
        if e.item.campaign == campaign.slug and e.item.kind is not Kind.CAMPAIGN
    )


def newest_moment(hub: Hub, now: datetime) -> datetime | None:
    """The latest publication or update among public items: the hub's own "last changed"."""
    moments = [
        moment
        for e in visible(hub, now, preview=False)
        for moment in (e.item.updated, e.item.date)
        if moment is not None and moment <= now
    ]
    return max(moments, default=None)
