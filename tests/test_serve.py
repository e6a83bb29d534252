"""`brandhub serve` as an editor uses it: save a file, and every page that shows it is current.

The preview rebuilds only what an edit changed (hub.incremental); these tests run the real
command on a small hub and read the pages back from its server after each save.
"""

from __future__ import annotations

import gzip
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

import pytest

from tests.conftest import Hub

NOW = "2026-11-23T12:00+01:00"


class Preview:
    """A running `brandhub serve` and the lines it logs."""

    def __init__(self, hub: Hub, *args: str) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.hub = hub
        self.tmp = hub.root / "tmp"  # where the preview's folder goes (mkdtemp honours TMPDIR)
        self.tmp.mkdir()
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "hub", "serve"),
                *("-f", str(hub.root / "mkdocs.yml"), "-a", f"127.0.0.1:{self.port}"),
                *("--now", NOW),
                *args,
            ],
            cwd=hub.root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "TMPDIR": str(self.tmp)},
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for("Serving on")

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line.rstrip())

    def wait_for(self, text: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.process.poll() is None, "\n".join(self.log)
                continue
            self.log.append(line)
            assert "Traceback" not in line and "Error" not in line, "\n".join(self.log)
            if text in line:
                return
        raise AssertionError(f"no {text!r} in:\n" + "\n".join(self.log))

    def save(self, rel: str, text: str | None) -> None:
        """Save (or delete, with None) a content file, then wait for the browser's reload."""
        time.sleep(1.1)  # file times have a resolution; keep saves apart as an editor's are
        path = self.hub.content / rel
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")
        self.wait_for("Reloading browsers")

    def get(self, url: str) -> str:
        address = f"http://127.0.0.1:{self.port}/{url}"
        try:
            with urllib.request.urlopen(address, timeout=30) as response:  # loopback only
                return str(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            return f"HTTP {exc.code}"

    def listing(self, url: str) -> str:
        """Every page of a listing (the test hub shows two stories a page)."""
        pages = [self.get(url)]
        while (more := self.get(f"{url}page/{len(pages) + 1}/")) != "HTTP 404":
            pages.append(more)
        return "\n".join(pages)

    def search_titles(self) -> set[str]:
        """The titles the preview's search knows (its index is written after each rebuild)."""
        titles = set()
        for path in self.tmp.glob("mkdocs_*/pagefind/*/fragment/*.pf_fragment"):
            data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
            titles.add(json.loads(data)["meta"]["title"])
        return titles

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def preview(site: Callable[[str], Hub]) -> Iterator[Preview]:
    running = Preview(site("basic"))
    try:
        yield running
    finally:
        running.stop()


def test_a_new_title_reaches_every_page_that_shows_the_story(preview: Preview) -> None:
    story = preview.hub.content / "stories/win-2.md"
    preview.save("stories/win-2.md", story.read_text().replace("Small win number 2", "Retitled"))
    assert "Retitled" in preview.get("stories/win-2/")
    for url in ("stories/", "tags/fleet/", "tags/small-wins/", "authors/ana/"):
        page = preview.listing(url)
        assert "Retitled" in page and "Small win number 2" not in page, url
    assert "Small win number 2" not in preview.get("")
    assert "<title>Retitled</title>" in preview.get("feeds/stories.rss.xml")
    # Pages that do not show the story were not rebuilt, and are still right.
    assert "Small win number 1" in preview.get("stories/win-1/")


def test_a_body_edit_updates_the_page_and_the_feeds(preview: Preview) -> None:
    story = preview.hub.content / "stories/win-3.md"
    preview.save("stories/win-3.md", story.read_text() + "\nA sentence added in the preview.\n")
    assert "A sentence added in the preview." in preview.get("stories/win-3/")
    assert "A sentence added in the preview." in preview.get("feeds/stories.rss.xml")


def test_a_deleted_story_leaves_the_preview_and_its_search(preview: Preview) -> None:
    preview.save("stories/win-1.md", None)
    assert preview.get("stories/win-1/") == "HTTP 404"
    assert "Small win number 1" not in preview.listing("stories/")
    deadline = time.monotonic() + 60  # the search index is written just after the reload
    while "Small win number 1" in preview.search_titles() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert "Small win number 1" not in preview.search_titles()
    assert "Small win number 2" in preview.search_titles()


def test_a_new_guideline_appears_in_every_pages_navigation(preview: Preview) -> None:
    preview.save(
        "guidelines/logo.md",
        "---\ntitle: Our logo\nsummary: How to use the logo.\n---\nUse it with care.\n",
    )
    for url in ("stories/win-1/", "guidelines/voice/", ""):
        assert "Our logo" in preview.get(url), url


class _Listed(HTMLParser):
    """The text of each item of the problem page's list, as the browser shows it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[str] = []
        self._depth = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li" and ("class", "bh-problem") in attrs:
            self.items.append("")
            self._depth = 1
        elif self._depth:
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        self._depth = max(self._depth - 1, 0)

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.items[-1] += data


def test_a_bad_save_shows_its_problems_in_the_browser_until_it_is_fixed(
    preview: Preview,
) -> None:
    win2, win3 = (preview.hub.content / f"stories/win-{n}.md" for n in (2, 3))
    good2, good3 = win2.read_text(), win3.read_text()
    preview.save("stories/win-3.md", good3.replace("team: Fleet", "team: Fleet\n<b>x</b>: 1"))
    broken = good2.replace("title: Small win number 2", 'title: "Small win number 2')
    preview.save("stories/win-2.md", broken)
    # Every page of the preview shows the problems, the one the editor is on and any other.
    for url in ("stories/win-1/", "", "no/such/page/"):
        page = preview.get(url)
        assert _Listed(page).items == [
            "content/stories/win-2.md:2: a quote opened on line 2 is not closed "
            "(end the value with the quote mark it starts with, on the same line)",
            "content/stories/win-3.md:6: <b>x</b>: unknown key (known keys: authors, campaign, "
            "date, description, draft, expires, hide, icon, id, image, image_alt, lang, share, "
            "slug, source, source_id, summary, tags, team, thanks, title, updated)",
        ], url
        assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x" not in page  # text, not markup
        assert "<h1>2 problems stop the preview</h1>" in page
        assert "livereload(" in page  # MkDocs' script: the next good build reloads it
    preview.save("stories/win-2.md", good2)
    assert len(_Listed(preview.get("stories/win-1/")).items) == 1
    preview.save("stories/win-3.md", good3)
    page = preview.get("stories/win-1/")
    assert "Small win number 1" in page and _Listed(page).items == []


def test_the_problem_page_in_a_spanish_hub() -> None:
    from hub import i18n
    from hub.problempage import render
    from hub.problems import Problem
    from hub.render import Renderer

    i18n.activate(i18n.language("es"))
    try:
        page = render(
            [
                Problem("content/a.md", 2, "<i>t</i>", "no vale", "cámbialo"),
                Problem("b.md", None, None, "x"),
            ],
            renderer=Renderer(),
            site_name="Hub & Co",
        )
    finally:
        i18n.activate(i18n.language("en"))
    assert '<html lang="es">' in page
    assert "<h1>2 problemas impiden la vista previa</h1>" in page
    assert "<title>La vista previa espera una corrección · Hub &amp; Co</title>" in page
    assert _Listed(page).items == ["content/a.md:2: <i>t</i>: no vale (cámbialo)", "b.md: x"]
    assert "&lt;i&gt;t&lt;/i&gt;" in page
