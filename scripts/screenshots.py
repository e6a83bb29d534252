"""Regenerate the README's screenshots from the demo hub (`make screenshots`).

Builds the demo at a fixed moment, serves it on 127.0.0.1 and photographs it with Debian's
chromium through Playwright; nothing is fetched from outside.
"""

from __future__ import annotations

import os
import shutil
import sys

from demo import ROOT, served_demo
from playwright.sync_api import Page, sync_playwright

OUT = ROOT / "docs" / "screenshots"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def shoot(page: Page, base: str, path: str, name: str, *, scroll_to: str | None = None) -> None:
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    if scroll_to:
        page.locator(scroll_to).first.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -80)")
        page.wait_for_timeout(600)  # let Material's header title finish its transition
    page.screenshot(path=str(OUT / name))
    print(f"wrote docs/screenshots/{name}")


def main() -> None:
    chromium = os.environ.get("BRANDHUB_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        sys.exit("Debian's chromium is needed: apt-get install chromium")
    OUT.mkdir(parents=True, exist_ok=True)
    with served_demo() as root, sync_playwright() as playwright:
        english, spanish = root + "en/", root + "es/"
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        desktop = browser.new_page(viewport={"width": 1280, "height": 900})
        desktop.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith(root) else r.abort()
        )
        shoot(desktop, english, "", "home.png")
        shoot(desktop, spanish, "", "home-es.png")
        shoot(
            desktop,
            english,
            "stories/2026-11-monterrey-driver-academy/",
            "story-share.png",
            scroll_to=".bh-share",
        )
        shoot(desktop, spanish, "campaigns/welcome/", "welcome.png", scroll_to=".bh-journey")
        # Search typed without accents finds the Spanish stories that have them.
        desktop.goto(spanish + "stories/")
        field = desktop.get_by_role("searchbox", name="Búsqueda")
        field.click()
        field.press_sequentially("camion", delay=30)
        desktop.locator(".md-search-result__item").first.wait_for()
        desktop.wait_for_timeout(400)
        desktop.screenshot(path=str(OUT / "search.png"))
        print("wrote docs/screenshots/search.png")
        desktop.keyboard.press("Escape")
        desktop.goto(english)
        desktop.locator("label[title='Switch to dark mode']").click()
        shoot(desktop, english, "stories/", "dark.png")
        phone = browser.new_page(
            viewport={"width": 390, "height": 844},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
        )
        shoot(
            phone,
            spanish,
            "snippets/hiring-drivers-monterrey/",
            "snippet-phone.png",
            scroll_to=".bh-share",
        )
        browser.close()


if __name__ == "__main__":
    main()
