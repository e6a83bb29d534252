"""What a new hire does first: open the hub, start the journey, find a story, on any screen."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_new_hire_starts_the_welcome_journey(page: Any) -> None:
    page.goto("./")
    page.get_by_role("link", name="Your first 30 days at Alcor").click()
    page.wait_for_url(re.compile(r"/campaigns/welcome/$"))
    assert page.get_by_role("heading", name="Your journey").is_visible()
    page.get_by_role("link", name="How we talk").click()
    page.wait_for_url(re.compile(r"/guidelines/voice-and-tone/$"))


def test_search_finds_a_story_by_a_word_of_its_body(page: Any) -> None:
    page.goto("./")
    page.get_by_role("search").or_(page.locator("label.md-search__icon")).first.click()
    page.locator("input.md-search__input").fill("tamales")
    result = page.locator(".md-search-result__link").first
    result.wait_for()
    result.click()
    page.wait_for_url(re.compile(r"/stories/2026-11-monterrey-driver-academy/"))
    assert "tamales" in page.content()


@pytest.mark.parametrize(
    "path", ["./", "stories/", "campaigns/welcome/", "stories/2026-11-monterrey-driver-academy/"]
)
def test_no_page_scrolls_sideways_on_a_phone(page: Any, path: str) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
