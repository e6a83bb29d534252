"""What an employee does with a share card: copy, pick a version, edit, send to a network."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

SNIPPET = "snippets/hiring-drivers-monterrey/"
SHARE_HOSTS = re.compile(r"^https://(x\.com|bsky\.app|www\.linkedin\.com|mastodon\.social|wa\.me)/")


@pytest.fixture
def opened(page: Any) -> list[str]:
    """Share addresses the page opens; answered locally, never sent to the network."""
    urls: list[str] = []

    def answer(route: Any) -> None:
        urls.append(route.request.url)
        route.fulfill(status=200, content_type="text/plain", body="intercepted")

    page.context.route(SHARE_HOSTS, answer)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    return urls


def api_post(demo_site: Path, key: str) -> dict[str, Any]:
    document = json.loads((demo_site / "api/snippets.json").read_text())
    return next(s for s in document["snippets"] if s["id"] == key)


def card(page: Any) -> Any:
    return page.locator("[data-bh-share]").first


def wait_for(urls: list[str], page: Any) -> str:
    for _ in range(50):
        if urls:
            return urls[-1]
        page.wait_for_timeout(100)
    raise AssertionError("no share address was opened")


def test_copy_puts_the_exact_post_on_the_clipboard(
    page: Any, opened: list[str], demo_site: Path
) -> None:
    page.goto(SNIPPET)
    share = card(page)
    share.get_by_role("button", name="Copy text").click()
    status = share.locator("[data-bh-status]")
    status.filter(has_text="Copied!").wait_for()
    clipboard = page.evaluate("navigator.clipboard.readText()")
    key = share.get_attribute("data-bh-share")
    variant = api_post(demo_site, key)["variants"][0]
    assert clipboard == f"{variant['text']} {variant['url']}"


def test_x_button_opens_the_post_and_tagged_link(
    page: Any, opened: list[str], demo_site: Path
) -> None:
    page.goto(SNIPPET)
    share = card(page)
    key = share.get_attribute("data-bh-share")
    share.get_by_role("link", name="Share on X").click()
    url = urlsplit(wait_for(opened, page))
    query = parse_qs(url.query)
    expected = api_post(demo_site, key)["variants"][0]["channels"]["x"]
    assert url.netloc == "x.com" and url.path == "/intent/post"
    assert query["text"] == [expected["text"]] and query["url"] == [expected["url"]]


def test_an_edited_post_is_what_gets_shared(page: Any, opened: list[str]) -> None:
    page.goto(SNIPPET)
    share = card(page)
    box = share.locator("textarea:visible")
    box.fill("My own words & 100% true 🚚 #AlcorTeam")
    left = share.locator("[data-bh-count='bluesky'] [data-bh-left]:visible")
    assert left.inner_text() != ""
    share.get_by_role("link", name="Share on Bluesky").click()
    text = parse_qs(urlsplit(wait_for(opened, page)).query)["text"][0]
    assert text.startswith("My own words & 100% true 🚚 #AlcorTeam https://")
    assert "utm_source=bluesky" in text


def test_linkedin_copies_first_and_says_so(page: Any, opened: list[str]) -> None:
    page.goto(SNIPPET)
    share = card(page)
    share.get_by_role("link", name="Copy text and open LinkedIn").click()
    share.locator("[data-bh-status]").filter(has_text="paste it into LinkedIn").wait_for()
    url = urlsplit(wait_for(opened, page))
    assert url.path == "/sharing/share-offsite/"
    link = parse_qs(url.query)["url"][0]
    assert "utm_source=linkedin" in link
    assert page.evaluate("navigator.clipboard.readText()").endswith(link)


def test_versions_can_be_picked(page: Any, opened: list[str]) -> None:
    page.goto(SNIPPET)
    share = card(page)
    first = share.locator("textarea:visible").input_value()
    share.get_by_role("button", name="Version 2").click()
    assert share.get_by_role("button", name="Version 2").get_attribute("aria-pressed") == "true"
    assert share.locator("textarea:visible").input_value() != first


def test_mastodon_asks_for_the_server_once(page: Any, opened: list[str]) -> None:
    page.goto(SNIPPET)
    share = card(page)
    share.get_by_role("button", name="Share on Mastodon").click()
    share.get_by_label("Your Mastodon server").fill("https://mastodon.social/@someone")
    share.get_by_role("button", name="Share", exact=True).click()
    url = urlsplit(wait_for(opened, page))
    assert url.netloc == "mastodon.social" and url.path == "/share"
    text = parse_qs(url.query)["text"][0]
    assert "#AlcorTeam https://alcor-logistics.github.io/hub/en/snippets/" in text
    assert "utm_source=mastodon" in text
    opened.clear()
    page.reload()
    card(page).get_by_role("button", name="Share on Mastodon").click()
    assert urlsplit(wait_for(opened, page)).netloc == "mastodon.social"


def test_share_opens_the_devices_share_sheet_with_the_post_and_its_link(
    page: Any, demo_site: Path
) -> None:
    # A phone's share sheet, stood in for: it records what the page hands it.
    page.add_init_script(
        "window.__shared = []; navigator.share = d => { window.__shared.push(d); "
        "return Promise.resolve(); };"
    )
    page.goto(SNIPPET)
    share = card(page)
    area = share.locator("[data-bh-variant]:visible [data-bh-text]")
    area.fill("My own words about the academy")
    share.get_by_role("button", name="Share…").click()
    page.wait_for_function("window.__shared.length === 1")
    shared = page.evaluate("window.__shared[0]")
    variant = api_post(demo_site, share.get_attribute("data-bh-share"))["variants"][0]
    assert shared == {"text": "My own words about the academy", "url": variant["url"]}
    assert parse_qs(urlsplit(shared["url"]).query)["utm_source"] == ["copy"]


def test_without_a_share_sheet_there_is_no_share_button(page: Any) -> None:
    page.goto(SNIPPET)
    page.wait_for_function("document.querySelector('[data-bh-share][data-bh-ready]')")
    assert page.evaluate("typeof navigator.share") == "undefined"  # headless desktop chromium
    native = card(page).locator("[data-bh-native]").first
    assert native.count() == 1 and not native.is_visible()
    assert card(page).get_by_role("button", name="Share…").count() == 0
