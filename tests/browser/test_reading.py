"""What a new hire does first: open the hub, start the journey, find a story, on any screen."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from hub.cli import cli
from tests.browser.conftest import serving
from tests.browser.test_accessibility import PAGE_TYPES
from tests.conftest import DEMO_NOW, demo_config, search_records

pytestmark = pytest.mark.browser


def test_new_hire_starts_the_welcome_journey(page: Any) -> None:
    page.goto("./")
    page.get_by_role("link", name="Your first 30 days at Alcor").click()
    page.wait_for_url(re.compile(r"/campaigns/welcome/$"))
    assert page.get_by_role("heading", name="Your journey").is_visible()
    page.get_by_role("link", name="How we talk").click()
    page.wait_for_url(re.compile(r"/guidelines/voice-and-tone/$"))


def search(page: Any, query: str) -> None:
    """Type into the header's search field as a person does, key by key."""
    # (named in the page's language: "Search", "Búsqueda")
    field = page.get_by_role("searchbox", name=re.compile("^(Search|Búsqueda)$"))
    field.click()
    field.press_sequentially(query, delay=20)


def result(page: Any, title: str) -> Any:
    """The search result whose title contains ``title``, once it is on screen."""
    found = page.locator(".md-search-result__item h1").filter(has_text=title).first
    found.wait_for()
    return found


def test_search_finds_a_story_by_a_word_of_its_body(page: Any) -> None:
    page.goto("./")
    search(page, "tamales")
    hit = page.locator(".md-search-result__link").filter(has_text="driver academy").first
    hit.wait_for()
    assert hit.locator("mark").first.inner_text().lower() == "tamales"
    hit.click()
    page.wait_for_url(re.compile(r"/stories/2026-11-monterrey-driver-academy/"))
    assert "tamales" in page.content()


def test_search_works_from_a_page_deep_in_the_site(page: Any) -> None:
    # The index lives at the site's root; a story page two folders down still finds it, and
    # the result links back up correctly.
    page.goto("stories/2026-11-monterrey-driver-academy/")
    search(page, "first-aiders")
    result(page, "48 new first-aiders").click()
    page.wait_for_url(re.compile(r"/stories/2026-06-first-aid-valencia/$"))


def test_search_opens_with_the_keyboard_and_enter_opens_the_first_result(page: Any) -> None:
    page.goto("guidelines/")
    page.keyboard.press("/")
    page.keyboard.type("tamales", delay=20)
    result(page, "driver academy")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/stories/2026-11-monterrey-driver-academy/"))


def test_search_says_when_nothing_matches(page: Any) -> None:
    page.goto("./")
    search(page, "zxqvbnm")
    status = page.locator("[data-bh-search-status]")
    status.filter(has_text="No matching documents").wait_for()
    assert page.locator(".md-search-result__item").count() == 0


def test_search_on_a_phone_opens_from_the_header_button(page: Any) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("./")
    # (named in the page's language: "Search", "Búsqueda")
    field = page.get_by_role("searchbox", name=re.compile("^(Search|Búsqueda)$"))
    page.get_by_role("button", name="Search").click()
    page.wait_for_function("document.activeElement.matches('[data-bh-search-query]')")
    page.keyboard.type("tamales", delay=20)
    hit = result(page, "driver academy")
    for shown in (field, hit):
        box = shown.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
    page.screenshot(path="/tmp/phone-search.png")


@pytest.mark.parametrize("path", list(PAGE_TYPES.values()))
def test_no_page_scrolls_sideways_on_a_phone(page: Any, path: str) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_share_controls_stay_usable_on_a_phone(page: Any) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("snippets/hiring-drivers-monterrey/")
    card = page.locator("[data-bh-share]").first
    for control in card.locator("[data-bh-variant='0'] :is(button, a.md-button):visible").all():
        control.scroll_into_view_if_needed()
        box = control.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
        assert box["height"] >= 24  # a finger can hit it
    card.get_by_role("button", name="Copy text").click()
    card.locator("[data-bh-status]").filter(has_text="Copied").wait_for()


def test_the_feeds_are_found_from_the_home(page: Any) -> None:
    page.goto("./")
    page.get_by_role("link", name="Follow the hub in your feed reader").click()
    page.wait_for_url(re.compile(r"/feeds/$"))
    rss = page.get_by_role("row", name=re.compile("Small wins")).get_by_role("link", name="RSS")
    assert rss.get_attribute("href") == "stories.rss.xml"
    response = page.request.get(rss.evaluate("a => a.href"))
    assert response.ok and b"<rss" in response.body()


@pytest.mark.parametrize(
    ("hub", "query", "title"),
    [
        # Spanish stories, in the Spanish hub, typed without their accents.
        ("../es/", "camion", "otro lado del camión"),
        ("../es/", "logistica", "la logística inversa de Zaragoza"),
        # And the reverse: an English story says "cafe", the reader types "café".
        ("./", "café", "48 new first-aiders"),
        # Typing without the accent finds the Spanish story that has "café" in it.
        ("../es/", "cafe", "Semana de la Seguridad"),
    ],
)
def test_search_ignores_accents_both_ways(page: Any, hub: str, query: str, title: str) -> None:
    page.goto(hub)
    search(page, query)
    result(page, title)


def test_search_waits_for_a_second_letter(page: Any) -> None:
    # One letter matches most of a large hub and costs the reader the most time of any query.
    page.goto("./")
    search(page, "t")
    status = page.locator("[data-bh-search-status]")
    page.wait_for_timeout(600)
    assert page.locator(".md-search-result__item").count() == 0
    assert status.inner_text() == "Type to start searching"
    page.get_by_role("searchbox", name="Search").press_sequentially("amales", delay=20)
    assert "driver academy" in result(page, "driver academy").inner_text().lower()


def test_search_merges_the_shards_of_a_large_hub(
    browser: Any, tmp_path: Path, demo_site: Path
) -> None:
    # The demo indexed in shards of ten pages, as a hub of thousands is in shards of 2,500.
    config = demo_config(tmp_path, "      search_shard_pages: 10\n")
    site = tmp_path / "site"
    built = CliRunner().invoke(
        cli, ["build", "-f", str(config), "-d", str(site), "--now", DEMO_NOW]
    )
    assert built.exit_code == 0, built.output
    english = site / "en"
    shards = json.loads((english / "pagefind/shards.json").read_text(encoding="utf-8"))
    assert len(shards) > 3
    # Two stories indexed in different shards are both found, as in the unsharded demo.
    records = {shard: search_records(english, shard) for shard in shards}
    first = next(s for s in shards if "/stories/2026-11-monterrey-driver-academy/" in records[s])
    second = next(s for s in shards if "/stories/2026-06-first-aid-valencia/" in records[s])
    assert first != second
    with serving(site) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto("en/guidelines/")
        search(page, "tamales")
        result(page, "driver academy").click()
        page.wait_for_url(re.compile(r"/stories/2026-11-monterrey-driver-academy/$"))
        search(page, "first-aiders")
        assert "first-aiders" in result(page, "first-aiders").inner_text()
        context.close()
    assert errors == []
