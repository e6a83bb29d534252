"""The first search result, as a reader on this machine gets it: headless chromium (Debian's)
opens a story page of a built site, types a word into the header's search field (a key every
100 ms), and waits for the first result on screen.

Reported: milliseconds from the last keystroke (and from the first) to the first result on
screen, and the bytes the browser downloaded for search (counted from the page's load, since
Material's search fetches its whole index as the page opens; Pagefind fetches chunks as the
reader types). The site is served compressed, as GitHub Pages serves it (``scripts/demo.py``),
so the bytes are those that travel.

    .venv/bin/python bench/firstresult.py SITE_DIR [--query WORD]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import sys
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.demo import PagesLike

QUERY = "spreadsheet"
# A quick typist's pace. Typed faster than anyone types, every search UI looks slower than it
# is; typed slower, a search of a prefix may run (and be shown) before the last key.
KEY_DELAY_MS = float(os.environ.get("BENCH_KEY_DELAY_MS", "100"))
SEARCH_FILES = ("/search/", "/pagefind/", "/workers/search", "/lunr/")


def first_result(site: Path, query: str = QUERY) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("BRANDHUB_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        return {"error": "Debian's chromium is not installed"}
    story = next((site / "stories").glob("*/index.html"), None)
    if story is None:
        return {"error": "no story page in the site"}
    page_url = story.parent.relative_to(site).as_posix() + "/"
    handler = functools.partial(PagesLike, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    fetched: list[tuple[str, int]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})

            def done(request: Any) -> None:
                if any(part in request.url for part in SEARCH_FILES):
                    sizes = request.sizes()
                    fetched.append(
                        (request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"])
                    )

            page.on("requestfinished", done)
            page.goto(base + page_url, wait_until="load")
            field = page.locator("input.md-search__input")
            field.click()
            started = time.perf_counter()
            field.press_sequentially(query, delay=KEY_DELAY_MS)
            typed = time.perf_counter()
            page.locator(".md-search-result__item").first.wait_for(timeout=120_000)
            shown = time.perf_counter()
            page.wait_for_timeout(200)  # let the requests of the shown results finish
            browser.close()
    finally:
        server.shutdown()
    return {
        "query": query,
        "page": page_url,
        "first_result_ms": round((shown - typed) * 1000),  # after the last keystroke
        "from_first_key_ms": round((shown - started) * 1000),
        "bytes": sum(size for _, size in fetched),
        "requests": len(fetched),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", default=QUERY)
    args = parser.parse_args()
    print(json.dumps(first_result(args.site, args.query), indent=2))


if __name__ == "__main__":
    main()
