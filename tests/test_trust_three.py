"""Issue #27: content cannot clobber the ids the theme reads, the cache cannot run code, a
welcome journey's calendar cannot carry extra lines."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from hub.sanitize import Policy
from tests.conftest import Hub, different_files

NOW = "2026-03-01T12:00:00+01:00"


@pytest.mark.parametrize(
    "html",
    [
        '<div id="__config">{"base": "https://evil.example"}</div>',
        '<p id="__CONFIG ">x</p>',
        '<a name="__search" href="#x">x</a>',
        '<h2 id="bh-search-results">x</h2>',
        '<img id="__palette_0" src="a.png" alt="">',
    ],
)
def test_content_cannot_take_an_id_the_theme_or_brandhub_reads(html: str) -> None:
    cleaned = Policy(()).clean(html)
    assert not re.search(r"""\b(id|name)="(__|bh-)""", cleaned, re.IGNORECASE), cleaned
    assert ">" in cleaned  # the element itself stays, only the id goes


def test_a_story_keeps_its_own_ids_and_code_line_anchors() -> None:
    html = '<h2 id="our-year">Our year</h2><span id="__codelineno-0-1"></span>'
    assert Policy(()).clean(html) == html


CACHE = ".cache/brandhub"


def _plant(cache: Path) -> int:
    """Cut every kept card short, overwrite every kept feed and API line, and add a script to
    every kept search bundle, as someone who can write the cache folder could; how many."""
    planted = 0

    def replace(path: Path, data: bytes) -> None:
        path.unlink()  # kept files are linked into the site: a new file, not the same one
        path.write_bytes(data)

    for card in (cache / "cards").glob("*.png"):
        replace(card, card.read_bytes()[:100])
        planted += 1
    for made in (cache / "made").iterdir():
        if not made.name.endswith(".sha256"):
            replace(made, b"PLANTED")
            planted += 1
    lines = cache / "api/snippets.lines"
    if lines.is_file():
        text = lines.read_text(encoding="utf-8")
        replace(lines, re.sub(r"\t.*", '\t{"text": "PLANTED"}', text).encode())
        planted += 1
    for bundle in (cache / "search").iterdir():
        if bundle.is_dir():
            (bundle / "planted.js").write_text("PLANTED", encoding="utf-8")
            planted += 1
    return planted


def test_nothing_planted_in_the_cache_reaches_the_site(
    site: Callable[[str], Hub], tmp_path: Path
) -> None:
    hub = site("basic")
    hub.build("--now", NOW)
    first = hub.site.rename(tmp_path / "first")
    assert _plant(hub.root / CACHE) >= 4
    hub.build("--now", NOW)
    assert different_files(first, hub.site) == []
    found = [p for p in hub.site.rglob("*") if p.is_file() and b"PLANTED" in p.read_bytes()]
    assert found == []
    assert not list(hub.site.glob("pagefind/**/planted.js"))
    # and the cache holds good copies again: a third build is the same
    hub.build("--now", NOW)
    assert different_files(first, hub.site) == []


def _check(hub: Hub) -> str:
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    return result.output


def test_a_named_pipe_in_the_content_folder_is_refused_not_waited_for(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    os.mkfifo(hub.content / "stories/x.md")
    os.mkfifo(hub.content / "stories/images/y.png")
    output = _check(hub)  # a read of the pipe would wait for ever: the test would hang
    assert "content/stories/x.md: is not a file but a named pipe" in output
    assert "content/stories/images/y.png: is not a file but a named pipe" in output


def test_links_that_lead_nowhere_are_refused(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    (hub.content / "stories/loop.md").symlink_to("loop.md")
    (hub.content / "stories/gone.md").symlink_to("nowhere.md")
    (hub.content / "guidelines/circle").symlink_to("circle")
    output = _check(hub)
    for name in ("stories/loop.md", "stories/gone.md", "guidelines/circle"):
        assert f"content/{name}: is a link that leads nowhere" in output


def test_an_unreadable_file_is_named(
    site: Callable[[str], Hub], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = site("basic")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # as without read permission (root reads anything)
        if self.name == "win-1.md":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert "content/stories/win-1.md: could not be read: Permission denied" in _check(hub)


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("updated: 2206-01-01", "updated: '2206-01-01' is not between the years 1970 and 2099"),
        ("date: 0001-01-01", "date: '0001-01-01' is not between the years 1970 and 2099"),
        ('title: "One\\nATTENDEE:mailto:x@evil.example"', "title: is on more than one line"),
        ("tags: [" + "a" * 300 + "]", "tags: item 1: is 300 characters long, more than 60"),
        ("tags: [" + ", ".join(f"t{n}" for n in range(1000)) + "]", "tags: has 1000 items"),
        ("slug: " + "a" * 300, "slug: '" + "a" * 300 + "' is not allowed"),
    ],
)
def test_values_no_output_can_carry_are_refused_with_file_line_and_field(
    site: Callable[[str], Hub], front: str, expected: str
) -> None:
    hub = site("basic")
    story = hub.content / "stories/win-1.md"
    text = story.read_text(encoding="utf-8")
    key = front.split(":", 1)[0]
    lines = [line for line in text.splitlines() if not line.startswith(f"{key}:")]
    lines.insert(1, front)
    story.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert f"content/stories/win-1.md:2: {expected}" in _check(hub)


def test_an_event_ending_in_the_year_9999_is_refused_once(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.write(
        "campaigns/launch.md",
        "---\ntitle: Launch\ndate: 2026-01-01\nkind: event\n"
        "starts: 2026-02-01\nends: 9999-12-31\n---\nBody.\n",
    )
    output = _check(hub)
    assert "content/campaigns/launch.md:6: ends: '9999-12-31' is not between the years" in output
    assert "1 problem found" in output  # not also "an event needs starts and ends"


def test_a_person_id_too_long_for_a_folder_name_is_refused(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    authors = hub.content / "authors.yml"
    authors.write_text(
        authors.read_text(encoding="utf-8") + "a" * 300 + ":\n  name: Long\n", encoding="utf-8"
    )
    assert "is not a valid id (use lowercase letters, digits and dashes (80 at most))" in _check(
        hub
    )
