"""Feeds in: company feeds become draft stories; hostile feeds write nothing unsafe."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from tests.conftest import Hub

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
UNSAFE = (
    "javascript:",
    "onclick",
    "onerror",
    "data:text",
    "<iframe",
    "<form",
    "<script",
    "<img",
    "lol",
    "/etc/passwd",
    "root:",
)


def imported(hub: Hub) -> list[Path]:
    return sorted((hub.content / "stories").glob("imported-*.md"))


@pytest.mark.parametrize("fixture", ["company-blog.rss.xml", "press-room.atom.xml"])
def test_entries_become_valid_drafts_and_a_rerun_imports_nothing(
    site: Callable[[str], Hub], fixture: str
) -> None:
    hub = site("basic")
    result = hub.run("import-feed", str(FEEDS / fixture), "--author", "ana", "--tag", "news")
    assert result.exit_code == 0, result.output
    files = imported(hub)
    assert len(files) == (3 if fixture.startswith("company") else 2)
    assert result.stdout.startswith(f"{len(files)} created, 0 already imported")
    for path in files:
        text = path.read_text()
        assert "draft: true" in text and "source_id:" in text and "authors: [ana]" in text
        assert not any(word in text for word in ("<script", "<img", "track()"))
    check = hub.run("check")
    assert check.exit_code == 0, check.output
    before = {p: p.read_bytes() for p in files}
    again = hub.run("import-feed", str(FEEDS / fixture), "--author", "ana")
    assert again.stdout.startswith(f"0 created, {len(files)} already imported")
    assert {p: p.read_bytes() for p in imported(hub)} == before


def test_since_skips_older_entries(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    result = hub.run(
        "import-feed",
        str(FEEDS / "company-blog.rss.xml"),
        "--author",
        "ana",
        "--since",
        "2026-09-01",
    )
    assert result.stdout.startswith("2 created, 0 already imported, 1 skipped")


# Runs the command line in a child process that records its own peak memory when it ends
# (hub.cli.main ends without running atexit handlers: this calls the command itself).
# VmHWM belongs to the process's own address space; ru_maxrss would survive fork and exec and
# report the (much larger) test runner's peak instead.
MEASURED = """
import re, sys
from hub.cli import cli
peak = sys.argv.pop(1)
def record():
    status = open("/proc/self/status").read()
    open(peak, "w").write(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))
try:
    cli(prog_name="brandhub")
finally:
    record()
"""


def run_isolated(hub: Hub, source: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """The import in its own process, bounded in time; returns it and its peak memory in MB."""
    peak_file = hub.root / "peak-rss"
    process = subprocess.run(
        [sys.executable, "-c", MEASURED, str(peak_file), "import-feed", source, "--author", "ana"],
        cwd=hub.root,
        capture_output=True,
        text=True,
        timeout=5,
    )
    return process, int(peak_file.read_text()) / 1024


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("billion-laughs.xml", "the feed declares XML entities, which Brandhub refuses"),
        ("external-entity.xml", "the feed declares XML entities, which Brandhub refuses"),
        ("broken.xml", "not a valid feed"),
    ],
)
def test_hostile_and_broken_feeds_fail_fast_with_one_line(
    site: Callable[[str], Hub], fixture: str, message: str
) -> None:
    hub = site("basic")
    process, peak_mb = run_isolated(hub, str(FEEDS / fixture))
    assert process.returncode == 1
    lines = process.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].endswith("nothing was written.")
    assert "Traceback" not in process.stderr
    assert peak_mb < 200
    assert imported(hub) == []


def test_a_ten_megabyte_feed_is_refused(site: Callable[[str], Hub], tmp_path: Path) -> None:
    hub = site("basic")
    big = tmp_path / "big.xml"
    padding = "x" * (10 * 1024 * 1024)
    big.write_text(
        f'<rss version="2.0"><channel><title>Big</title><item><title>{padding}'
        "</title></item></channel></rss>"
    )
    process, peak_mb = run_isolated(hub, str(big))
    assert process.returncode == 1
    assert "the feed is larger than 5 MB; nothing was written." in process.stderr
    assert peak_mb < 200 and imported(hub) == []


def test_javascript_and_data_links_never_reach_a_story(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    process, _ = run_isolated(hub, str(FEEDS / "javascript-links.rss.xml"))
    assert process.returncode == 0, process.stderr
    files = imported(hub)
    assert [p.name for p in files] == ["imported-looks-fine.md"]  # the javascript: entry is gone
    text = files[0].read_text()
    for word in UNSAFE:
        assert word.lower() not in text.lower(), word
    assert hub.run("check").exit_code == 0


@pytest.fixture
def server() -> Iterator[str]:
    class Redirect(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Redirect)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
    httpd.shutdown()


def test_only_web_addresses_are_fetched(site: Callable[[str], Hub], server: str) -> None:
    hub = site("basic")
    redirected = hub.run("import-feed", server, "--author", "ana")
    assert redirected.exit_code == 1
    assert "file:///etc/passwd" in redirected.stderr and "not allowed" in redirected.stderr
    local = hub.run("import-feed", "file:///etc/passwd", "--author", "ana")
    assert "only http(s) addresses and local files can be imported" in local.stderr
    closed = hub.run("import-feed", "http://127.0.0.1:9/feed.xml", "--author", "ana")
    assert closed.exit_code == 1 and "cannot be reached" in closed.stderr
    assert imported(hub) == []


def test_an_author_is_required_when_several_people_could_own_the_drafts(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    result = hub.run("import-feed", str(FEEDS / "company-blog.rss.xml"))
    assert result.exit_code == 1
    assert "pass --author ID, the person who reviews these drafts (ids: ana, ben)" in result.stderr
