"""A glossary term shows its meaning where it is used; a campaign's share kit downloads whole."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_a_glossary_term_shows_its_meaning_on_hover_and_focus(page: Any) -> None:
    page.goto("messages/on-time-delivery/")
    term = page.locator("article abbr", has_text="OTIF").first
    term.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text="On time, in full")
    tooltip.first.wait_for(state="visible")
    # The meaning is the element's own, for readers whose tools do not show tooltips too.
    assert "On time, in full" in (term.get_attribute("title") or tooltip.first.inner_text())


def test_a_campaign_s_share_kit_downloads_with_its_posts(page: Any, tmp_path: Path) -> None:
    page.goto("campaigns/greener-freight-2026/")
    link = page.locator("a[href$='share-kit.zip']").first
    with page.expect_download() as download:
        link.click()
    saved = tmp_path / "kit.zip"
    download.value.save_as(saved)
    assert download.value.suggested_filename.endswith(".zip")
    with zipfile.ZipFile(saved) as kit:
        names = kit.namelist()
        assert any(name.lower().startswith("readme") for name in names), names
        posts = [name for name in names if name.endswith(".txt") and "readme" not in name.lower()]
        assert posts, names
        assert all(kit.read(name).strip() for name in posts)
