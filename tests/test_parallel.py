"""A full build writes about half of the pages in a second process (hub.parallel): the site
must be the same as one process writes, and a failure on either side must fail cleanly."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from mkdocs.commands.build import _build_page as mkdocs_build_page
from mkdocs.exceptions import PluginError

from hub import parallel
from hub import plugin as hub_plugin
from hub.cli import cli
from tests.conftest import DEMO_NOW, ROOT, Hub, demo_config, different_files, search_records

pytestmark = pytest.mark.skipif(
    not parallel.available() and not os.environ.get("CI"),
    reason="needs os.fork and two cores (CI has them: there, this runs or fails)",
)


def _count_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    started: list[int] = []
    real = parallel.Worker.__init__

    def spy(self: parallel.Worker, *args: Any, **kwargs: Any) -> None:
        real(self, *args, **kwargs)
        started.append(self.pid)

    monkeypatch.setattr(parallel.Worker, "__init__", spy)
    return started


def _left(pids: list[int]) -> list[int]:
    """Those of ``pids`` still running, or ended but not waited for (zombies)."""
    return [pid for pid in pids if Path(f"/proc/{pid}").exists()]


def test_two_processes_write_the_same_site_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _count_workers(monkeypatch)
    one, two = tmp_path / "one", tmp_path / "two"
    serial = demo_config(tmp_path / "one-process", "      parallel_build: false\n")
    built = CliRunner().invoke(cli, ["build", "-f", str(serial), "-d", str(one), "--now", DEMO_NOW])
    assert built.exit_code == 0, built.output
    assert started == []
    both = demo_config(tmp_path / "two-processes")
    built = CliRunner().invoke(cli, ["build", "-f", str(both), "-d", str(two), "--now", DEMO_NOW])
    assert built.exit_code == 0, built.output
    assert "warning" not in built.output.lower()
    # A worker for each language's build ran, and was waited for.
    assert len(started) == 2 and _left(started) == []
    # Every page, feed, calendar and the API byte for byte; the same pages searchable.
    assert different_files(one, two) == []
    for language in ("en", "es"):
        assert search_records(one / language).keys() == search_records(two / language).keys()
    assert len(list((two / "es").rglob("index.html"))) > 50


def test_a_page_failing_in_the_worker_fails_the_build_and_names_it(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = site("basic")
    started = _count_workers(monkeypatch)
    real = mkdocs_build_page
    failing: list[str] = []

    def build_page(page: Any, *args: Any, **kwargs: Any) -> None:
        if not failing:  # the worker's first page: its template is missing
            failing.append(page.file.src_uri)
            page.meta = {**page.meta, "template": "no-such-template.html"}
        real(page, *args, **kwargs)

    monkeypatch.setattr(hub_plugin, "_build_page", build_page)
    result = hub.run("build", "-d", str(hub.site), "--now", "2026-11-23T12:00")
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    # The worker's own message names the page; the build says why it stopped.
    assert "no-such-template.html" in result.output
    assert "Error building page '" in result.output
    assert not hub.site.exists()  # nothing half-written
    assert len(started) == 1 and _left(started) == []


def test_a_page_failing_in_the_build_stops_the_worker(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = site("basic")
    started = _count_workers(monkeypatch)
    real = hub_plugin.BrandhubPlugin.on_post_page

    def on_post_page(self: Any, output: str, /, **kwargs: Any) -> str:
        if kwargs["page"].file.src_uri == "guidelines/voice.md":  # in the navigation: the build's
            raise PluginError("the voice guide could not be written")
        return real(self, output, **kwargs)

    monkeypatch.setattr(hub_plugin.BrandhubPlugin, "on_post_page", on_post_page)
    result = hub.run("build", "-d", str(hub.site), "--now", "2026-11-23T12:00")
    assert result.exit_code != 0
    assert "the voice guide could not be written" in result.output
    assert len(started) == 1 and _left(started) == []
    assert not hub.site.exists()


def test_links_to_missing_anchors_are_reported_across_both_processes(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each story links to a heading of the others that exists and to one that does not; the
    # stories are split between the processes, so some links cross from one to the other.
    hub = site("basic")
    started = _count_workers(monkeypatch)
    config = hub.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "validation:\n  anchors: warn\n", encoding="utf-8"
    )
    names = ["win-1", "win-2", "win-3"]
    for name in names:
        path = hub.content / "stories" / f"{name}.md"
        links = "\n".join(
            f"See [{other}]({other}.md#results) and [nothing]({other}.md#nowhere)."
            for other in names
            if other != name
        )
        path.write_text(
            path.read_text(encoding="utf-8") + f"\n\n## Results\n\nDone.\n\n{links}\n",
            encoding="utf-8",
        )
    result = hub.run("build", "-d", str(hub.site), "--now", "2026-11-23T12:00")
    assert len(started) == 1
    missing = [line for line in result.output.splitlines() if "#nowhere" in line]
    assert len(missing) == 6, result.output
    assert "#results" not in result.output
    # Brandhub builds are strict: the worker's pages' warnings count like the others.
    assert result.exit_code != 0
    assert "Aborted with 6 warnings in strict mode" in result.output


def test_a_new_story_moves_no_other_page_to_the_other_process() -> None:
    # Each process fills its own search shards; a page changing process would change two
    # shards, and the next build would index them again (hub.search.ShardCache).
    pages = [f"stories/2026-{n:04d}-a-small-win.md" for n in range(3000)]
    part = hub_plugin._worker_part(len(pages), 3000)
    before = {page for page in pages if hub_plugin._worker_writes(page, part)}
    grown = [*pages, "stories/2026-9999-the-newest.md"]
    after = {page for page in grown if hub_plugin._worker_writes(page, part)}
    assert hub_plugin._worker_part(len(grown), 3001) == part
    assert after - {"stories/2026-9999-the-newest.md"} == before
    # The worker takes more than half, as much more as the feeds and API give the build.
    assert 0.5 < len(before) / len(pages) < 0.6
    assert hub_plugin._worker_part(1500, 6000) > hub_plugin._worker_part(15000, 12000) > 0.5


def test_split_map_gives_the_second_half_to_another_process() -> None:
    here = os.getpid()
    results = parallel.split_map(lambda n: (n * n, os.getpid()), range(parallel.SPLIT_FROM))
    assert [square for square, _ in results] == [n * n for n in range(parallel.SPLIT_FROM)]
    half = parallel.SPLIT_FROM // 2
    assert {pid for _, pid in results[:half]} == {here}
    assert here not in {pid for _, pid in results[half:]}


def test_split_map_does_the_work_itself_when_the_other_process_fails() -> None:
    here = os.getpid()

    def work(n: int) -> int:
        if os.getpid() != here:
            raise RuntimeError("the copy fails")
        return n + 1

    assert parallel.split_map(work, range(1000)) == list(range(1, 1001))


def test_a_first_build_draws_the_cards_on_both_cores_and_each_once(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = site("basic")
    hub.build("--now", "2026-11-23T12:00")  # one process (a few cards)
    cards = hub.root / ".cache/brandhub/cards"
    one = {path.name: path.read_bytes() for path in cards.glob("*.png")}  # seals beside them
    shutil.rmtree(cards)
    drawings = hub.root / "drawings"  # a file per card drawn: the card, and which process
    drawings.mkdir()
    draw = hub_plugin.card_file

    def drawn(card: Any, cache: Path) -> Path:
        if not (cache / f"{card.digest()}.png").is_file():
            (drawings / f"{card.digest()}.png {os.getpid()}").touch()
        return draw(card, cache)

    monkeypatch.setattr(hub_plugin, "card_file", drawn)
    monkeypatch.setattr(parallel, "SPLIT_FROM", 4)  # the hub's few cards, split as many are
    hub.build("--now", "2026-11-23T12:00")
    drawn_by = [path.name.split() for path in drawings.iterdir()]
    assert sorted(card for card, _ in drawn_by) == sorted(one)  # each card once
    assert len({pid for _, pid in drawn_by}) == 2  # by this process and a copy of it
    assert {path.name: path.read_bytes() for path in cards.glob("*.png")} == one
    site_cards = {p.name: p.read_bytes() for p in (hub.site / "assets/cards").iterdir()}
    assert site_cards == one and len(one) > 4


def test_the_content_check_split_in_two_finds_what_one_process_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hub.load import scan
    from hub.problems import ContentError
    from hub.settings import load_settings
    from hub.validate import build_hub

    languages = ["en", "es"]  # the demo's; the check of its English hub
    settings, _ = load_settings(
        {"timezone": "Europe/Madrid", "languages": languages}, site_name="Demo"
    )
    url = "https://alcor-logistics.github.io/hub/"
    monkeypatch.setattr(parallel, "SPLIT_FROM", 4)  # the demo's few files, split as many are
    demo = ROOT / "content"
    one = build_hub(scan(demo, languages=languages), settings, url)
    two = build_hub(scan(demo, split=True, languages=languages), settings, url, split=True)
    assert one == two and len(two.items) > 50
    # Problems in files of both halves: every one reported, in the same order.
    broken = tmp_path / "content"
    shutil.copytree(demo, broken)
    stories = sorted(s for s in (broken / "stories").glob("*.md") if ".es." not in s.name)
    for story in (stories[0], stories[-1]):
        text = story.read_text(encoding="utf-8")
        broken_text = text.replace("\ndate:", "\ndate: someday\nwhen:", 1)
        assert broken_text != text
        story.write_text(broken_text, encoding="utf-8")
    (broken / "zz-last.md").write_text("---\ntitle: [unclosed\n---\nText\n", encoding="utf-8")
    found = []
    for split in (False, True):
        with pytest.raises(ContentError) as error:
            found_files = scan(broken, split=split, languages=languages)
            build_hub(found_files, settings, url, split=split)
        found.append(error.value.problems)
    assert found[0] == found[1] and len(found[1]) >= 5
