"""Issue #27: content cannot clobber the ids the theme reads, the cache cannot run code, a
welcome journey's calendar cannot carry extra lines."""

from __future__ import annotations

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
