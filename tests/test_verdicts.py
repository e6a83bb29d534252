"""The check's verdicts kept between builds (hub.verdicts): an unchanged file is not checked
again, and a change to anything its verdict depends on is found as if nothing were kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import hub.validate
from hub import channels
from tests.conftest import Hub, different_files

NOW = "2026-03-01T12:00:00+01:00"
VERDICTS = ".cache/brandhub/check/verdicts.json"


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the check looks at, in order, as it does."""
    seen: list[str] = []
    check = hub.validate._item

    def spy(doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(doc.rel)
        return check(doc, *args, **kwargs)

    monkeypatch.setattr(hub.validate, "_item", spy)
    return seen


def check(hub: Hub) -> str:
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 0, result.output
    return result.output


def checked_once(site: Callable[[str], Hub]) -> Hub:
    """The basic hub, checked once: the verdicts of its files are kept."""
    hub = site("basic")
    check(hub)
    return hub


def add_settings(hub: Hub, lines: str) -> None:
    """Add indented lines to the brandhub plugin's settings in the hub's mkdocs.yml."""
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + lines, encoding="utf-8")


def fails(hub: Hub) -> str:
    result = hub.run("check", "--now", NOW)
    assert result.exit_code != 0, result.output
    return result.output


def test_an_unchanged_hub_is_not_checked_again_and_builds_the_same(
    site: Callable[[str], Hub], checked: list[str], tmp_path: Path
) -> None:
    hub = site("basic")
    hub.build("--now", NOW)
    assert "stories/win-1.md" in checked
    assert (hub.root / VERDICTS).is_file()
    first = hub.site.rename(tmp_path / "first")
    checked.clear()
    hub.build("--now", NOW)
    assert checked == []
    assert different_files(first, hub.site) == []


def test_only_an_edited_file_is_checked_again(
    site: Callable[[str], Hub], checked: list[str]
) -> None:
    hub = checked_once(site)
    story = hub.content / "stories/win-2.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    checked.clear()
    check(hub)
    assert checked == ["stories/win-2.md"]
    # What that check wrote back holds the edited file's new verdict and every other one.
    checked.clear()
    check(hub)
    assert checked == []


def test_an_edited_body_does_not_count_unchanged_posts_again(
    site: Callable[[str], Hub], checked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = checked_once(site)
    message = hub.content / "messages/on-time.md"
    text = message.read_text(encoding="utf-8")
    message.write_text(text + "\nAnd say it often.\n", encoding="utf-8")
    counted: list[str] = []
    count = channels._XRules.weighted_length

    def spy(self, post):  # type: ignore[no-untyped-def]
        counted.append(post)
        return count(self, post)

    # A new build process: nothing counted in memory, only what the last check kept.
    monkeypatch.setattr(channels, "_X_COUNTS", {})
    monkeypatch.setattr(channels._XRules, "weighted_length", spy)
    checked.clear()
    check(hub)
    assert checked == ["messages/on-time.md"]
    assert counted == []
    message.write_text(text.replace("last year", "in 2025"), encoding="utf-8")
    check(hub)
    assert len(counted) == 1 and "in 2025" in counted[0]


def test_a_deleted_image_is_reported_though_its_story_passed_before(
    site: Callable[[str], Hub],
) -> None:
    hub = checked_once(site)
    (hub.content / "stories/images/truck.png").unlink()
    output = fails(hub)
    assert "content/stories/win-1.md:8: image: 'images/truck.png' does not exist" in output


def test_a_page_a_welcome_step_links_to_is_reported_once_it_is_gone(
    site: Callable[[str], Hub],
) -> None:
    hub = checked_once(site)
    (hub.content / "guidelines/voice.md").unlink()
    assert "step 2: link 'guidelines/voice.md' is not a page of the hub" in fails(hub)


def test_a_person_removed_from_authors_is_reported_and_a_new_one_checks_nothing(
    site: Callable[[str], Hub], checked: list[str]
) -> None:
    hub = checked_once(site)
    authors = hub.content / "authors.yml"
    people = authors.read_text(encoding="utf-8")
    authors.write_text(people + "carla:\n  name: Carla Gil\n", encoding="utf-8")
    checked.clear()
    check(hub)
    assert checked == []
    authors.write_text(people.replace("ana:", "anna:"), encoding="utf-8")
    assert "'ana' is not in authors.yml" in fails(hub)


def test_a_term_banned_in_the_settings_is_reported_in_a_post_that_passed(
    site: Callable[[str], Hub],
) -> None:
    hub = checked_once(site)
    add_settings(hub, "      banned_terms:\n        drivers: people\n")
    assert "'drivers' is not in our voice" in fails(hub)


def test_settings_that_only_say_how_to_build_check_nothing_again(
    site: Callable[[str], Hub], checked: list[str]
) -> None:
    hub = checked_once(site)
    add_settings(hub, "      parallel_build: false\n      search_shard_pages: 100\n")
    checked.clear()
    check(hub)
    assert checked == []


def test_a_post_with_a_problem_is_reported_on_every_check(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.write(
        "snippets/long.md",
        "---\ntitle: Long\ndate: 2026-02-01\n---\n" + "word " * 80 + "\n",
    )
    for _ in range(2):
        assert "too long for X" in fails(hub)


def test_a_broken_verdicts_file_means_a_full_check(
    site: Callable[[str], Hub], checked: list[str]
) -> None:
    hub = checked_once(site)
    (hub.root / VERDICTS).write_bytes(b'{"context": ')
    checked.clear()
    check(hub)
    assert "stories/win-1.md" in checked


class _Plant:
    """Unpickling this runs ``touch`` on the path it was made with."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os

        return (os.system, (f"touch {self.path}",))


@pytest.mark.parametrize("name", ["verdicts.pickle", "verdicts.json"])
def test_a_planted_pickle_in_the_cache_runs_nothing(
    site: Callable[[str], Hub], checked: list[str], tmp_path: Path, name: str
) -> None:
    import pickle

    hub = checked_once(site)
    ran = tmp_path / "ran"
    (hub.root / VERDICTS).with_name(name).write_bytes(pickle.dumps(_Plant(ran)))
    checked.clear()
    check(hub)
    assert not ran.exists()
    if name == "verdicts.json":  # nothing usable was read there: a full check
        assert "stories/win-1.md" in checked
    else:  # what an earlier version kept there is removed, not left to be read by one
        assert not (hub.root / VERDICTS).with_name(name).exists()


def test_a_planted_verdict_of_the_wrong_shape_means_a_full_check(
    site: Callable[[str], Hub], checked: list[str]
) -> None:
    import json

    hub = checked_once(site)
    stored = json.loads((hub.root / VERDICTS).read_text(encoding="utf-8"))
    for kept in stored["verdicts"].values():
        kept["item"]["title"] = {"__class__": "os.system"}
    (hub.root / VERDICTS).write_text(json.dumps(stored), encoding="utf-8")
    checked.clear()
    check(hub)
    assert "stories/win-1.md" in checked
