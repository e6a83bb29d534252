"""Issue #27: content cannot clobber the ids the theme reads, the cache cannot run code, a
welcome journey's calendar cannot carry extra lines."""

from __future__ import annotations

import re

import pytest

from hub.sanitize import Policy


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
