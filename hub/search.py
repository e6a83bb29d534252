"""Search: a Pagefind index of the built site, behind a search field that looks like Material's.

Material's own search plugin puts the text of every page into one JSON file that each reader
downloads before the first result (tens of megabytes for a hub of some thousands of stories).
Pagefind splits its index into small chunks fetched on demand, and matches words with or
without their accents. The field itself is Material's markup, so Material's styles place it in
the header on wide screens and behind a button on phones; ``brandhub.js`` runs the queries.

What is indexed: the article of each page (``data-pagefind-body``), without the parts that are
not content: the controls of share cards, and the lists of listing, tag and people pages (those
pages are found by their titles; the stories they list are found on their own pages). Only the
first page of a paged listing is indexed: the others have the same title.

Shards: Pagefind holds about 150 KB per story page while it builds an index (1.6 GB at 10,000
stories), so a full build indexes the pages in shards of at most ``search_shard_pages``, one
Pagefind run each, in the background while MkDocs writes the next pages (Pagefind gets the
second core). A shard past some eighth of the hub's pages (``shard_least``: about 200 pages
at 1,000 stories, 2,000 at 10,000) ends after certain pages (``_ends_shard``), the same in
every build, so that a page added or removed changes its own shard, seldom the next, and not
every later one, and an edited page costs the run of a small shard that mostly ends while
pages are still written. The first shard of each process is a quarter of that size: it holds
the newest stories (hub.plugin has them written first), those a pull request adds or fixes.
Each shard is a bundle of its own (``pagefind/0/``, ``pagefind/1/``, …) listed in
``pagefind/shards.json``; the browser merges them (Pagefind's ``mergeIndex``), which costs a
reader a few kilobytes of metadata per shard. A shard's Pagefind run reads an excerpt of each
page, not the page: its ``<html>`` tag (the language), its title and its searchable article,
which is all Pagefind indexes of it and a third of its bytes (the rest is Material's header,
navigation and footer), without the parts marked ``not_indexed`` (the lists of listing, tag
and people pages, which change with every new story); the index is the same, made with half
the work. A shard's bundle is kept in the cache folder under the digest of its excerpts
(``ShardCache``): the next build reuses the bundles of unchanged shards instead of running
Pagefind on them. A preview's quick rebuild indexes the whole site as one shard, after the
pages are written.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import zlib
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

import pagefind_bin  # type: ignore[import-untyped]

from hub.i18n import _
from hub.sealed import SUFFIX, intact, seal

FOLDER = "pagefind"  # where the index and pagefind.js go in the site
ARTICLE = '<article class="md-content__inner md-typeset">'
SEARCHABLE = f"{ARTICLE[:-1]} data-pagefind-body>"
# Not content: bylines and tag lists (people and tags have their own pages), preview banners
# and the pilcrows of heading links; they would crowd the excerpts under each result.
EXCLUDE = ".bh-byline, .bh-tags, .bh-preview-banner, a.headerlink"
NOT_INDEXED = "<!-- bh:not-indexed -->"  # around parts Pagefind ignores (``not_indexed``)
NOT_INDEXED_END = "<!-- /bh:not-indexed -->"
SMALLEST_SHARD = 128  # pages: below this, a Pagefind run's start is much of its cost
TIMEOUT = 600  # seconds for one Pagefind run; a shard of 2,500 pages takes about 5 s
SHARDS = "shards.json"  # in FOLDER: the bundles the browser merges, primary first
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


RM = shutil.which("rm")
CP = shutil.which("cp")
CACHE_VERSION = 1  # bump when a shard's bundle changes for the same excerpts and Pagefind
SHARED_MEMORY = "/dev/shm"  # Linux: a RAM-backed folder of the system
MEMORY_ROOM = 1 << 30  # free bytes needed there: a shard of excerpts is about 30 MB, and a
# container's /dev/shm is often 64 MB in all

log = logging.getLogger("mkdocs.plugins.brandhub")


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def not_indexed(html: str) -> str:
    """``html`` that Pagefind leaves out, marked so that excerpts leave it out too: the list
    of a listing changes with every new story, and its page's shard need not be indexed
    again for it."""
    return f"{NOT_INDEXED}<div data-pagefind-ignore='all'>{html}</div>{NOT_INDEXED_END}"


def mark_searchable(html: str) -> str:
    """Let Pagefind index this page's article (and nothing around it: header, nav, footer)."""
    return html.replace(ARTICLE, SEARCHABLE, 1)


def excerpt(html: str) -> str:
    """What Pagefind reads of a page marked searchable: its ``<html>`` tag, its title and the
    article; the whole page where there is no marked article to cut out."""
    start = html.find(SEARCHABLE)
    end = html.rfind("</article>")  # the article's own end: the cards inside it are articles
    opening = html.find("<html")
    if start < 0 or end < start or opening < 0:
        return html
    title_start = html.find("<title>", 0, start)
    title_end = html.find("</title>", title_start, start)
    title = html[title_start : title_end + 8] if 0 <= title_start < title_end else ""
    return (
        f"<!doctype html>{html[opening : html.find('>', opening) + 1]}"
        f'<head><meta charset="utf-8">{title}</head>'
        f"<body>{_indexed(html[start : end + 10])}</body></html>"
    )


def _indexed(article: str) -> str:
    """The article without its parts marked by ``not_indexed``."""
    parts = []
    at = 0
    while (start := article.find(NOT_INDEXED, at)) >= 0:
        end = article.find(NOT_INDEXED_END, start)
        if end < 0:
            break
        parts.append(article[at:start])
        at = end + len(NOT_INDEXED_END)
    parts.append(article[at:])
    return "".join(parts)


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


def _executable() -> str:
    try:
        return str(pagefind_bin.get_executable())
    except FileNotFoundError as exc:  # pragma: no cover - the wheel ships the program
        raise SearchIndexError(
            _(
                "Pagefind's program is missing (%(problem)s); "
                "reinstall with `pip install 'pagefind[bin]'`",
                problem=exc,
            )
        ) from None


def _pagefind(executable: str, site: Path, output: Path) -> None:
    """One Pagefind run: index the pages under ``site`` into the bundle ``output``."""
    try:
        result = subprocess.run(
            [
                executable,
                "--site",
                str(site),
                "--output-path",
                str(output),
                "--exclude-selectors",
                EXCLUDE,
                "--silent",
            ],
            cwd=site,  # a pagefind.yml elsewhere must not change the index
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(_("Pagefind could not run: %(problem)s", problem=exc)) from None
    if result.returncode != 0:
        said = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SearchIndexError(
            _("Pagefind failed to index the site: %(said)s", said=" / ".join(said))
        )
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)


def _finish(staging: Path, bundles: Sequence[str], site_dir: Path) -> None:
    """Name the bundles for the browser, then put the new index in place of the old one."""
    (staging / SHARDS).write_text(json.dumps([f"{name}/" for name in bundles]), encoding="utf-8")
    staging.chmod(0o755)  # mkdtemp makes it private; a site is served to everyone
    _swap(staging, site_dir / FOLDER)


def index_site(site_dir: Path) -> None:
    """Write ``site_dir/pagefind/`` from the built pages, as one shard (a preview's rebuild)."""
    executable = _executable()
    # Written beside the index in use, then swapped in: a reader of a preview searches the old
    # index until the new one is complete, and no file of an old index is left behind.
    staging = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir))
    try:
        _pagefind(executable, site_dir, staging / "0")
        _finish(staging, ["0"], site_dir)
    except OSError as exc:
        raise SearchIndexError(_("Pagefind could not run: %(problem)s", problem=exc)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def pages_folder() -> Path:
    """A new folder for the excerpts that shards are made of (outside the site): in memory
    where the system has room there (``/dev/shm`` on Linux), because each excerpt is written
    once and read once, and creating 10,000 files on a disk costs seconds (7 s of CPU on the
    benchmark's machine, 0.3 s in memory)."""
    memory = Path(SHARED_MEMORY)
    try:
        roomy = memory.is_dir() and shutil.disk_usage(memory).free >= MEMORY_ROOM
    except OSError:
        roomy = False
    return Path(tempfile.mkdtemp(prefix="brandhub-search-", dir=memory if roomy else None))


class Excerpts:
    """One process's searchable pages, as excerpts in shard folders of ``shard_pages`` pages
    under ``root``. ``ready`` gets each folder once it is full, and the last one on ``close()``,
    with the digest of what the folder holds (its pages' paths and excerpts, in order).

    Each process cuts and writes its own pages' excerpts as it renders them, on its own core:
    a thread of the build that did it for the other process's pages would wait for the
    interpreter's lock between files while the build renders pages (seconds per shard)."""

    def __init__(
        self,
        root: Path,
        name: str,
        shard_pages: int,
        ready: Callable[[Path, str], None],
        least: int,
    ) -> None:
        self.root = root
        self.name = name
        self.shard_pages = shard_pages
        self.least = least  # past it a shard may end (shard_least)
        # The first is smaller: it holds the newest stories (hub.plugin writes them first), the
        # ones a pull request adds or fixes, and its Pagefind run is then all that edit costs.
        self.first = min(least, max(least // 4, SMALLEST_SHARD))
        self.ready = ready
        self.number = 0
        self.count = 0  # pages in the current folder
        self.digest = hashlib.sha256()

    def written(self, page: str, html: str) -> None:
        """Add the page at site-relative ``page`` with this ``html``."""
        target = self._folder() / page
        target.parent.mkdir(parents=True, exist_ok=True)
        data = excerpt(html).encode("utf-8")
        target.write_bytes(data)
        self.digest.update(f"{page}\0{len(data)}\0".encode())
        self.digest.update(data)
        self.count += 1
        least = self.least if self.number else self.first
        if self.count >= self.shard_pages or (self.count >= least and _ends_shard(page, least)):
            self.close()

    def close(self) -> None:
        if self.count:
            folder = self._folder()
            digest = self.digest.hexdigest()
            self.number += 1
            self.count = 0
            self.digest = hashlib.sha256()
            self.ready(folder, digest)

    def _folder(self) -> Path:
        return self.root / f"{self.name}-{self.number}"


def shard_least(pages: int, shard_pages: int) -> int:
    """The size past which a shard of a hub of ``pages`` pages may end: an eighth of them,
    rounded down to a power of two, at least SMALLEST_SHARD and at most half of
    ``shard_pages``. So a hub has some four to eight shards (about 200 pages each at 1,000
    stories, 2,000 at 10,000; the first of each process smaller, ``Excerpts``): an edited
    page costs the run of a small part of the index, which ends while the build still writes
    pages, and a reader's first search fetches only a few shards. Rounding keeps the size, and
    so the shards, the same while the hub grows."""
    share = max(pages // 8, 1)
    power = 1 << (share.bit_length() - 1)
    return min(max(power, SMALLEST_SHARD), max(shard_pages // 2, 1))


def _ends_shard(page: str, least: int) -> bool:
    """Whether a shard past ``least`` pages ends after ``page``: one page in ``least``,
    chosen by a checksum of its path. Shards end after the same pages from build to build, so
    a page added or removed changes its own shard, not every later one: the next shard starts
    at the same page again (unless the change filled a shard to its largest size before that
    page)."""
    return zlib.crc32(page.encode("utf-8")) % least == 0


def _copy_tree(source: Path, target: Path) -> bool:
    """Make ``target`` a copy of the folder ``source``: hard links where the file system
    allows them, else copies. One ``cp`` process: a thread that linked thousands of files
    itself would wait for the interpreter's lock after each while the build renders pages."""
    if CP is None:
        return False
    for flags in ("-al", "-R"):  # -l: links (GNU cp); -R: copies (any cp)
        done = subprocess.run(
            [CP, flags, "--", str(source), str(target)],
            capture_output=True,
            check=False,
        )
        if done.returncode == 0:
            return True
        shutil.rmtree(target, ignore_errors=True)
    return False


class ShardCache:
    """Shards indexed by earlier builds, in ``folder``, one bundle each, named after what its
    Pagefind run read (the digest of its excerpts) and the Pagefind that read it.

    A build of unchanged pages takes every shard from here instead of running Pagefind again
    (a fifth of a 10,000-story build's CPU); an edited page costs the run of its shard only.
    Bundles are linked into the site, never changed in place; a successful build removes the
    bundles it did not use, so the cache holds one index."""

    def __init__(self, folder: Path, executable: str) -> None:
        self.folder = folder
        try:
            version = metadata.version("pagefind_bin")
        except metadata.PackageNotFoundError:  # pragma: no cover - installed with the hub
            version = "?"
        size = os.stat(executable).st_size
        self.identity = f"{CACHE_VERSION}|{version}|{size}|{EXCLUDE}|{','.join(UNUSED)}"
        self.used: set[str] = set()

    def name(self, digest: str) -> str:
        return hashlib.sha256(f"{self.identity}|{digest}".encode()).hexdigest()[:32]

    def fetch(self, name: str, bundle: Path) -> bool:
        """Copy the cached bundle ``name`` to ``bundle``; False if there is none."""
        cached = self.folder / name
        # A bundle goes into the site: one changed since it was kept (a file cut short, one
        # added by hand) is indexed again.
        if not cached.is_dir() or not intact(cached) or not _copy_tree(cached, bundle):
            return False
        self.used.update((name, name + SUFFIX))
        return True

    def store(self, name: str, bundle: Path) -> None:
        """Keep a copy of the new ``bundle`` as ``name``; a cache that cannot take it (a
        read-only folder, a full disk) only costs the next build this shard's run."""
        partial = self.folder / f".{name}.{os.getpid()}.part"  # no half-copied bundle is used
        shutil.rmtree(partial, ignore_errors=True)  # left by a stopped build: cp would nest
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if _copy_tree(bundle, partial):
                partial.rename(self.folder / name)
                if seal(self.folder / name):
                    self.used.update((name, name + SUFFIX))
        except OSError as exc:  # another build stored it first, or no room
            log.debug("Search: shard %s not cached (%s)", name, exc)
        finally:
            shutil.rmtree(partial, ignore_errors=True)

    def unused(self) -> list[Path]:
        """The cached bundles this build did not use, and copies left by stopped builds."""
        try:
            return [entry for entry in self.folder.iterdir() if entry.name not in self.used]
        except OSError:  # no cache yet
            return []


class ShardedIndex:
    """A full build's search index, made while the build goes on (see the module's text).

    Call ``written(path, html)`` for each searchable page in on_post_page, and
    ``shard(folder, digest)`` for each shard folder hub.parallel's worker has filled (from
    another thread; its ``Excerpts`` share this index's ``pages``); then ``finish()`` after the
    last page, or ``abandon()`` when the build fails. With a ``cache`` folder, shards indexed
    by an earlier build are reused (``ShardCache``)."""

    def __init__(
        self,
        site_dir: Path,
        shard_pages: int,
        least: int,
        pages: Path | None = None,
        cache: Path | None = None,
    ) -> None:
        self.site = site_dir
        self.executable = _executable()
        self.cache = None if cache is None else ShardCache(cache, self.executable)
        self.pages = pages or pages_folder()
        self.own = Excerpts(self.pages, "main", shard_pages, self.shard, least)
        self.staging = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir))
        self.lock = threading.Lock()
        self.bundles: list[str] = []
        self.jobs: queue.SimpleQueue[tuple[str, Path, str] | None] = queue.SimpleQueue()
        self.error: SearchIndexError | None = None
        self.removals: list[subprocess.Popen[bytes]] = []  # of indexed shards' excerpts
        self.thread = threading.Thread(target=self._work, name="brandhub-search", daemon=True)
        self.thread.start()

    def written(self, page: str, html: str) -> None:
        self.own.written(page, html)

    def shard(self, folder: Path | str, digest: str) -> None:
        """Index the pages in ``folder``, whose excerpts have this ``digest``, as a bundle.

        The two processes hand their shards over in an order that depends on which gets there
        first; bundles are numbered when the index is finished, from the shards' own names
        (``Excerpts``: the process, then its shard's number), so every build numbers them
        alike."""
        name = Path(folder).name
        with self.lock:
            self.bundles.append(name)
            self.jobs.put((name, Path(folder), digest))

    def finish(self) -> None:
        """Index the last pages, wait for every shard, and put the index in the site."""
        try:
            self.own.close()
            if not self.bundles:  # no searchable page: an empty index, which finds nothing
                empty = self.pages / "none"
                empty.mkdir()
                self.shard(empty, "none")
            self.jobs.put(None)
            self.thread.join()
            if self.error is not None:
                raise self.error
            _finish(self.staging, _numbered(self.staging, self.bundles), self.site)
            if self.cache is not None and RM is not None:
                self.removals.extend(
                    subprocess.Popen([RM, "-rf", "--", str(old)]) for old in self.cache.unused()
                )
        except OSError as exc:
            raise SearchIndexError(_("Pagefind could not run: %(problem)s", problem=exc)) from None
        finally:
            self._clean()

    def abandon(self) -> None:
        self.jobs.put(None)
        self.thread.join()
        self._clean()

    def _clean(self) -> None:
        for removal in self.removals:
            removal.wait()
        shutil.rmtree(self.staging, ignore_errors=True)
        shutil.rmtree(self.pages, ignore_errors=True)

    def _work(self) -> None:
        while (job := self.jobs.get()) is not None:
            if self.error is not None:
                continue  # one failure fails the build; the rest is not worth indexing
            name, folder, digest = job
            bundle = self.staging / name
            try:
                if self.cache is None:
                    _pagefind(self.executable, folder, bundle)
                else:
                    cached = self.cache.name(digest)
                    if not self.cache.fetch(cached, bundle):
                        _pagefind(self.executable, folder, bundle)
                        self.cache.store(cached, bundle)
            except SearchIndexError as exc:
                self.error = exc
            except OSError as exc:
                self.error = SearchIndexError(_("Pagefind could not run: %(problem)s", problem=exc))
            # A shard's excerpts are removed as soon as it is indexed, by `rm` where there is
            # one: this thread, removing thousands of files while the build renders pages,
            # would wait for the interpreter's lock after each (and leave it all for the end).
            if RM is not None:
                with contextlib.suppress(OSError):
                    self.removals.append(subprocess.Popen([RM, "-rf", "--", str(folder)]))


def _numbered(staging: Path, bundles: Sequence[str]) -> list[str]:
    """Rename the bundles in ``staging`` ``0``, ``1``, … in an order of their names alone: this
    process's shards first (the newest stories), in the order it filled them, then the
    worker's."""

    def order(name: str) -> tuple[bool, str, int]:
        process, _, number = name.rpartition("-")
        return (process != "main", process, int(number) if number.isdigit() else 0)

    numbered = []
    for number, name in enumerate(sorted(bundles, key=order)):
        (staging / name).rename(staging / f".{number}")
        numbered.append(str(number))
    for name in numbered:  # two steps: a shard's new name may be another's old one
        (staging / f".{name}").rename(staging / name)
    return numbered


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
                log.error(_("The preview's search is not up to date: %(problem)s", problem=exc))

    def stop(self, timeout: float = 30) -> None:
        """Wait for a run in progress (the preview's folder is about to be removed)."""
        with self._lock:
            self._wanted = None
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
