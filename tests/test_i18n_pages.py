"""A hub's pages speak its language: no Brandhub message of the other language on any page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from lxml import html

from tests.conftest import ROOT

PAGES = [
    "",
    "stories/",
    "stories/2026-11-monterrey-driver-academy/",
    "tags/",
    "tags/{onboarding}/",
    "authors/",
    "messages/",
    "campaigns/",
    "campaigns/welcome/",
    "snippets/",
    "snippets/electric-vans-valencia/",
    "messages/electric-last-mile/",
    # (not the guidelines' own index: the demo's content titles it "Brand guidelines", in
    # English, which is also a message of the hub's home page)
    "guidelines/social-media-policy/",
    "authors/ana-lozano/",
    "authors/lucia-ferrer/",  # an ambassador and buddy, with milestones and thanks
    "teams/",
    "teams/monterrey-hub/",
    "feeds/",
    "glossary/",
]
# The tag "onboarding" in each language of the demo.
TAGS = {"en": "onboarding", "es": "incorporacion"}
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|<[^>]+>")
# Modules whose messages only an editor reads (problems, hints, the command line), never a
# page: a piece of theirs such as "the number" may well be in a story's own English text.
FOR_EDITORS = {
    f"hub/{name}.py"
    for name in (
        "atomic",
        "cli",
        "exposure",
        "frontmatter",
        "importer",
        "kinds",
        "links",
        "load",
        "parallel",
        "problems",
        "project",
        "review",
        "scaffold",
        "schema",
        "search",
        "settings",
        "validate",
        "voice",
    )
}


def _messages(language: str, other: str) -> list[str]:
    """The catalogue's sentences of ``language`` that ``other`` says differently, cut at their
    placeholders and markup into the pieces a page shows whole (two words or more)."""

    def strings(code: str) -> dict[str, str]:
        path = ROOT / "hub" / "locale" / code / "LC_MESSAGES" / "brandhub.po"
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=code)
        found = {}
        for message in catalog:
            if message.id and not all(f in FOR_EDITORS for f, _ in message.locations):
                key = message.id if isinstance(message.id, str) else message.id[0]
                text = message.string if isinstance(message.string, str) else message.string[0]
                found[key] = text
        return found

    mine, theirs = strings(language), strings(other)
    pieces = set()
    for key, text in mine.items():
        if text == theirs.get(key):
            continue
        for piece in PLACEHOLDER.split(text):
            piece = piece.strip(" :,.→←")
            if len(piece.split()) >= 2 and piece not in theirs.values():
                pieces.add(piece)
    return sorted(pieces)


def _shown(page: Path) -> str:
    """What a reader sees or hears of a page: its text and its labels."""
    tree = html.fromstring(page.read_bytes())
    for hidden in tree.xpath("//script|//style"):
        hidden.drop_tree()
    labels = tree.xpath("//@aria-label|//@title|//@alt|//@placeholder")
    return " ".join([" ".join(tree.text_content().split()), *map(str, labels)])


@pytest.mark.parametrize(("language", "other"), [("es", "en"), ("en", "es")])
def test_no_page_shows_a_message_of_the_other_language(
    demo_build: Path, language: str, other: str
) -> None:
    site = demo_build / language
    foreign = _messages(other, language)
    assert len(foreign) > 40  # the check reads the catalogue, not an empty list
    for url in PAGES:
        url = url.format(onboarding=TAGS[language])
        shown = _shown(site / url / "index.html")
        leaks = [piece for piece in foreign if piece in shown]
        assert not leaks, f"{url or 'home'} ({language}) shows {other}: {leaks}"


def test_a_spanish_hub_writes_dates_titles_and_feeds_in_spanish(demo_spanish: Path) -> None:
    site = demo_spanish
    story = (site / "stories/2026-11-monterrey-driver-academy/index.html").read_text("utf-8")
    assert 'property="og:locale" content="es_ES"' in story
    assert "20 de noviembre de 2026" in story
    listing = (site / "stories/index.html").read_text("utf-8")
    assert "<title>Pequeños logros - Alcor Hub</title>" in listing
    feed = (site / "feeds/stories.rss.xml").read_text("utf-8")
    assert "<title>Alcor Logistics: Pequeños logros</title>" in feed
    journey = (site / "campaigns/welcome/index.html").read_text("utf-8")
    assert "Día 0" in journey and "Tu itinerario" in journey
    # The sections MkDocs names after the hub's folders, in the tabs and the menu.
    tabs = html.fromstring(story).xpath("//a[contains(@class, 'md-tabs__link')]/text()")
    shown = [" ".join(tab.split()) for tab in tabs]
    spanish = {"Guías", "Mensajes", "Campañas", "Historias", "Textos para compartir", "Glosario"}
    spanish |= {"Quién es quién"}  # the people directory, a tab of its own
    assert spanish <= set(shown), shown
    assert not {"Guidelines", "Messages", "Campaigns", "Stories", "Snippets", "Glossary"} & set(
        shown
    )
