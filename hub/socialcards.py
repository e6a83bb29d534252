"""Social cards: the 1200 by 630 image a network shows when a page without its own image is shared.

Drawn with Pillow in the hub's colours, with the font Pillow ships (nothing is downloaded).
A card's file name is the hash of everything drawn on it, so a changed title gets a new URL
(LinkedIn caches preview images by URL) and an unchanged card is reused from the cache while
its bytes are those its seal says (hub.sealed): a card cut short or put there by hand is drawn
again.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont

from hub.sealed import intact, seal

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
VERSION = 4  # bump when the drawing changes, so cached cards are redrawn
SHADES = 16  # from the background to the text's colour, and to the accent: a palette PNG


@dataclass(frozen=True)
class CardText:
    title: str
    kicker: str  # e.g. "Small win · Fleet Operations"
    footer: str  # the organisation and the hub's address
    background: str
    foreground: str
    accent: str

    def digest(self) -> str:
        return _digest(self)


@lru_cache(maxsize=65536)  # a card's digest names its file in the cache and in the site
def _digest(card: CardText) -> str:
    data = json.dumps({**vars(card), "version": VERSION}, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()[:16]


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)  # loading the font file is the slow part


def _wrap(draw: ImageDraw.ImageDraw, text: str, size: int, width: int) -> list[str]:
    font = _font(size)
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
    draw.text((MARGIN, MARGIN), card.kicker.upper(), font=_font(30), fill=card.accent)
    width = WIDTH - 2 * MARGIN
    for size in (72, 62, 52, 44):  # the largest size at which the title fits in five lines
        lines = _wrap(draw, card.title, size, width)
        if len(lines) <= 5:
            break
    lines = lines[:5]
    top = MARGIN + 70
    for line in lines:
        draw.text((MARGIN, top), line, font=_font(size), fill=card.foreground)
        top += int(size * 1.22)
    draw.text((MARGIN, HEIGHT - MARGIN - 30), card.footer, font=_font(30), fill=card.foreground)
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
