"""Tag and person pages are paged like the Small wins list: page 1 at the page's own address,
the others at ``<address>page/N/``, ``stories_per_page`` entries each, newest first."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from hub.model import Author, Hub, Item
from hub.settings import Settings
from hub.views import View, build_views
from tests.conftest import Elements, story
from tests.conftest import Hub as Site

PER_PAGE = 3
NOW = "2026-11-23T12:00"
# Five public stories by ben tagged Busy, the newest last; the canaries are never public.
BUSY = [f"busy-{n}" for n in range(1, 6)]
CANARIES = {
    "draft": "date: 2026-11-20\ndraft: true",  # newer than every public one
    "future": "date: 2027-01-01",
    "expired": "date: 2026-04-15\nexpires: 2026-06-01",
}


def cards(html: str) -> list[str]:
    """The story addresses a listing page links from its cards, in order (from page 1 or 2)."""
    found = re.findall(r'class="bh-card__title"><a href="(?:\.\./)+stories/([^/"]+)/"', html)
    return list(found)


def pager(html: str) -> dict[str, str]:
    """rel → href of the links in the page's pager ({} when there is none)."""
    navs = re.findall(r'<nav class="bh-pagination".*?</nav>', html, flags=re.S)
    if not navs:
        return {}
    assert len(navs) == 1
    return dict(re.findall(r'<a rel="(prev|next)" href="([^"]*)"', navs[0]))


@pytest.fixture
def busy(site: Callable[[str], Site]) -> Site:
    hub = site("basic")
    config = hub.root / "mkdocs.yml"
    text, count = re.subn(
        r"stories_per_page: \d+", f"stories_per_page: {PER_PAGE}", config.read_text()
    )
    assert count == 1
    config.write_text(text)
    for day, slug in enumerate(BUSY, start=1):
        hub.write(
            f"stories/{slug}.md",
            f"---\ntitle: Busy story {slug}\ndate: 2026-05-0{day}\nteam: Fleet\n"
            f"authors: [ben]\ntags: [Busy]\n---\nBody of {slug}.\n",
        )
    for name, dates in CANARIES.items():
        hub.write(
            f"stories/canary-{name}.md",
            f"---\ntitle: Busy canary zqxbusy{name}\n{dates}\nteam: Fleet\n"
            f"authors: [ben]\ntags: [Busy]\n---\nBody zqxbusy{name}.\n",
        )
    hub.build("--now", NOW)
    return hub


@pytest.mark.parametrize("address", ["tags/busy/", "authors/ben/"])
def test_page_one_shows_the_newest_and_page_two_the_rest(busy: Site, address: str) -> None:
    first = busy.page(address)
    second = busy.page(f"{address}page/2/")
    assert cards(first) == ["busy-5", "busy-4", "busy-3"]  # exactly PER_PAGE, newest first
    assert cards(second) == ["busy-2", "busy-1"]
    # The pager links the two pages both ways, as the Small wins list does.
    assert pager(first) == {"next": "page/2/"}
    assert pager(second) == {"prev": "../../"}
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    # Five public stories make two pages: the unpublished ones add no page.
    assert not (busy.site / address / "page/3").exists()


def test_later_pages_say_their_number_in_the_title(busy: Site) -> None:
    assert "<title>Tagged “Busy”, page 2 - Test Hub</title>" in busy.page("tags/busy/page/2")
    assert "<title>Tagged “Busy” - Test Hub</title>" in busy.page("tags/busy")
    assert "<title>Ben Okafor, page 2 - Test Hub</title>" in busy.page("authors/ben/page/2")
    assert "<title>Ben Okafor - Test Hub</title>" in busy.page("authors/ben")


def test_the_pager_is_the_story_listings_pager(busy: Site) -> None:
    """One macro draws every pager: same landmark, same links, same wording."""
    stories = Elements(busy.page("stories")).find("nav", class_="bh-pagination")
    author = Elements(busy.page("authors/ben")).find("nav", class_="bh-pagination")
    tag = Elements(busy.page("tags/busy")).find("nav", class_="bh-pagination")
    assert stories == author == [{"class": "bh-pagination", "aria-label": "Story pages"}]
    assert tag == [{"class": "bh-pagination", "aria-label": "Tag pages"}]
    assert "Older stories →" in busy.page("authors/ben")
    assert "← Newer stories" in busy.page("authors/ben/page/2")


def test_a_tag_with_few_entries_has_one_page(busy: Site) -> None:
    # Fleet has exactly PER_PAGE stories (win-1 to win-3), jobs a single snippet.
    for address in ("tags/fleet/", "tags/jobs/", "authors/ana/"):
        html = busy.page(address)
        assert pager(html) == {} and "bh-pagination" not in html, address
        assert not (busy.site / address / "page").exists(), address
    assert cards(busy.page("tags/fleet")) == ["win-3", "win-2", "win-1"]


def test_unpublished_stories_are_on_no_page(busy: Site) -> None:
    pages = [
        p.read_text(encoding="utf-8")
        for top in ("tags", "authors", "stories")
        for p in (busy.site / top).rglob("index.html")
    ]
    assert len(pages) > 10
    for name in CANARIES:
        assert not any(f"zqxbusy{name}" in html for html in pages), name


def test_feeds_follow_the_tag_as_they_follow_the_story_listing(busy: Site) -> None:
    feed = 'href="https://hub.testorg.com/feeds/tag-busy.atom.xml"'
    assert feed in busy.page("tags/busy")
    # Later pages keep the feed exactly when the Small wins list's later pages keep theirs.
    stories_feed = 'href="https://hub.testorg.com/feeds/stories.atom.xml"'
    assert (feed in busy.page("tags/busy/page/2")) == (stories_feed in busy.page("stories/page/2"))


# The views themselves, without a build.

MOMENT = datetime(2026, 6, 1, tzinfo=UTC)


def _stories(count: int, **fields: Any) -> list[Item]:
    return [
        story(
            src=f"stories/s{n}.md",
            slug=f"s{n}",
            url=f"stories/s{n}/",
            title=f"S{n}",
            date=datetime(2026, 1, 1 + n, tzinfo=UTC),
            authors=("ana",),
            **fields,
        )
        for n in range(count)
    ]


def _views(items: list[Item], per_page: int) -> dict[str, View]:
    hub = Hub(items=tuple(items), authors={"ana": Author(id="ana", name="Ana")}, assets=frozenset())
    settings = Settings(organisation="Org", stories_per_page=per_page)
    views = build_views(hub, settings, MOMENT, preview=False, hub_feeds=[])
    return {view.url: view for view in views}


@pytest.mark.parametrize(("count", "pages"), [(1, 1), (4, 1), (5, 2), (8, 2), (9, 3)])
def test_views_are_split_like_the_story_listing(count: int, pages: int) -> None:
    views = _views(_stories(count, tags=("Wins",)), per_page=4)
    for listing in ("stories", "tags/wins", "authors/ana"):
        urls = [f"{listing}/"] + [f"{listing}/page/{n}/" for n in range(2, pages + 1)]
        assert [u for u in views if u.startswith(f"{listing}/")] == urls, listing
        shown = [
            e.item.title
            for u in urls
            for e in views[u].data["entries" if listing.startswith("tags") else "stories"]
        ]
        assert shown == [f"S{n}" for n in reversed(range(count))], listing
        for number, url in enumerate(urls, start=1):
            data = views[url].data
            assert (data["page"], data["pages"], list(data["page_urls"])) == (number, pages, urls)
            assert data["previous"] == (urls[number - 2] if number > 1 else None)
            assert data["next"] == (urls[number] if number < pages else None)
    stories, tag, person = views["stories/"], views["tags/wins/"], views["authors/ana/"]
    assert (tag.feed_key, tag.data["tag"]) == ("tag-wins", "Wins")
    assert person.data["author"].name == "Ana"
    for n in range(2, pages + 1):
        assert views[f"tags/wins/page/{n}/"].title == f"Tagged “Wins”, page {n}"
        assert views[f"authors/ana/page/{n}/"].title == f"Ana, page {n}"
        assert views[f"tags/wins/page/{n}/"].src == f"tags/wins/page/{n}/index.md"
        # A later tag page follows its feed exactly as a later Small wins page does.
        later_story = views[f"stories/page/{n}/"].feed_key
        assert (views[f"tags/wins/page/{n}/"].feed_key is not None) == (later_story is not None)
    assert stories.title == "Small wins"


def test_a_person_without_stories_keeps_one_page() -> None:
    views = _views([], per_page=2)
    person = views["authors/ana/"]
    assert (person.data["stories"], person.data["pages"]) == ([], 1)
    assert not any(u.startswith("authors/ana/page/") for u in views)


def test_unpublished_stories_do_not_count_towards_pages() -> None:
    public = _stories(2, tags=("Wins",))
    unpublished: list[dict[str, Any]] = [
        {"draft": True, "date": datetime(2026, 5, 1, tzinfo=UTC)},
        {"date": datetime(2026, 5, 1, tzinfo=UTC), "expires": datetime(2026, 5, 2, tzinfo=UTC)},
        {"date": datetime(2026, 7, 1, tzinfo=UTC)},  # after MOMENT: embargoed
    ]
    hidden = [
        story(
            src=f"stories/h{n}.md",
            slug=f"h{n}",
            url=f"stories/h{n}/",
            title=f"H{n}",
            authors=("ana",),
            tags=("Wins",),
            **fields,
        )
        for n, fields in enumerate(unpublished)
    ]
    views = _views(public + hidden, per_page=2)
    for url, key in (("tags/wins/", "entries"), ("authors/ana/", "stories")):
        assert [e.item.title for e in views[url].data[key]] == ["S1", "S0"]
        assert views[url].data["pages"] == 1
    assert not any("/page/" in u and not u.startswith("stories/") for u in views)
