"""An editor previews with `brandhub serve`: a save that breaks the hub shows its problems in
the browser, and the save that fixes them brings the page back, with no reload by hand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import local_context
from tests.conftest import Hub
from tests.test_serve import Preview

pytestmark = pytest.mark.browser

WAIT = 60_000  # ms: a rebuild on a busy machine; expect() returns as soon as the page is right


def test_a_broken_save_shows_the_problem_and_the_fix_brings_the_page_back(
    browser: Any, site: Callable[[str], Hub]
) -> None:
    preview = Preview(site("basic"))
    base = f"http://127.0.0.1:{preview.port}/"
    context = local_context(browser, base)
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(base + "stories/win-2/")
        expect(page.locator("h1")).to_have_text("Small win number 2")
        story = preview.hub.content / "stories/win-2.md"
        good = story.read_text()
        preview.save(
            "stories/win-2.md", good.replace("title: Small win number 2", 'title: "Small <b>win')
        )
        expect(page.locator(".bh-problem")).to_have_text(
            [
                "content/stories/win-2.md:2: a quote opened on line 2 is not closed "
                "(end the value with the quote mark it starts with, on the same line)"
            ],
            timeout=WAIT,
        )
        expect(page.locator("h1")).to_have_text("One problem stops the preview")
        expect(page).to_have_title("The preview is waiting for a fix · Test Hub")
        preview.save(
            "stories/win-2.md", good.replace("Small win number 2", "Small <b>win</b>, fixed")
        )
        expect(page.locator("h1")).to_have_text("Small <b>win</b>, fixed", timeout=WAIT)
        expect(page.locator(".bh-problem")).to_have_count(0)
    finally:
        context.close()
        preview.stop()
    assert errors == []
