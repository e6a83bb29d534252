"""Social cards: the 1200 by 630 image a network shows when a page without its own image is shared.

Drawn with Pillow in the hub's colours, in Noto Sans (shipped in hub/fonts, SIL Open Font
Licence: Latin, Greek and Cyrillic; nothing is downloaded) or the hub's own ``card_font``.
A card's file name is the hash of everything drawn on it, the fonts' bytes included (not their
paths, so every machine names a card alike), so a changed title gets a new URL
(LinkedIn caches preview images by URL) and an unchanged card is reused from the cache while
its bytes are those its seal says (hub.sealed): a card cut short or put there by hand is drawn
again.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageColor, ImageDraw, ImageFont

from hub.sealed import intact, seal

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
VERSION = 5  # bump when the drawing changes, so cached cards are redrawn
FONTS = Path(__file__).parent / "fonts"
REGULAR = str(FONTS / "NotoSans-Regular.ttf")  # the kicker and the footer
BOLD = str(FONTS / "NotoSans-Bold.ttf")  # the title
UNDRAWN = ("Cc", "Zl", "Zp")  # controls and line breaks: never drawn (raqm refuses some)
SHADES = 16  # from the background to the text's colour, and to the accent: a palette PNG


@dataclass(frozen=True)
class CardText:
    title: str
    kicker: str  # e.g. "Small win · Fleet Operations"
    footer: str  # the organisation and the hub's address
    background: str
    foreground: str
    accent: str
    font: str = REGULAR  # font files (TrueType or OpenType), absolute paths
    title_font: str = BOLD

    def digest(self) -> str:
        return _digest(self, font_digest(self.font), font_digest(self.title_font))


@lru_cache(maxsize=65536)  # a card's digest names its file in the cache and in the site
def _digest(card: CardText, font: str, title_font: str) -> str:
    fields = {**vars(card), "font": font, "title_font": title_font, "version": VERSION}
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()[:16]


def _stamp(path: str) -> tuple[str, int, int]:
    """The file and its version: a font replaced during a preview is read again."""
    stat = os.stat(path)
    return path, stat.st_mtime_ns, stat.st_size


def font_digest(path: str) -> str:
    return _font_digest(_stamp(path))


@lru_cache(maxsize=64)
def _font_digest(stamp: tuple[str, int, int]) -> str:
    return hashlib.sha256(Path(stamp[0]).read_bytes()).hexdigest()


def font_problem(path: Path) -> str | None:
    """Why cards cannot be drawn with the font file at ``path``: "missing", "not a font" or
    "damaged" (a letter's outline is broken); None: they can. Every letter it has is drawn
    once, small (0.1 s for Noto Sans), so that no card fails half-way through a build."""
    try:
        if not path.is_file():
            return "missing"
    except OSError:  # a name too long for the file system, say
        return "missing"
    try:
        font = ImageFont.truetype(str(path), 8)
        cmap = TTFont(str(path), lazy=True, fontNumber=0).getBestCmap() or {}
    except Exception:  # any file at all: fontTools raises whatever its parser meets
        return "not a font"
    letters = "".join(chr(code) for code in cmap if unicodedata.category(chr(code)) not in UNDRAWN)
    try:
        font.getmask(letters)
    except (OSError, RuntimeError):  # FreeType: "invalid outline"; raqm: "layout failed"
        return "damaged"
    return None


def characters(font: str) -> frozenset[int]:
    """The code points the font file has a glyph for (its cmap)."""
    return _characters(_stamp(font))


def undrawable(text: str, have: frozenset[int]) -> list[str]:
    """The characters of ``text`` not in ``have`` (a font's :func:`characters`: a card shows
    them as boxes), each once, in the order they come; spaces and invisible ones aside."""
    missing: list[str] = []
    for char in text:
        if ord(char) in have or char in missing or char.isspace():
            continue
        if unicodedata.category(char) != "Cf":  # a joiner or a soft hyphen draws nothing
            missing.append(char)
    return missing


@lru_cache(maxsize=8)
def _characters(stamp: tuple[str, int, int]) -> frozenset[int]:
    return frozenset(TTFont(stamp[0], lazy=True, fontNumber=0).getBestCmap() or {})


def sized_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """The font file at ``path`` in ``size`` points, loaded once a build (cards, app icons)."""
    return _load(_stamp(path), size)


@lru_cache(maxsize=32)
def _load(stamp: tuple[str, int, int], size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(stamp[0], size)  # loading the font file is the slow part


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def draw_card(card: CardText) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), card.background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, HEIGHT), fill=card.accent)
    small = sized_font(card.font, 30)
    # One line each: a paragraph separator (U+2029) in a team's name would make raqm fail.
    kicker, footer = (" ".join(text.split()) for text in (card.kicker, card.footer))
    draw.text((MARGIN, MARGIN), kicker.upper(), font=small, fill=card.accent)
    width = WIDTH - 2 * MARGIN
    top, bottom = MARGIN + 70, HEIGHT - MARGIN - 30 - 20  # between the kicker and the footer
    for size in (72, 62, 52, 44):  # the largest size at which the whole title fits
        font = sized_font(card.title_font, size)
        ascent, descent = font.getmetrics()
        room = 1 + (bottom - top - ascent - descent) // int(size * 1.22)
        lines = _wrap(draw, card.title, font, width)
        if len(lines) <= room:
            break
    if len(lines) > room:  # too long even at the smallest size: it ends in an ellipsis
        lines = lines[:room]
        words = lines[-1].split()
        while len(words) > 1 and draw.textlength(" ".join(words) + " …", font=font) > width:
            words.pop()
        lines[-1] = " ".join(words) + " …"
    for line in lines:
        draw.text((MARGIN, top), line, font=font, fill=card.foreground)
        top += int(size * 1.22)
    draw.text((MARGIN, HEIGHT - MARGIN - 30), footer, font=small, fill=card.foreground)
    out = io.BytesIO()
    # A card has three flat colours, and text edges blending the foreground or the accent into
    # the background: a palette of those blends holds every pixel, closer than an octree's 32
    # colours, in a sixth of the time (a first build draws thousands of cards).
    shades = _palette(card.background, card.foreground, card.accent)
    palette = image.quantize(palette=shades, dither=Image.Dither.NONE)
    palette.save(out, format="PNG")  # optimize= would triple the time for a few per cent
    return out.getvalue()


@lru_cache(maxsize=16)
def _palette(background_colour: str, *colours: str) -> Image.Image:
    """Each colour in ``SHADES`` steps from the background (the first of each is it)."""
    background = ImageColor.getrgb(background_colour)
    shades: list[int] = []
    for colour in colours:
        towards = ImageColor.getrgb(colour)
        for step in range(SHADES):
            shades += [
                round(a + (b - a) * step / (SHADES - 1))
                for a, b in zip(background[:3], towards[:3], strict=True)
            ]
    image = Image.new("P", (1, 1))
    image.putpalette(shades)
    return image


def cached_file(card: CardText, cache: Path) -> Path:
    """Where the card's PNG is kept in the cache folder (drawn or not)."""
    return cache / f"{card.digest()}.png"


def card_file(card: CardText, cache: Path) -> Path:
    """The card's PNG in the cache folder, drawn there if it was not drawn before.

    The build links the file into the site (hub.plugin's ``_CachedFile``; it copies where
    links fail), so thousands of cards are never all held in memory at once."""
    cached = cached_file(card, cache)
    if not intact(cached):
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f".{cached.name}.{os.getpid()}.part")
        partial.write_bytes(draw_card(card))
        partial.replace(cached)  # a build stopped half-way leaves no half-written card
        seal(cached)
    return cached
