"""Small real sites built into tmp_path and read back with an HTML parser."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from hub import search
from tests.conftest import Elements, Hub, output_text, search_records

CANARIES = ("zqxdraft", "zqxfuture", "zqxexpired")


def all_text(site: Path) -> str:
    return output_text(site)


def shard_pages(hub: Hub, pages: int) -> None:
    """Set the hub's ``search_shard_pages``: a small hub in several search shards."""
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + f"      search_shard_pages: {pages}\n", encoding="utf-8")


def pagefind_runs(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders Pagefind indexes from now on, in order (it still runs)."""
    runs: list[Path] = []
    real = search._pagefind

    def counted(executable: str, folder: Path, output: Path) -> None:
        runs.append(folder)
        real(executable, folder, output)

    monkeypatch.setattr(search, "_pagefind", counted)
    return runs


def test_pages_listings_and_addresses(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.build("--now", "2026-11-23T12:00")
    # Stories live at their slug, newest first, two per page (stories_per_page: 2).
    first = Elements(hub.page("stories"))
    titles = [
        a["href"]
        for a in first.find("a")
        if a.get("href", "").startswith("../stories/") or a.get("href", "").startswith("win-")
    ]
    assert titles[:2] == ["win-3/", "win-2/"]
    second = hub.page("stories/page/2")
    assert "Small win number 1" in second and "Small win number 3" not in second
    assert (hub.site / "stories/win-1/index.html").is_file()
    # Tags merge across case and have their own pages; authors too.
    assert "Small win number 2" in hub.page("tags/fleet")
    assert "Ana Ruiz" in hub.page("authors") and "Small win number 3" in hub.page("authors/ana")
    assert "Small win number 1" in hub.page("authors/ana/page/2")  # two stories a page
    # Messages grouped by pillar, the welcome journey with its steps linked.
    assert "<h2>Reliability</h2>" in hub.page("messages")
    journey = Elements(hub.page("campaigns/welcome"))
    assert {"href": "../../guidelines/voice/"} in [
        {"href": a.get("href")} for a in journey.find("a")
    ]
    assert "Week 1" in hub.page("campaigns/welcome")
    # The home is a front door: start here, latest wins, key messages, guidelines.
    home = hub.page("")
    for part in (
        "New here? Start here",
        "Your first weeks",
        "Latest small wins",
        "We deliver on time",
        "Voice and tone",
    ):
        assert part in home
    # The share post carries its hashtags and the hub's disclosure.
    assert "97% of our deliveries arrived on time last year. #Logistics #TestOrg" in hub.page(
        "messages/on-time"
    )


def test_search_indexes_content_and_finds_listings_by_title(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.build("--now", "2026-11-23T12:00")
    records = search_records(hub.site)
    # Every published page is searchable, listings included (by their titles).
    assert {"/", "/stories/", "/messages/", "/tags/fleet/", "/authors/ana/"} <= set(records)
    assert records["/tags/fleet/"]["meta"]["title"] == "Tagged “Fleet”"
    # A listing's list is not indexed again: each story is found on its own page.
    assert "thing number 1" not in records["/stories/"]["content"]
    # Nor anything found in it: a listed story's image and its text would match searches.
    assert records["/stories/"]["meta"] == {"title": "Small wins"}
    # Later pages of a listing repeat its title: only the first is a search result.
    assert (hub.site / "stories/page/2/index.html").is_file()
    assert not [url for url in records if "/page/" in url]
    story = records["/stories/win-1/"]
    assert story["meta"]["title"] == "Small win number 1"
    assert "The fleet team did thing number 1" in story["content"]
    # The controls of a share card are not content; a snippet's post is.
    everything = " ".join(r["content"] for r in records.values())
    for control in ("Copy text", "Share on", "left", "make it your own"):
        assert control not in everything, control
    (snippet,) = [
        r for url, r in records.items() if url.startswith("/snippets/") and url != "/snippets/"
    ]
    assert "We are hiring drivers in Madrid" in snippet["content"]
    assert (hub.site / "pagefind/0/pagefind.js").is_file()
    assert not (hub.site / "search/search_index.json").exists()


def test_a_large_hub_is_indexed_in_shards_the_browser_merges(
    site: Callable[[str], Hub],
) -> None:
    # Pagefind's memory grows with the pages of one run: a big hub is indexed in shards.
    hub = site("basic")
    hub.build("--now", "2026-11-23T12:00")
    whole = search_records(hub.site)
    shard_pages(hub, 4)
    hub.build("--now", "2026-11-23T12:00")
    shards = json.loads((hub.site / "pagefind/shards.json").read_text(encoding="utf-8"))
    per_shard = [
        len(list((hub.site / "pagefind" / shard / "fragment").glob("*.pf_fragment")))
        for shard in shards
    ]
    # Each process of the build fills its own shards of 2 to 4 pages (one past half its size
    # ends after certain pages, hub.search._ends_shard), and may end with a smaller one.
    assert sum(per_shard) == len(whole) and max(per_shard) <= 4
    assert len([n for n in per_shard if n < 2]) <= 2
    assert 2 < -(-len(whole) // 4) <= len(shards) <= len(whole) // 2 + 2
    # The same pages, each in one shard; nothing of the build is left beside the index.
    assert search_records(hub.site).keys() == whole.keys()
    assert sorted(p.name for p in (hub.site / "pagefind").iterdir()) == sorted(
        [*(s.strip("/") for s in shards), "shards.json"]
    )
    assert not [p for p in hub.site.iterdir() if p.name.startswith(".")]


def test_shards_are_some_eighth_of_the_hub_and_stay_put_while_it_grows() -> None:
    # An edited story costs the Pagefind run of its shard: at 1,000 stories (some 1,500
    # pages) shards of about 200 pages, not two of 750, so the run ends while pages are
    # still written; at 10,000 stories (14,400 pages) shards of about 2,000 pages, so that a
    # reader's first search fetches a few of them, not dozens.
    assert search.shard_least(1_500, 2_500) == 128
    assert search.shard_least(14_400, 2_500) == 1_024
    assert search.shard_least(100_000, 2_500) == 1_250  # search_shard_pages stays the limit
    assert search.shard_least(30, 2_500) == 128
    assert search.shard_least(30, 4) == 2
    # A story more or less moves no shard's end, until the hub doubles.
    assert {search.shard_least(pages, 2_500) for pages in range(2_048, 4_096)} == {256}


def test_both_processes_cut_shards_by_the_size_of_the_hub(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    # With the smallest shard lowered to 2 pages, the small hub's eighth (3 pages) makes
    # shards of about 4 pages, with search_shard_pages left at its default.
    monkeypatch.setattr(search, "SMALLEST_SHARD", 2)
    hub = site("basic")
    hub.build("--now", "2026-11-23T12:00")
    shards = json.loads((hub.site / "pagefind/shards.json").read_text(encoding="utf-8"))
    per_shard = [
        len(list((hub.site / "pagefind" / shard / "fragment").glob("*.pf_fragment")))
        for shard in shards
    ]
    assert len(shards) >= 4 and max(per_shard) <= 6, per_shard


def test_a_rebuild_runs_pagefind_only_for_the_shards_whose_pages_changed(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The nightly build of an unchanged hub, or a pull request editing one story, must not
    # index every page again (hub.search.ShardCache), and must never serve a stale index.
    hub = site("basic")
    shard_pages(hub, 3)
    runs = pagefind_runs(monkeypatch)

    def index() -> tuple[list[str], dict[str, dict[str, Any]]]:
        shards = json.loads((hub.site / "pagefind/shards.json").read_text(encoding="utf-8"))
        return shards, search_records(hub.site)

    hub.build("--now", "2026-11-23T12:00")
    first_runs = len(runs)
    shards, records = index()
    assert first_runs == len(shards) > 2
    cache = hub.root / ".cache/brandhub/search"
    assert len([p for p in cache.iterdir() if p.is_dir()]) == len(shards)  # each with its seal

    hub.build("--now", "2026-11-23T12:00")  # nothing changed: no page is indexed again
    assert len(runs) == first_runs
    assert index() == (shards, records)

    story = hub.content / "stories/win-2.md"
    story.write_text(
        story.read_text(encoding="utf-8") + "\nThe quokkaline route saved a day.\n",
        encoding="utf-8",
    )
    hub.build("--now", "2026-11-23T12:00")
    again = len(runs) - first_runs
    assert 1 <= again < len(shards)  # the edited story's shard, not the others
    new_shards, new_records = index()
    assert "quokkaline" in new_records["/stories/win-2/"]["content"]
    assert {url: r for url, r in new_records.items() if url != "/stories/win-2/"} == {
        url: r for url, r in records.items() if url != "/stories/win-2/"
    }
    # The cache keeps the bundles of the last index only.
    assert len([p for p in cache.iterdir() if p.is_dir()]) == len(new_shards)


def test_a_new_story_costs_the_run_of_its_own_shard(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The most common pull request adds a story. Listings, tags, people and its campaign list
    # it, but Pagefind ignores their lists, and shards end after the same pages in every
    # build: the pages after the new one stay in the shards they were in.
    hub = site("basic")
    shard_pages(hub, 4)
    runs = pagefind_runs(monkeypatch)
    hub.build("--now", "2026-11-23T12:00")
    shards = len(runs)
    records = search_records(hub.site)
    assert shards >= 4
    hub.write(  # the newest story, and last in its folder
        "stories/zzz-newest-win.md",
        "---\ntitle: The zebrafinch route\ndate: 2026-11-20\nteam: Fleet\nauthors: [ana]\n"
        "tags: [small-wins, Fleet]\ncampaign: welcome\n---\n"
        "The fleet team tried the zebrafinch route.\n",
    )
    hub.build("--now", "2026-11-23T12:00")
    assert "The zebrafinch route" in hub.page("campaigns/welcome")
    # Its own shard, and the next where the new page pushed a full shard's last page there.
    assert 1 <= len(runs) - shards <= 2
    # Newest stories are written first: its shard is indexed while the build still writes
    # pages, not last of its process, whose run the build would wait for.
    process, number = runs[shards].name.split("-")
    assert f"{process}-{int(number) + 1}" in {run.name for run in runs[:shards]}, runs
    new_records = search_records(hub.site)
    assert "zebrafinch" in new_records["/stories/zzz-newest-win/"]["content"]
    assert {
        url: r for url, r in new_records.items() if url != "/stories/zzz-newest-win/"
    } == records


def test_the_newest_stories_are_written_first(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A pull request adds or fixes a recent story: its page, written early, is in a search
    # shard indexed while the build writes the rest, not in the last, which the build waits
    # for. Old stories, which seldom change, come last, whatever their file names.
    hub = site("basic")
    config = hub.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "      parallel_build: false\n", encoding="utf-8"
    )
    hub.write(
        "stories/aaa-oldest-win.md",
        "---\ntitle: An old win\ndate: 2024-05-01\nteam: Fleet\nauthors: [ana]\n---\nLong ago.\n",
    )
    hub.write(
        "stories/zzz-newest-win.md",
        "---\ntitle: A new win\ndate: 2026-11-20\nteam: Fleet\nauthors: [ana]\n---\nJust now.\n",
    )
    written: list[str] = []
    real = search.Excerpts.written

    def recorded(self: search.Excerpts, page: str, html: str) -> None:
        written.append(page)
        real(self, page, html)

    monkeypatch.setattr(search.Excerpts, "written", recorded)
    hub.build("--now", "2026-11-23T12:00")
    stories = [
        page.split("/")[1] for page in written if page.count("/") == 2 and "stories/" in page
    ]
    assert stories == ["zzz-newest-win", "win-3", "win-2", "win-1", "aaa-oldest-win"]


def test_search_shards_are_reused_when_the_site_is_on_another_disk(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The cache's bundles are hard-linked into the site; across file systems (here the
    # system's memory folder) they are copied instead.
    memory = Path(search.SHARED_MEMORY)
    assert memory.is_dir(), "this test needs /dev/shm (Linux)"
    hub = site("basic")
    target = Path(tempfile.mkdtemp(dir=memory)) / "site"
    try:
        first = hub.run("build", "-d", str(target), "--now", "2026-11-23T12:00")
        assert first.exit_code == 0, first.output
        records = search_records(target)
        assert records
        runs = pagefind_runs(monkeypatch)
        result = hub.run("build", "-d", str(target), "--now", "2026-11-23T12:00")
        assert result.exit_code == 0, result.output
        assert runs == []
        assert search_records(target) == records
    finally:
        shutil.rmtree(target.parent)


def test_a_cache_that_cannot_be_written_only_costs_time(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    hub.build("--now", "2026-11-23T12:00")
    records = search_records(hub.site)
    home = (hub.site / "index.html").read_bytes()
    api = (hub.site / "api/snippets.json").read_bytes()
    cards = {path.relative_to(hub.site): path.read_bytes() for path in hub.site.rglob("*.png")}
    assert cards
    parts = ("search", "made", "api", "cards", "check")
    stray = [hub.root / ".cache/brandhub" / name for name in parts]
    for path in stray:
        shutil.rmtree(path)
        path.write_text("not a folder", encoding="utf-8")  # say, a stray file of that name
    shutil.rmtree(hub.site)
    result = hub.build("--now", "2026-11-23T12:00")
    assert "Search:" not in result.output and "Traceback" not in result.output
    assert search_records(hub.site) == records
    assert (hub.site / "index.html").read_bytes() == home
    assert (hub.site / "api/snippets.json").read_bytes() == api
    assert {path.relative_to(hub.site): path.read_bytes() for path in hub.site.rglob("*.png")} == (
        cards
    )
    assert [path.read_text(encoding="utf-8") for path in stray] == ["not a folder"] * len(parts)


def test_the_index_made_from_excerpts_is_the_index_of_the_whole_pages(
    demo_site: Path, tmp_path: Path
) -> None:
    # Each process of the build gives Pagefind an excerpt of its pages (hub.search.excerpt):
    # every page must be found as Pagefind finds it in the whole page, with the same text,
    # title, image and word count. The demo's pages hold cards, articles inside the article.
    whole = tmp_path / "site"
    search._pagefind(search._executable(), demo_site, whole / "pagefind" / "0")
    expected = search_records(whole)
    assert len(expected) > 40
    assert search_records(demo_site) == expected


def test_no_room_for_the_search_excerpts_fails_the_build_in_one_line(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = site("basic")
    hub.build("--now", "2026-11-23T12:00")
    before = (hub.site / "index.html").read_bytes()

    def full(self: search.Excerpts, page: str, html: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(search.Excerpts, "written", full)
    result = hub.run("build", "-d", str(hub.site), "--now", "2026-11-23T12:00")
    assert result.exit_code == 1
    assert "Search: could not keep" in result.output
    assert "No space left on device" in result.output
    assert "Traceback" not in result.output
    assert (hub.site / "index.html").read_bytes() == before  # the last site stays


def test_excerpts_are_written_in_memory_only_where_there_is_room(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    memory = Path(search.SHARED_MEMORY)
    room = search.MEMORY_ROOM
    folders = [search.pages_folder()]
    monkeypatch.setattr(search, "MEMORY_ROOM", 1 << 60)  # more than any machine has
    folders.append(search.pages_folder())
    for folder in folders:
        folder.rmdir()
    roomy = memory.is_dir() and shutil.disk_usage(memory).free >= room
    assert folders[0].parent == (memory if roomy else Path(tempfile.gettempdir()))
    assert folders[1].parent == Path(tempfile.gettempdir())


def test_unpublished_items_appear_nowhere(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.build("--now", "2026-11-23T12:00")
    text = all_text(hub.site)
    for canary in CANARIES:
        assert canary not in text
    assert not (hub.site / "stories/draft-canary").exists()
    # The future story appears once --now passes its date; the others stay out.
    hub.build("--now", "2027-03-01T09:00+01:00")
    text = all_text(hub.site)
    assert "zqxfuture" in text and "zqxfuturetag" in hub.page("tags")
    assert "stories/future-canary/" in (hub.site / "sitemap.xml").read_text()
    assert "zqxdraft" not in text and "zqxexpired" not in text
    # One second earlier it is still embargoed.
    hub.build("--now", "2027-03-01T08:59:59+01:00")
    assert "zqxfuture" not in all_text(hub.site)


def test_image_of_an_unpublished_item_is_not_copied(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    shutil.copy(hub.content / "stories/images/truck.png", hub.content / "stories/images/zqx.png")
    story = hub.content / "stories/draft-canary.md"
    story.write_text(
        story.read_text().replace(
            "draft: true", "draft: true\nimage: images/zqx.png\nimage_alt: Secret"
        )
    )
    hub.build()
    assert not (hub.site / "stories/images/zqx.png").exists()
    assert (hub.site / "stories/images/truck.png").exists()


def test_another_organisations_content_with_this_config(
    site: Callable[[str], Hub], tmp_path: Path
) -> None:
    hub = site("basic")
    other = tmp_path / "other" / "content"
    (other / "stories").mkdir(parents=True)
    (other / "index.md").write_text("---\ntitle: Other Org\n---\nWelcome to Other Org.\n")
    (other / "authors.yml").write_text("zoe:\n  name: Zoe Other\n")
    (other / "stories/first.md").write_text(
        "---\ntitle: Other win\ndate: 2026-05-01\nteam: Ops\nauthors: [zoe]\n---\nDone.\n"
    )
    out = tmp_path / "out"
    result = hub.run("build", "--content", str(other), "--site-dir", str(out))
    assert result.exit_code == 0, result.output
    assert "Other win" in (out / "stories/first/index.html").read_text()
    assert "Small win number" not in all_text(out)


HOSTILE_TITLE = '"><script>alert(1)</script>'
HOSTILE_SUMMARY = "</title>&<img src=x onerror=alert(2)>"


def test_hostile_front_matter_values_stay_text(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.write(
        "stories/hostile.md",
        f"""---
title: '{HOSTILE_TITLE}'
summary: '{HOSTILE_SUMMARY}'
date: 2026-05-05
team: '<b onmouseover=alert(3)>Ops</b>'
authors: [ana]
tags: ['<svg onload=alert(4)>']
---
Body.
""",
    )
    hub.build("--now", "2026-11-23T12:00")
    for html_file in hub.site.rglob("*.html"):
        doc = Elements(html_file.read_text(encoding="utf-8"))
        assert not any("alert(" in script for script in doc.scripts), html_file
        for tag, attrs in doc.elements:
            assert tag not in ("svg", "b") or not any(k.startswith("on") for k in attrs), html_file
            assert not any(k.startswith("on") for k in attrs), (html_file, tag, attrs)
        assert not doc.find("img", src="x"), html_file
    page = Elements(hub.page("stories/hostile"))
    assert page.find("meta", name="description") == [
        {"name": "description", "content": HOSTILE_SUMMARY}
    ]


def test_preview_shows_unpublished_items_with_a_banner(
    site: Callable[[str], Hub], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = site("basic")
    config = load_config(str(hub.root / "mkdocs.yml"), site_dir=str(tmp_path / "preview"))
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = "http://127.0.0.1:8000/"  # as `mkdocs serve` does
    monkeypatch.setenv("BRANDHUB_SITE_URL", "https://hub.testorg.com/")  # as `brandhub serve`
    mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    draft = (tmp_path / "preview/stories/draft-canary/index.html").read_text()
    assert "Preview only: draft" in draft
    # Share links and previews keep the public address, so their lengths are checked right.
    public = (tmp_path / "preview/stories/win-1/index.html").read_text()
    assert '<meta property="og:url" content="https://hub.testorg.com/stories/win-1/">' in public
    ben = (tmp_path / "preview/authors/ben/index.html").read_text()
    assert "Draft canary zqxdraft" in ben and "bh-badge--draft" in ben


def test_materials_search_plugin_is_refused_with_what_to_do(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n", "plugins:\n  - search\n"))
    result = hub.run("build", "-d", str(hub.site), "--now", "2026-11-23T12:00")
    assert result.exit_code == 1
    assert "Brandhub brings its own search" in result.output
    assert "Remove '- search' from the plugins list" in result.output
    assert "Traceback" not in result.output
    assert not hub.site.exists()
