"""Two builds of unchanged content, at different clocks, give byte-identical sites; a build that
fails at any point leaves the previous site as it was."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.conftest import Hub


def tree_hash(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        digest.update(path.relative_to(site).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_builds_an_hour_and_a_day_apart_are_identical(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    import mkdocs.utils

    hub = site("basic")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    clocks = [datetime(2026, 11, 23, 11, 0, tzinfo=UTC), datetime(2026, 11, 24, 12, 0, tzinfo=UTC)]
    hashes = []
    for clock, now in zip(
        clocks, ("2026-11-23T12:00+01:00", "2026-11-23T13:00+01:00"), strict=True
    ):
        monkeypatch.setattr(mkdocs.utils, "get_build_datetime", lambda clock=clock: clock)
        hub.build("--now", now)
        hashes.append(tree_hash(hub.site))
    assert hashes[0] == hashes[1]
    sitemap = (hub.site / "sitemap.xml").read_text()
    assert "<lastmod>2026-03-10</lastmod>" in sitemap  # win-3's date, not a build date
    assert "2026-11-2" not in sitemap


def test_source_date_epoch_dates_pages_without_a_date(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = site("basic")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    hub.build("--now", "2026-11-23T12:00+01:00")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(hub.site / "sitemap.xml").getroot()
    dates = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
        for u in root.findall("s:url", ns)
    }
    assert dates["https://hub.testorg.com/tags/"] == "2026-01-01"  # undated: the epoch
    assert dates["https://hub.testorg.com/stories/win-3/"] == "2026-03-10"  # dated: its date


def test_a_failure_injected_mid_build_keeps_the_previous_site(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = site("basic")
    hub.build("--now", "2026-11-23T12:00+01:00")
    before = tree_hash(hub.site)

    def explode(*args: object, **kwargs: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("hub.plugin.json_feed", explode)  # fails after pages are written
    story = hub.content / "stories/win-1.md"  # edited, so its feeds are written, not kept ones
    story.write_text(story.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    result = hub.run("build", "-d", str(hub.site), "--now", "2026-11-23T12:00+01:00")
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr and "Traceback" not in result.output
    assert tree_hash(hub.site) == before
    assert [p.name for p in hub.root.iterdir() if p.name.startswith(".site")] == []


def test_several_builds_of_the_demo_in_two_processes_are_identical(tmp_path: Path) -> None:
    # Small search shards: each process hands many of them over, in an order that depends on
    # which process gets there first; the bundles must be numbered from content, not from it.
    from click.testing import CliRunner

    from hub.cli import cli
    from tests.conftest import DEMO_NOW, demo_config

    config = demo_config(tmp_path / "hub", "      search_shard_pages: 3\n")
    hashes = set()
    for run in range(4):
        site_dir = tmp_path / f"site-{run}"
        # Every other build starts from an empty cache: kept and new bundles name alike.
        args = ["build", "-f", str(config), "-d", str(site_dir), "--now", DEMO_NOW]
        if run % 2 == 0:
            shutil.rmtree(tmp_path / "hub" / ".cache", ignore_errors=True)
        built = CliRunner().invoke(cli, args)
        assert built.exit_code == 0, built.output
        assert len(json.loads((site_dir / "en/pagefind/shards.json").read_text())) > 10
        hashes.add(tree_hash(site_dir))
    assert len(hashes) == 1
