"""Search: a Pagefind index of the built site, behind a search field that looks like Material's.

Material's own search plugin puts the text of every page into one JSON file that each reader
downloads before the first result (tens of megabytes for a hub of some thousands of stories).
Pagefind splits its index into small chunks fetched on demand, and matches words with or
without their accents. The field itself is Material's markup, so Material's styles place it in
the header on wide screens and behind a button on phones; ``brandhub.js`` runs the queries.

What is indexed: the article of each page (``data-pagefind-body``), without the parts that are
not content: the controls of share cards, and the lists of listing, tag and people pages (those
pages are found by their titles; the stories they list are found on their own pages).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import pagefind_bin  # type: ignore[import-untyped]

FOLDER = "pagefind"  # where the index and pagefind.js go in the site
ARTICLE = '<article class="md-content__inner md-typeset">'
# Not content: bylines and tag lists (people and tags have their own pages), preview banners
# and the pilcrows of heading links; they would crowd the excerpts under each result.
EXCLUDE = ".bh-byline, .bh-tags, .bh-preview-banner, a.headerlink"
TIMEOUT = 600  # seconds; a hub of 10,000 stories is indexed in well under a minute
# Pagefind also writes its own ready-made interfaces; the hub uses Material's look instead.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


log = logging.getLogger("mkdocs.plugins.brandhub")


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def mark_searchable(html: str) -> str:
    """Let Pagefind index this page's article (and nothing around it: header, nav, footer)."""
    return html.replace(ARTICLE, f"{ARTICLE[:-1]} data-pagefind-body>", 1)


def add_to_header(html: str, field: str) -> str:
    """Put the search ``field`` in Material's header, where Material puts its own: before the
    repository link, or at the end of the header's bar."""
    start = html.find('<header class="md-header')
    if start < 0:
        return html
    end = html.find("</header>", start)
    source = html.find('<div class="md-header__source">', start, end)
    at = source if source >= 0 else html.find("</nav>", start, end)
    if at < 0:
        return html
    return f"{html[:at]}{field}{html[at:]}"


def index_site(site_dir: Path) -> None:
    """Write ``site_dir/pagefind/`` from the built pages (Pagefind's own program, quietly)."""
    try:
        executable = str(pagefind_bin.get_executable())
    except FileNotFoundError as exc:  # pragma: no cover - the wheel ships the program
        raise SearchIndexError(
            f"Pagefind's program is missing ({exc}); reinstall with `pip install 'pagefind[bin]'`"
        ) from None
    # Written beside the index in use, then swapped in: a reader of a preview searches the old
    # index until the new one is complete, and no file of an old index is left behind.
    staging = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir))
    try:
        result = subprocess.run(
            [
                executable,
                "--site",
                str(site_dir),
                "--output-path",
                str(staging),
                "--exclude-selectors",
                EXCLUDE,
                "--silent",
            ],
            cwd=site_dir,  # a pagefind.yml elsewhere must not change the index
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        if result.returncode != 0:
            said = (result.stderr or result.stdout).strip().splitlines()[-5:]
            raise SearchIndexError("Pagefind failed to index the site: " + " / ".join(said))
        for name in UNUSED:
            (staging / name).unlink(missing_ok=True)
        staging.chmod(0o755)  # mkdtemp makes it private; a site is served to everyone
        _swap(staging, site_dir / FOLDER)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"Pagefind could not run: {exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, target: Path) -> None:
    if target.exists():
        old = target.with_name(f"{new.name}-old")
        target.rename(old)
        new.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(target)


class BackgroundIndexer:
    """For a preview: index after each rebuild without holding up the browser's reload.

    One run at a time; edits saved while it runs lead to one more run, not one each."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wanted: Path | None = None
        self._thread: threading.Thread | None = None

    def submit(self, site_dir: Path) -> None:
        with self._lock:
            self._wanted = site_dir
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="brandhub-search")
                self._thread.daemon = True
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                site_dir, self._wanted = self._wanted, None
                if site_dir is None:
                    self._thread = None
                    return
            try:
                index_site(site_dir)
            except SearchIndexError as exc:
                log.error("The preview's search is not up to date: %s", exc)

    def stop(self, timeout: float = 30) -> None:
        """Wait for a run in progress (the preview's folder is about to be removed)."""
        with self._lock:
            self._wanted = None
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
