"""Feeds in: company feeds become draft stories; hostile feeds write nothing unsafe."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer
from pathlib import Path

import markdown
import pytest
import yaml

from hub.importer import ImportError_, fetch
from tests.conftest import ROOT, Hub

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


def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A local web server answering every GET with ``handler``; yields the feed's address."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
    httpd.shutdown()
    httpd.server_close()


class Quiet(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def long_header() -> Iterator[str]:
    class LongHeader(Quiet):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("X-Padding", "a" * 70_000)
            self.end_headers()
            self.wfile.write((FEEDS / "company-blog.rss.xml").read_bytes())

    yield from serve(LongHeader)


def test_a_header_longer_than_64_kb_is_refused_with_a_clear_message(
    site: Callable[[str], Hub], long_header: str
) -> None:
    hub = site("basic")
    result = hub.run("import-feed", long_header, "--author", "ana")
    assert result.exit_code == 1
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert f"{long_header}: the server sent a header longer than 64 KB" in result.stderr
    assert result.stderr.strip().endswith("nothing was written.")
    assert imported(hub) == []


def rss(items: str) -> str:
    return f'<rss version="2.0"><channel><title>Feed</title>{items}</channel></rss>'


def item(number: int, title: str | None = None, link: str = "", **fields: str) -> str:
    day = f"Mon, 01 Jun 2026 {number // 3600 % 24:02}:{number // 60 % 60:02}:{number % 60:02} GMT"
    extra = "".join(f"<{key}>{value}</{key}>" for key, value in fields.items())
    return (
        f"<item><title>{title or f'Entry {number}'}</title>"
        f"<link>{link or f'https://blog.example.com/{number}'}</link><pubDate>{day}</pubDate>{extra}</item>"
    )


def test_a_feed_of_20000_entries_imports_only_the_newest_50(
    site: Callable[[str], Hub], tmp_path: Path
) -> None:
    hub = site("basic")
    feed = tmp_path / "huge.xml"
    feed.write_text(rss("".join(item(number) for number in range(20_000))))
    result = hub.run("import-feed", str(feed), "--author", "ana")
    assert result.exit_code == 0, result.output
    files = imported(hub)
    assert len(files) == 50
    titles = {re.search(r'^title: "(.*)"$', p.read_text(), re.M).group(1) for p in files}  # type: ignore[union-attr]
    assert titles == {f"Entry {number}" for number in range(19_950, 20_000)}  # the newest
    assert "19,950 older entries were not imported; pass --limit 20000 to import them too" in (
        result.stderr
    )


def test_limit_sets_how_many_of_the_newest_entries_are_imported(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    feed = str(FEEDS / "company-blog.rss.xml")
    result = hub.run("import-feed", feed, "--author", "ana", "--limit", "2")
    assert result.exit_code == 0, result.output
    assert [p.name for p in imported(hub)] == [
        "imported-customer-care-answers-in-portuguese-and-spanish-24-7.md",
        "imported-our-lisbon-depot-goes-solar.md",
    ]
    assert "1 older entry was not imported; pass --limit 3 to import it too" in result.stderr
    assert hub.run("import-feed", feed, "--author", "ana", "--limit", "0").exit_code == 2


def test_control_characters_in_titles_and_ids_never_break_the_hub(
    site: Callable[[str], Hub], tmp_path: Path
) -> None:
    hub = site("basic")
    feed = tmp_path / "control.xml"
    dirty = "Del\x7fC1\x81\x9dbidi\u202eevil\u2066isolated\u2069 line\u2028break\ttab"
    items = item(1, title=dirty, guid=f"id\x7f{dirty}", category="tag\x7f\u202e")
    items += item(2, title="Long id", guid="x" * 600)
    items += item(3, title="No host", link="https:nohost")
    feed.write_text(rss(items), encoding="utf-8")
    result = hub.run("import-feed", str(feed), "--author", "ana")
    assert result.exit_code == 0, result.output
    files = imported(hub)
    assert len(files) == 2
    text = "".join(p.read_text(encoding="utf-8") for p in files)
    assert 'title: "DelC1bidievilisolated line break tab"' in text
    for character in "\x7f\x81\x9d\u202e\u2066\u2069\u2028\t":
        assert character not in text, repr(character)
    check = hub.run("check")
    assert check.exit_code == 0, check.output
    again = hub.run("import-feed", str(feed), "--author", "ana")
    assert again.stdout.startswith("0 created, 2 already imported")


HOSTILE = [
    "{: #__config }",
    "# Heading",
    "![img](https://evil.example/x.png)",
    "[a link](https://evil.example/(x))",
    "<img src=https://evil.example/y.png>",
    "<div markdown>**bold**</div>",
    "!!! note",
    "??? note",
    "- item",
    "1. item",
    "> quote",
    "`code`",
    "*em* _em_ a | b",
    "&lt;b&gt; &amp;copy;",
    "<https://evil.example/auto>",
    "[ref]: https://evil.example/ref",
]


def body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def link(path: Path) -> str:
    """The story's source: the address of the original entry."""
    return json.loads(re.search(r"^source: (.*)$", path.read_text(), re.M).group(1))  # type: ignore[union-attr]


def test_markdown_in_a_feed_stays_text(site: Callable[[str], Hub], tmp_path: Path) -> None:
    hub = site("basic")
    feed = tmp_path / "markdown.xml"
    escaped = [line.replace("&", "&amp;").replace("<", "&lt;") for line in HOSTILE]
    items = "".join(
        item(number, title=line, description=line) for number, line in enumerate(escaped)
    )
    items += item(99, title="Body", description="&lt;p&gt;" + "&lt;/p&gt;&lt;p&gt;".join(escaped))
    feed.write_text(rss(items), encoding="utf-8")
    result = hub.run("import-feed", str(feed), "--author", "ana")
    assert result.exit_code == 0, result.output
    extensions = yaml.safe_load(
        (ROOT / "mkdocs.yml").read_text().split("markdown_extensions:", 1)[1].split("\n\n")[0]
    )
    names = [next(iter(e)) if isinstance(e, dict) else e for e in extensions]
    for path in imported(hub):
        html = markdown.markdown(body(path), extensions=names)
        assert set(re.findall(r"<([a-z0-9]+)", html)) <= {"p", "a"}, (path.name, html)
        assert re.findall(r'<a href="([^"]*)"', html) == [link(path)], html
        assert not re.search(r'(src|href|id)="[^"]*evil', html), html
        assert "{: #__config }" not in html or "id=" not in html
    check = hub.run("check")
    assert check.exit_code == 0, check.output


@pytest.fixture
def trickle(request: pytest.FixtureRequest) -> Iterator[str]:
    """A server that sends its answer one byte every 0.5 s: in the headers or in the body."""
    where = request.param

    class Trickle(Quiet):
        def do_GET(self) -> None:
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n"
            answer = head + (FEEDS / "company-blog.rss.xml").read_bytes()
            start = 0 if where == "headers" else len(head)
            self.wfile.write(answer[:start])
            try:
                for index in range(start, min(len(answer), start + 60)):
                    self.wfile.write(answer[index : index + 1])
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:  # the client gave up: what it should do
                pass

    yield from serve(Trickle)


@pytest.mark.parametrize("trickle", ["headers", "body"], indirect=True)
def test_a_server_that_trickles_is_given_up_on_at_the_deadline(trickle: str) -> None:
    with pytest.raises(ImportError_) as failure:
        fetch(trickle, deadline=1.2)
    assert str(failure.value) == (
        f"{trickle}: the server did not send the whole feed within 1.2 seconds"
    )
