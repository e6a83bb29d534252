"""The hub as an installable web app: its manifest (manifest.webmanifest), linked from every
page, so that a phone can put the hub on its home screen and open it like an app.

Chrome installs an app only with a 192 and a 512 pixel PNG icon, which a theme's SVG logo or
small favicon is not, so the hub draws both: its raster logo (or favicon) when one is large
enough, else the site name's first letter, on the card background. What they show stays
inside the middle circle of 80 % of their width, the safe zone of a "maskable" icon, so a
phone may crop them to any shape. Their bytes depend on the hub alone (Pillow writes no time
into a PNG), so two builds write the same icons.
"""

from __future__ import annotations

import io
import json
import math
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, UnidentifiedImageError

from hub.settings import Settings
from hub.socialcards import characters, sized_font

MANIFEST = "manifest.webmanifest"
TYPES = {"png": "image/png", "svg": "image/svg+xml", "webp": "image/webp", "ico": "image/x-icon"}
SIZES = (192, 512)  # what Chrome needs to install an app
SAFE = 0.8  # the safe zone's diameter, as a share of a maskable icon's width (W3C manifest)
SMALLEST = 192  # a smaller logo would be blurred when scaled up: the letter is drawn instead
RASTERS = ("PNG", "JPEG", "WEBP", "GIF", "ICO")  # what Pillow reads of a theme's images


def drawn_path(size: int) -> str:
    """Where the drawn icon of ``size`` pixels is in the site (assets/brandhub/ is the hub's
    own folder: content cannot take its place, hub.load)."""
    return f"assets/brandhub/icon-{size}.png"


TOUCH_ICON = drawn_path(SIZES[0])  # apple-touch-icon: the link Safari looks for first


@dataclass(frozen=True)
class Icon:
    src: str  # relative to the manifest, which is at the site's root
    type: str
    sizes: str  # "64x64", or "any" for a drawing
    purpose: str = "any"


def icon(path: str | None, file: Path | None) -> Icon | None:
    """The icon at ``path`` (as the theme names it), found at ``file`` (:func:`_find`)."""
    ending = (path or "").rpartition(".")[2].lower()
    if file is None or path is None or ending not in TYPES:
        return None
    return Icon(path.lstrip("/"), TYPES[ending], _sizes(file, ending))


def _find(path: str | None, folders: Sequence[Path]) -> Path | None:
    if not path or "://" in path:
        return None
    for folder in folders:
        file = folder / path.lstrip("/")
        if file.is_file():
            return file
    return None


def _sizes(file: Path, ending: str) -> str:
    if ending == "svg":
        return "any"
    if ending == "png":
        head = file.read_bytes()[:24]
        if head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR":
            width, height = struct.unpack(">II", head[16:24])
            return f"{width}x{height}"
    return "any"


def web_app(
    *,
    name: str,
    description: str,
    language: str,
    settings: Settings,
    favicon: str | None,
    logo: str | None,
    folders: Sequence[Path],
) -> dict[str, str | bytes]:
    """The manifest and the icons the hub draws for it, by their path in the site.
    ``favicon`` and ``logo``: as the theme names them, found in the first of ``folders``."""
    favicon_file, logo_file = _find(favicon, folders), _find(logo, folders)
    found = (icon(favicon, favicon_file), icon(logo, logo_file))
    theirs = [i for i in found if i is not None]
    picture = _raster(logo_file) or _raster(favicon_file)
    letter = _letter(name, settings.card_title_font)
    drawn = {
        size: draw_icon(
            size,
            background=settings.card_background,
            colour=settings.card_text,
            font=settings.card_title_font,
            letter=letter,
            logo=picture,
        )
        for size in SIZES
    }
    # Listed once for each purpose: what a maskable icon shows is inside its safe zone.
    ours = [
        Icon(drawn_path(size), "image/png", f"{size}x{size}", purpose)
        for purpose in ("any", "maskable")
        for size in SIZES
    ]
    text = manifest(
        name=name,
        description=description,
        language=language,
        settings=settings,
        icons=[*theirs, *ours],
    )
    return {MANIFEST: text, **{drawn_path(size): png for size, png in drawn.items()}}


def manifest(
    *, name: str, description: str, language: str, settings: Settings, icons: Sequence[Icon]
) -> str:
    """The manifest's JSON. Addresses are relative to the manifest, at the site's root, so
    the app opens the hub wherever it is served (site_url's path included)."""
    short = name if len(name) <= 12 else name.split()[0][:12]
    data = {
        "name": name,
        "short_name": short,
        "description": description,
        "lang": language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": settings.card_background,
        "background_color": settings.card_background,
        "icons": [
            {"src": i.src, "type": i.type, "sizes": i.sizes, "purpose": i.purpose} for i in icons
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _raster(file: Path | None) -> Image.Image | None:
    """The picture in ``file`` if it is a raster image at least SMALLEST pixels wide or high;
    None for a drawing (SVG), a small favicon or a file Pillow cannot read."""
    if file is None:
        return None
    try:
        with Image.open(file, formats=RASTERS) as image:
            return image.convert("RGBA") if max(image.size) >= SMALLEST else None
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        return None


def _letter(name: str, font: str) -> str:
    """The first letter or digit of the site's name that the font has, in capitals; "" if
    none (a name in a script the font lacks)."""
    have = characters(font)
    for char in name:
        if char.isalnum() and ord(char) in have:
            upper = char.upper()  # "ß" is "SS" in capitals: one letter only
            return upper if len(upper) == 1 and ord(upper) in have else char
    return ""


def draw_icon(
    size: int, *, background: str, colour: str, font: str, letter: str, logo: Image.Image | None
) -> bytes:
    """A square PNG of ``size`` pixels: the logo, or else the letter (else a dot), inside the
    safe zone, on the background. Two small images a build: drawn each time, in 30 ms."""
    canvas = Image.new("RGBA", (size, size), background)
    safe = SAFE * size
    if logo is not None:
        picture = logo
        # The largest box of the logo's shape inside the safe circle: its diagonal is `safe`.
        scale = safe / math.hypot(*picture.size)
        box = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
        picture = picture.resize(box, Image.Resampling.LANCZOS)
        canvas.alpha_composite(picture, ((size - box[0]) // 2, (size - box[1]) // 2))
    elif letter:
        points = round(size * 0.6)
        left, top, right, bottom = sized_font(font, points).getbbox(letter)
        diagonal = math.hypot(right - left, bottom - top)
        if diagonal > safe * 0.9:  # a wide letter (W, Ж) is made smaller to stay inside
            points = int(points * safe * 0.9 / diagonal)
        typeface = sized_font(font, points)
        left, top, right, bottom = typeface.getbbox(letter)
        # Centred on the letter's own outline, not on its line of text.
        at = ((size - right - left) / 2, (size - bottom - top) / 2)
        ImageDraw.Draw(canvas).text(at, letter, font=typeface, fill=colour)
    else:
        low, high = size / 2 - safe / 4, size / 2 + safe / 4
        ImageDraw.Draw(canvas).ellipse((low, low, high, high), fill=colour)
    out = io.BytesIO()
    canvas.convert("RGB").save(out, format="PNG", optimize=True)  # no time, no text chunks
    return out.getvalue()
