"""What a new hire does first: open the hub, start the journey, find a story, on any screen."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.test_accessibility import PAGE_TYPES

pytestmark = pytest.mark.browser


def test_new_hire_starts_the_welcome_journey(page: Any) -> None:
    page.goto("./")
    page.get_by_role("link", name="Your first 30 days at Alcor").click()
    page.wait_for_url(re.compile(r"/campaigns/welcome/$"))
    assert page.get_by_role("heading", name="Your journey").is_visible()
    page.get_by_role("link", name="How we talk").click()
    page.wait_for_url(re.compile(r"/guidelines/voice-and-tone/$"))


def search(page: Any, query: str) -> None:
    """Type into Material's search as a person does, key by key."""
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(query, delay=20)


def test_search_finds_a_story_by_a_word_of_its_body(page: Any) -> None:
    page.goto("./")
    search(page, "tamales")
    result = page.locator(".md-search-result__link").filter(has_text="driver academy").first
    result.wait_for()
    result.click()
    page.wait_for_url(re.compile(r"/stories/2026-11-monterrey-driver-academy/"))
    assert "tamales" in page.content()


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
    for control in card.locator("[data-bh-variant='0'] :is(button, a.md-button)").all():
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


def test_search_without_accents_finds_accented_words(page: Any) -> None:
    for query, title in (
        ("camion", "otro lado del camión"),
        ("logistica", "la logística inversa de Zaragoza"),
    ):
        page.goto("./")
        search(page, query)
        result = page.locator(".md-search-result__item h1").filter(has_text=title).first
        result.wait_for()
