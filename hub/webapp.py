"""The hub as an installable web app: its manifest (manifest.webmanifest), linked from every
page, so that a phone can put the hub on its home screen and open it like an app."""

from __future__ import annotations

import json
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hub.settings import Settings

MANIFEST = "manifest.webmanifest"
TYPES = {"png": "image/png", "svg": "image/svg+xml", "webp": "image/webp", "ico": "image/x-icon"}


@dataclass(frozen=True)
class Icon:
    src: str  # relative to the manifest, which is at the site's root
    type: str
    sizes: str  # "64x64", or "any" for a drawing


def icon(path: str | None, folders: Sequence[Path]) -> Icon | None:
    """The icon at ``path`` (as the theme names it) in the first of ``folders`` that has it."""
    if not path or "://" in path:
        return None
    ending = path.rpartition(".")[2].lower()
    if ending not in TYPES:
        return None
    for folder in folders:
        file = folder / path.lstrip("/")
        if file.is_file():
            return Icon(path.lstrip("/"), TYPES[ending], _sizes(file, ending))
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
        "icons": [{"src": i.src, "type": i.type, "sizes": i.sizes} for i in icons],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
