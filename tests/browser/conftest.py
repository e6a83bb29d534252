"""A real browser on the built demo hub: Debian's chromium driven by Playwright, no network.

The demo is built once per session at a fixed moment, served from 127.0.0.1, and every page a
test opens may load only from that server. Where chromium is missing the tests are skipped on
a developer's machine, and fail under CI=true.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

DEMO_SITE_URL = "https://alcor-logistics.github.io/hub/"  # the demo's site_url
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("BRANDHUB_CHROMIUM") or shutil.which("chromium")
    if path:
        return path
    message = "Debian's chromium is not installed (make test installs it: apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """A static server for ``folder`` on a free loopback port."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def demo_root_url(demo_build: Path) -> Iterator[str]:
    """The whole demo site served: ``en/`` and ``es/`` below this address."""
    with serving(demo_build) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(demo_root_url: str) -> str:
    """The demo's English hub."""
    return demo_root_url + "en/"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def local_context(browser: Any, base_url: str, **options: Any) -> Any:
    """A new browser context at ``base_url`` from which nothing leaves the machine: any
    request that is not to our server is refused."""
    context = browser.new_context(base_url=base_url, **options)
    ours = _origin(base_url)
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(ours) else route.abort(),
    )
    return context


@pytest.fixture
def page(browser: object, base_url: str) -> Iterator[object]:
    context = local_context(browser, base_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # Any request that leaves our server is a bug (privacy, and a dead request in production),
    # but one: Material's script asks each page's language versions, which the page names by
    # their public address (hreflang wants it whole), for a sitemap.xml beside them. On the
    # hub's own host that is its own server; here it is refused, and not counted.
    page.on(
        "requestfailed",
        lambda request: (
            errors.append(f"request to {request.url}")
            if not request.url.startswith(_origin(base_url))
            and not (request.url.startswith(DEMO_SITE_URL) and request.url.endswith("/sitemap.xml"))
            else None
        ),
    )
    yield page
    context.close()
    assert errors == [], f"errors on the page: {errors}"
