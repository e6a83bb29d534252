"""The glossary: definitions as tooltips on every page, and a page of terms A to Z."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lxml import html

from tests.conftest import Hub

GLOSSARY = """\
cross-docking:
  definition: "Goods go from one truck straight to another."
  aka: [cross-dock]
last mile: "The final leg, to the customer's door."
Zebra crossing: "Where people cross."
álbum: "A book of pictures."
Banco: "Where money sleeps."
ñandú: "A large bird."
nube: "Where files live."
"""
STORY = """---
title: Docks
date: 2026-01-10
team: Fleet
authors: [ana]
---
Our cross-dock in Zaragoza made the last mile shorter. Last mile drivers agree.

`cross-docking` in code stays as it is.
"""


def _terms(page: str) -> list[tuple[str, list[str]]]:
    tree = html.fromstring(page)
    return [
        (section.xpath("string(.//h2)"), [dt.text_content() for dt in section.xpath(".//dt")])
        for section in tree.xpath('//section[@class="bh-glossary__letter"]')
    ]


def test_a_term_shows_its_definition_wherever_it_appears(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.write("glossary.yml", GLOSSARY)
    hub.write("stories/docks.md", STORY)
    hub.build("--now", "2026-11-23T12:00")
    tree = html.fromstring(hub.page("stories/docks"))
    marked = [(a.text, a.get("title")) for a in tree.xpath("//article//abbr")]
    assert marked == [
        ("cross-dock", "Goods go from one truck straight to another."),
        ("last mile", "The final leg, to the customer's door."),
        ("Last mile", "The final leg, to the customer's door."),
    ]
    assert tree.xpath("//code")[0].text == "cross-docking"
    # The file itself is the hub's, not the site's.
    assert not (hub.site / "glossary.yml").exists()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                ("A", ["álbum"]),
                ("B", ["Banco"]),
                ("C", ["cross-docking"]),
                ("L", ["last mile"]),
                ("N", ["ñandú", "nube"]),
                ("Z", ["Zebra crossing"]),
            ],
        ),
        (
            "es",
            [
                ("A", ["álbum"]),
                ("B", ["Banco"]),
                ("C", ["cross-docking"]),
                ("L", ["last mile"]),
                ("N", ["nube"]),
                ("Ñ", ["ñandú"]),
                ("Z", ["Zebra crossing"]),
            ],
        ),
    ],
)
def test_the_glossary_page_lists_terms_a_to_z_in_the_hubs_language(
    site: Callable[[str], Hub], language: str, expected: list[tuple[str, list[str]]]
) -> None:
    hub = site("basic")
    config = hub.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "name: material", f"name: material\n  language: {language}"
        ),
        encoding="utf-8",
    )
    hub.write("glossary.yml", GLOSSARY)
    hub.build("--now", "2026-11-23T12:00")
    page = hub.page("glossary")
    assert _terms(page) == expected
    title = "Glossary" if language == "en" else "Glosario"
    assert f"<title>{title} - Test Hub</title>" in page
    home = html.fromstring(hub.page(""))
    assert title in [a.text_content().strip() for a in home.xpath("//nav//a")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- cross-docking\n",
            "content/glossary.yml:1: expected terms, each with its definition "
            "(write 'term: definition', one term a line)",
        ),
        (
            "OTIF:\n  aka: [on time in full]\n",
            "content/glossary.yml:2: OTIF.definition: is required",
        ),
        (
            "OTIF:\n  definiton: On time, in full.\n",
            "content/glossary.yml:2: OTIF.definiton: unknown key",
        ),
        (
            "OTIF: [On time, in full]\n",
            "content/glossary.yml:1: OTIF: expected a definition (write 'term: definition', "
            "or 'definition:' and 'aka:' indented below it)",
        ),
        (
            "cross-docking: One truck to another.\ncross-dock:\n  definition: The place.\n"
            "  aka: [Cross-Docking]\n",
            "content/glossary.yml:2: cross-dock: 'Cross-Docking' is in the glossary already, "
            "as cross-docking (define each term once; list its other names under 'aka')",
        ),
    ],
    ids=["a list", "no definition", "misspelt key", "not a text", "defined twice"],
)
def test_a_bad_glossary_is_refused_with_file_line_and_term(
    site: Callable[[str], Hub], text: str, expected: str
) -> None:
    hub = site("basic")
    hub.write("glossary.yml", text)
    result = hub.run("build", "-d", str(hub.site))
    assert result.exit_code == 1
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.output
    assert not hub.site.exists()


def test_glossary_is_a_folder_of_the_hub_itself(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.write("glossary/terms.md", "---\ntitle: Terms\n---\nBody\n")
    hub.write("glossary/list.pdf", b"%PDF-1.4")
    result = hub.run("check")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(
        line.startswith(
            "content/glossary/terms.md: its address /glossary/terms/ is made by the hub"
        )
        for line in lines
    ), result.stderr
    assert any(
        line.startswith("content/glossary/list.pdf: is where the theme or the hub writes")
        for line in lines
    ), result.stderr
