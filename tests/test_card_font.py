"""Social cards draw every letter of a title: the font they ship, and a hub's own."""

from __future__ import annotations

import hashlib
import io
import random
import shutil
import string
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont
from PIL import Image

from hub.socialcards import CardText, draw_card
from tests.conftest import ROOT, Hub
from tests.test_previews_api import og_tags, site_file

NOW = "2026-11-23T12:00"
SAMPLE = "Ñandú Pañería Ça Ø ł ß € Ελλάδα Привет"
WORDS = ["Panadería", "Ñandú", "Ça", "Øre", "łódź", "Straße", "€", "Ελλάδα", "Привет"]
BOX = "\ue000"  # a private-use character no font here has: drawn as the missing-glyph box
NOTO = ROOT / "hub/fonts/NotoSans-Regular.ttf"


def card(title: str, kicker: str = "Small win · Fleet", **fonts: str) -> CardText:
    return CardText(
        title=title,
        kicker=kicker,
        footer="Test Org · hub.testorg.com",
        background="#1F2937",
        foreground="#FFFFFF",
        accent="#F59E0B",
        **fonts,
    )


def boxed(text: str) -> str:
    """The text with every letter beyond ASCII (but the kicker's dot) replaced by one no font
    can draw."""
    return "".join(c if c.isascii() or c == "·" else BOX for c in text)


def pixels(png: bytes) -> str:
    """What the image shows (a digest of its colours, pixel by pixel)."""
    with Image.open(io.BytesIO(png)) as image:
        return hashlib.sha256(image.convert("RGB").tobytes()).hexdigest()


def subset(target: Path, letters: str) -> Path:
    """Noto Sans cut down to ``letters``: a hub's brand font that lacks the others."""
    font = TTFont(NOTO)
    subsetter = Subsetter(Options())
    subsetter.populate(text=letters)
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(target)
    return target


def story(title: str, team: str = "Fleet") -> str:
    return f"---\ntitle: {title}\ndate: 2026-03-01\nteam: {team}\nauthors: [ana]\n---\nBody.\n"


def with_settings(hub: Hub, lines: str) -> None:
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - brandhub:\n", f"  - brandhub:\n{lines}"))


def test_the_shipped_fonts_have_every_latin_greek_and_cyrillic_letter_of_the_sample() -> None:
    shipped = card("x")
    for path in {shipped.font, shipped.title_font}:
        assert Path(path).parent == ROOT / "hub/fonts"
        assert (Path(path).parent / "OFL.txt").is_file()  # the licence travels with it
        cmap = TTFont(path).getBestCmap()
        assert [c for c in SAMPLE if not c.isspace() and ord(c) not in cmap] == []


@pytest.mark.parametrize("word", WORDS)
def test_a_card_draws_each_letter_not_the_missing_glyph_box(word: str) -> None:
    assert pixels(draw_card(card(f"Hola {word}"))) != pixels(draw_card(card(f"Hola {boxed(word)}")))
    kicker = f"Small win · {word}"
    assert pixels(draw_card(card("x", kicker))) != pixels(draw_card(card("x", boxed(kicker))))


def test_a_kicker_or_footer_is_drawn_on_one_line_whatever_its_line_breaks() -> None:
    # A paragraph separator (YAML's "\u2029") made Pillow's layout fail: no card, no build.
    assert draw_card(card("x", "Small win · A\u2029B")) == draw_card(card("x", "Small win · A B"))
    footer = replace(card("x"), footer="Test\x85Org · hub.testorg.com")
    assert draw_card(footer) == draw_card(card("x"))


def test_a_built_hubs_card_shows_a_spanish_title_in_the_shipped_font(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    title = "Ñandú, la panadería de Logroño, ya reparte en Ávila con furgonetas eléctricas"
    hub.write("stories/panaderia.md", story(title, team="Panadería"))
    hub.build("--now", NOW)
    drawn = site_file(hub.site, og_tags(hub.page("stories/panaderia"))["og:image"]).read_bytes()
    assert drawn == draw_card(card(title, "Small win · Panadería"))
    as_boxes = draw_card(card(boxed(title), boxed("Small win · Panadería")))
    assert pixels(drawn) != pixels(as_boxes)


def test_a_hub_draws_its_cards_in_its_own_font_and_hears_what_it_cannot_draw(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    brand = subset(hub.root / "brand/Brand.ttf", string.printable + "·ñáéíóú")
    with_settings(hub, "      card_font: brand/Brand.ttf\n")
    title = "Καλημέρα from the Athens depot"
    hub.write("stories/athens.md", story(title))
    result = hub.build("--now", NOW)
    # A warning, not an error: the card is still drawn, with boxes where letters are missing.
    assert (
        "content/stories/athens.md:2: title: the card font brand/Brand.ttf cannot draw "
        f"{', '.join(dict.fromkeys('Καλημέρα'))} (a social card shows them as boxes)"
    ) in result.stderr
    path = site_file(hub.site, og_tags(hub.page("stories/athens"))["og:image"])
    drawn = path.read_bytes()
    assert drawn == draw_card(card(title, font=str(brand), title_font=str(brand)))
    assert pixels(drawn) != pixels(draw_card(card(title)))
    # A new version of the brand font draws the cards again, at new addresses.
    subset(brand, string.printable + "·ñáéíóúΚαληέρμ")
    result = hub.build("--now", NOW)
    assert "cannot draw" not in result.stderr
    again = site_file(hub.site, og_tags(hub.page("stories/athens"))["og:image"])
    assert again.name != path.name and again.read_bytes() != drawn


def test_a_cards_address_follows_the_fonts_bytes_not_where_they_are(tmp_path: Path) -> None:
    here, there = tmp_path / "a/Brand.ttf", tmp_path / "b/Brand.ttf"
    for path in (here, there):
        path.parent.mkdir()
        shutil.copy(NOTO, path)
    # The shipped font's bytes: the same name as the shipped font, wherever Brandhub is.
    assert card("x", font=str(here)).digest() == card("x", font=str(there)).digest()
    assert card("x", font=str(here)).digest() == card("x").digest()
    assert card("x", title_font=str(here)).digest() != card("x").digest()  # not the bold


def damaged() -> bytes:
    """Noto Sans with 20 KB of noise where its outlines are: the file still opens."""
    font = bytearray(NOTO.read_bytes())
    noise = random.Random(1)
    font[71445:91445] = bytes(noise.randrange(256) for _ in range(20000))
    return bytes(font)


@pytest.mark.parametrize(
    "key, content, expected",
    [
        ("card_font", None, "brandhub.card_font: brand/Brand.ttf not found"),
        (
            "card_title_font",
            b"not a font",
            "brandhub.card_title_font: brand/Brand.ttf is not a font",
        ),
        (
            "card_font",
            NOTO.read_bytes()[:4000],
            "brandhub.card_font: brand/Brand.ttf is not a font",
        ),
        (
            "card_font",
            damaged(),
            "brandhub.card_font: brand/Brand.ttf is damaged: some of its letters cannot be drawn",
        ),
    ],
    ids=["missing", "text", "cut-short", "damaged"],
)
def test_a_card_font_that_is_missing_or_not_a_font_is_a_clear_problem(
    site: Callable[[str], Hub], key: str, content: bytes | None, expected: str
) -> None:
    hub = site("basic")
    if content is not None:
        (hub.root / "brand").mkdir()
        (hub.root / "brand/Brand.ttf").write_bytes(content)
    with_settings(hub, f"      {key}: brand/Brand.ttf\n")
    result = hub.run("check")
    assert result.exit_code == 1
    assert f"mkdocs.yml: {expected}" in result.stderr
    assert "relative to the folder of mkdocs.yml" in result.stderr  # the hint
    assert "Traceback" not in result.output


def test_a_card_font_path_too_long_for_the_disk_is_not_found(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    name = "a" * 300 + ".ttf"  # longer than a file name may be: the system refuses to look
    with_settings(hub, f"      card_font: {name}\n")
    result = hub.run("check")
    assert result.exit_code == 1
    assert f"mkdocs.yml: brandhub.card_font: {name} not found" in result.stderr
