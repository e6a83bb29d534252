"""Feeds and the snippets API kept between full builds (hub.made): an unchanged hub's are
linked from the last build, and anything they show that changed makes them again."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import hub.api as hub_api
import hub.plugin
from tests.conftest import Hub, different_files

NOW = "2026-03-01T12:00:00+01:00"
MADE = ".cache/brandhub/made"


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The feeds and APIs the build writes itself, by the function that writes them."""
    written: list[str] = []
    for name in ("rss", "atom", "json_feed", "snippets_chunks"):
        write = getattr(hub.plugin, name)

        def spy(*args: Any, _name: str = name, _write: Any = write, **kwargs: Any) -> Any:
            written.append(_name)
            return _write(*args, **kwargs)

        monkeypatch.setattr(hub.plugin, name, spy)
    return written


def built(hub: Hub) -> Hub:
    hub.build("--now", NOW)
    return hub


def test_an_unchanged_hub_takes_its_feeds_and_api_from_the_last_build(
    site: Callable[[str], Hub], made: list[str], tmp_path: Path
) -> None:
    hub = built(site("basic"))
    assert sorted(set(made)) == ["atom", "json_feed", "rss", "snippets_chunks"]
    first = hub.site.rename(tmp_path / "first")
    made.clear()
    built(hub)
    assert made == []
    assert different_files(first, hub.site) == []
    # One build's files are kept: 8 feeds in 3 formats, and the API, each with its seal.
    assert len(list((hub.root / MADE).iterdir())) == 2 * (8 * 3 + 1)


def test_an_edited_story_and_snippet_are_in_the_next_feeds_and_api(
    site: Callable[[str], Hub],
) -> None:
    hub = built(site("basic"))
    story = hub.content / "stories/win-1.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8")
    snippet = hub.content / "snippets/hiring.md"
    text = snippet.read_text(encoding="utf-8")
    snippet.write_text(text.replace("in Madrid", "in Bilbao"), encoding="utf-8")
    built(hub)
    assert "A new sentence." in (hub.site / "feeds/stories.rss.xml").read_text(encoding="utf-8")
    api = json.loads((hub.site / "api/snippets.json").read_text(encoding="utf-8"))
    texts = [v["text"] for s in api["snippets"] for v in s["variants"]]
    assert any("in Bilbao" in t for t in texts) and not any("in Madrid" in t for t in texts)
    # The files of the first build that no longer show the hub are gone from the cache.
    assert len(list((hub.root / MADE).iterdir())) == 2 * (8 * 3 + 1)


def test_a_replaced_image_changes_its_enclosure_in_the_feeds(site: Callable[[str], Hub]) -> None:
    hub = built(site("basic"))
    image = hub.content / "stories/images/truck.png"
    image.write_bytes(image.read_bytes() + b"\0" * 100)  # the same name, another size
    built(hub)
    size = image.stat().st_size
    feed = (hub.site / "feeds/stories.rss.xml").read_text(encoding="utf-8")
    assert f'images/truck.png" length="{size}"' in feed


def test_a_story_that_comes_out_enters_the_next_feeds(site: Callable[[str], Hub]) -> None:
    # Nothing in the content changes, only the moment: the feeds must not be the kept ones.
    hub = built(site("basic"))
    assert "zqxfuture" not in (hub.site / "feeds/all.rss.xml").read_text(encoding="utf-8")
    hub.build("--now", "2027-03-02T12:00:00+01:00")
    assert "zqxfuture" in (hub.site / "feeds/all.rss.xml").read_text(encoding="utf-8")


def test_a_renamed_author_is_renamed_in_the_next_feeds(site: Callable[[str], Hub]) -> None:
    hub = built(site("basic"))
    assert "Ana Ruiz" in (hub.site / "feeds/stories.rss.xml").read_text(encoding="utf-8")
    people = hub.content / "authors.yml"
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("Ana Ruiz", "Ana Ruiz-Gil"), encoding="utf-8")
    built(hub)
    assert "Ana Ruiz-Gil" in (hub.site / "feeds/stories.rss.xml").read_text(encoding="utf-8")


def test_settings_that_only_say_how_to_build_write_no_feed_again(
    site: Callable[[str], Hub], made: list[str]
) -> None:
    hub = built(site("basic"))
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "      parallel_build: false\n")
    made.clear()
    built(hub)
    assert made == []


def test_a_new_story_makes_only_its_own_lines_of_the_api(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Making the API's line of a post delivers it to every channel: 3 s for all of them at
    # 10,000 stories, in the pull request of every new story. The other lines are kept.
    hub = built(site("basic"))
    lines_of: list[str] = []
    item_lines = hub_api.item_lines

    def spy(item: Any, *args: Any) -> list[str]:
        lines = item_lines(item, *args)
        if lines:  # an item without posts has none to make
            lines_of.append(item.src)
        return lines

    monkeypatch.setattr(hub_api, "item_lines", spy)
    hub.write(
        "stories/win-4.md",
        "---\ntitle: Small win number 4\ndate: 2026-02-20\nteam: Fleet\nauthors: [ana]\n"
        "share:\n  - text: The quokka route is open.\n---\nThe fleet team opened a route.\n",
    )
    built(hub)
    assert lines_of == ["stories/win-4.md"]
    api = (hub.site / "api/snippets.json").read_bytes()
    assert b"The quokka route is open." in api
    # The same document as one made from nothing.
    shutil.rmtree(hub.root / ".cache")
    built(hub)
    assert len(lines_of) > 2
    assert (hub.site / "api/snippets.json").read_bytes() == api
    # Settings every line shows (here the disclosure) make every line again.
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("#TestOrg", "#TestOrgHub"))
    lines_of.clear()
    built(hub)
    assert len(lines_of) > 2 and b"#TestOrgHub" in (hub.site / "api/snippets.json").read_bytes()
