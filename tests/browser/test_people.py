"""Who's who in a browser: a new colleague narrows the directory down to the people they need."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.browser.conftest import local_context
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PEOPLE: dict[str, dict[str, Any]] = yaml.safe_load(
    (ROOT / "content/authors.yml").read_text(encoding="utf-8")
)


def shown_names(page: Any) -> list[str]:
    names: list[str] = page.locator("[data-bh-person]:visible .bh-person__name a").all_inner_texts()
    return sorted(names)


def names_where(test: Any) -> list[str]:
    return sorted(p["name"] for p in PEOPLE.values() if test(p))


def status(page: Any) -> Any:
    return page.locator("[data-bh-people-status]")


def test_filtering_by_team_language_topic_and_ambassadors(page: Any) -> None:
    page.goto("authors/")
    everyone = names_where(lambda p: True)
    assert shown_names(page) == everyone
    assert status(page).inner_text() == f"{len(everyone)} people"

    page.get_by_label("Team").select_option(label="Monterrey Hub")
    team = names_where(lambda p: p.get("team") == "Monterrey Hub")
    assert len(team) >= 2
    status(page).get_by_text(f"{len(team)} people shown.").wait_for()
    assert shown_names(page) == team

    page.get_by_role("button", name="Show everyone").click()
    status(page).get_by_text(f"{len(everyone)} people shown.").wait_for()
    page.get_by_label("Language", exact=True).select_option(label="Dutch")
    dutch = names_where(lambda p: "nl" in p.get("languages", []))
    status(page).get_by_text(f"{len(dutch)} people shown.").wait_for()
    assert shown_names(page) == dutch and 0 < len(dutch) < len(everyone)

    page.get_by_label("Language", exact=True).select_option(label="All languages")
    page.get_by_label("Topic").select_option(label="Onboarding")
    onboarding = names_where(lambda p: "Onboarding" in p.get("topics", []))
    status(page).get_by_text(f"{len(onboarding)} people shown.").wait_for()
    assert shown_names(page) == onboarding

    page.get_by_label("Topic").select_option(label="All topics")
    page.get_by_label("Ambassadors only").check()
    ambassadors = names_where(lambda p: p.get("ambassador") is True)
    assert len(ambassadors) >= 6
    status(page).get_by_text(f"{len(ambassadors)} people shown.").wait_for()
    assert shown_names(page) == ambassadors
    # Every ambassador shown says why they share, beside the badge in words.
    cards = page.locator("[data-bh-person]:visible")
    for n in range(cards.count()):
        assert "Ambassador" in cards.nth(n).inner_text()
        assert cards.nth(n).locator(".bh-person__why").count() == 1


def test_choices_that_match_nobody_say_so(page: Any) -> None:
    page.goto("authors/")
    page.get_by_label("Team").select_option(label="Finance")
    page.get_by_label("Ambassadors only").check()
    status(page).get_by_text("0 people shown.").wait_for()
    assert page.locator("[data-bh-people-none]").is_visible()
    assert shown_names(page) == []


def test_without_javascript_everyone_is_listed_and_no_dead_controls(
    browser: Any, base_url: str
) -> None:
    context = local_context(browser, base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("authors/")
        assert shown_names(page) == names_where(lambda p: True)
        assert not page.locator("form[data-bh-people-filter]").is_visible()
    finally:
        context.close()


def test_a_team_page_links_back_to_its_people(page: Any) -> None:
    page.goto("stories/2026-11-monterrey-driver-academy/")
    page.locator("a.bh-byline__team").first.click()
    page.wait_for_url("**/teams/monterrey-hub/")
    team = names_where(lambda p: p.get("team") == "Monterrey Hub")
    names = sorted(page.locator(".bh-person__name a").all_inner_texts())
    assert names == team
    page.get_by_role("link", name="Rodrigo Garza").first.click()
    page.wait_for_url("**/authors/rodrigo-garza/")
    assert page.get_by_text("New-hire buddy").is_visible()
