"""Feeds out, read back with feedparser: complete, stable, and without unpublished items."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest

from tests.conftest import DEMO_NOW, Hub

NOW = DEMO_NOW
SITE_URL = "https://alcor-logistics.github.io/hub/en/"  # the demo's English hub


@pytest.fixture
def demo(demo_site: Path) -> Path:
    return demo_site


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_feed_parses_cleanly_and_matches_the_content(demo_build: Path, language: str) -> None:
    demo = demo_build / language
    site_url = SITE_URL.replace("/en/", f"/{language}/")
    api = json.loads((demo / "api/snippets.json").read_text())
    assert api["snippets"]
    rss_files = sorted((demo / "feeds").glob("*.rss.xml"))
    assert len(rss_files) >= 5 + 10  # everything, four kinds, and the tags
    for rss in rss_files:
        key = rss.name.removesuffix(".rss.xml")
        parsed = {
            fmt: feedparser.parse((demo / f"feeds/{key}.{ext}").read_bytes())
            for fmt, ext in (("rss", "rss.xml"), ("atom", "atom.xml"), ("json", "json"))
        }
        for fmt in ("rss", "atom"):
            assert not parsed[fmt].bozo, (rss, fmt, parsed[fmt].get("bozo_exception"))
        json_feed = json.loads((demo / f"feeds/{key}.json").read_text())
        rss_entries, atom_entries = parsed["rss"].entries, parsed["atom"].entries
        assert 0 < len(rss_entries) == len(atom_entries) == len(json_feed["items"]) <= 50
        for r, a, j in zip(rss_entries, atom_entries, json_feed["items"], strict=True):
            assert r.id == a.id == j["id"]
            assert r.link == a.link == j["url"] and r.link.startswith(site_url)
            assert r.title == a.title == j["title"]
            page = demo / r.link.removeprefix(site_url) / "index.html"
            assert page.is_file(), r.link  # every item is a published page
            assert r.published_parsed == a.published_parsed
        dates = [e.published_parsed for e in rss_entries]
        assert dates == sorted(dates, reverse=True)


def test_feed_content_has_absolute_links_and_the_lead_image(demo: Path) -> None:
    feed = feedparser.parse((demo / "feeds/stories.atom.xml").read_bytes())
    with_image = [
        e
        for e in feedparser.parse((demo / "feeds/stories.rss.xml").read_bytes()).entries
        if e.get("enclosures")
    ]
    assert with_image
    for entry in with_image:
        enclosure = entry.enclosures[0]
        assert enclosure.href.startswith(SITE_URL) and int(enclosure.length) > 0
        assert (demo / enclosure.href.removeprefix(SITE_URL)).is_file()
    for entry in feed.entries:
        html = entry.content[0].value
        assert 'href="../' not in html and 'src="../' not in html
        assert entry.tags and entry.authors


def test_no_unpublished_item_is_in_any_feed(demo: Path) -> None:
    text = "".join(p.read_text() for p in (demo / "feeds").iterdir() if p.is_file())
    for title in ("new forklift training results", "second dock"):
        assert title not in text


def test_ids_survive_a_rename_and_a_new_title_and_builds_are_identical(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    hub.build("--now", NOW)
    before = {p.name: p.read_bytes() for p in (hub.site / "feeds").glob("*.*")}
    hub.build("--now", "2026-11-24T08:00:00+01:00")  # a later clock, same content
    again = {p.name: p.read_bytes() for p in (hub.site / "feeds").glob("*.*")}
    assert again == before
    old = feedparser.parse(before["stories.atom.xml"])
    old_ids = {e.link.rsplit("/", 2)[-2]: e.id for e in old.entries}
    assert old_ids["win-1"] == "tag:hub.testorg.com,2000:story-win-1"
    story = hub.content / "stories/win-1.md"
    story.rename(hub.content / "stories/renamed.md")
    renamed = hub.content / "stories/renamed.md"
    renamed.write_text(renamed.read_text().replace("Small win number 1", "A new title"))
    hub.build("--now", NOW)
    new = feedparser.parse((hub.site / "feeds/stories.atom.xml").read_bytes())
    entry = next(e for e in new.entries if e.title == "A new title")
    assert entry.id == old_ids["win-1"]
    assert entry.link.endswith("/stories/renamed/")


def test_an_item_without_id_gets_a_tag_uri_and_rss_guid_is_not_a_permalink(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    hub.build("--now", NOW)
    raw = (hub.site / "feeds/messages.rss.xml").read_text()
    assert '<guid isPermaLink="false">tag:hub.testorg.com,2026-01-05:message/on-time</guid>' in raw


def test_feeds_are_discoverable(demo: Path) -> None:
    home = (demo / "index.html").read_text()
    expected = (
        '<link rel="alternate feed" type="application/rss+xml" title="Alcor Logistics: '
        f'everything new (RSS)" href="{SITE_URL}feeds/all.rss.xml">'
    )
    assert expected in home
    # Material fetches a sitemap for every exact rel="alternate" link: none may be ours.
    assert 'rel="alternate" type="application/' not in home
    tag = (demo / "tags/small-wins/index.html").read_text()
    assert f'href="{SITE_URL}feeds/tag-small-wins.atom.xml"' in tag
    feeds_page = (demo / "feeds/index.html").read_text()
    assert 'href="stories.rss.xml"' in feeds_page and 'href="tag-small-wins.json"' in feeds_page
