"""Link previews: what a network shows when a page is shared (Open Graph and X card tags).

A page with a raster lead image of its own uses it; every other page gets a social card
drawn for it (``socialcards``). All addresses are absolute, as networks require.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from hub import i18n
from hub.i18n import N_, _
from hub.model import Hub, Item, Kind
from hub.problems import Problem
from hub.settings import Settings
from hub.socialcards import BOLD, HEIGHT, REGULAR, WIDTH, CardText, characters, undrawable

CARDS = "assets/cards"
RASTER = (".png", ".jpg", ".jpeg", ".gif", ".webp")
KICKERS = {
    Kind.STORY: N_("Small win"),
    Kind.MESSAGE: N_("Key message"),
    Kind.CAMPAIGN: N_("Campaign"),
    Kind.SNIPPET: N_("Share snippet"),
    Kind.GUIDELINE: N_("Brand guidelines"),
}


@dataclass(frozen=True)
class LinkPreview:
    type: str
    site_name: str
    title: str
    description: str
    url: str
    image: str
    width: int
    height: int
    image_alt: str
    locale: str | None = None
    published: str | None = None
    modified: str | None = None
    card: CardText | None = None  # to draw, when the page has no image of its own
    card_path: str | None = None  # where the card goes in the site


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def _card(title: str, kicker: str, settings: Settings, site_url: str) -> tuple[CardText, str]:
    host = site_url.split("://", 1)[-1].rstrip("/")
    card = CardText(
        title=title,
        kicker=kicker,
        footer=f"{settings.organisation} · {host}",
        background=settings.card_background,
        foreground=settings.card_text,
        accent=settings.card_accent,
        font=settings.card_font,
        title_font=settings.card_title_font,
    )
    return card, f"{CARDS}/{card.digest()}.png"


def _size(path: Path) -> tuple[int, int] | None:
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError):
        return None


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def preview(
    *,
    title: str,
    description: str,
    url: str,
    settings: Settings,
    site_url: str,
    item: Item | None = None,
    content_dir: Path | None = None,
    language: str | None = None,
    card_title: str | None = None,
) -> LinkPreview:
    """The page's Open Graph data; a social card is drawn with ``card_title`` (default: the
    title), so that the later pages of a listing share the first page's card."""
    common: dict[str, Any] = {
        "type": "article" if item is not None and item.date else "website",
        "site_name": settings.organisation,
        "title": title,
        "description": description,
        "url": _absolute(site_url, url),
        # A full locale (es_ES): a page in another language than the hub's names its own.
        "locale": i18n.full_locale(item.lang) if item and item.lang else settings.spoken.locale,
        "published": _iso(item.date) if item else None,
        "modified": _iso(item.updated) if item else None,
    }
    if item is not None and item.image and item.image.lower().endswith(RASTER) and content_dir:
        size = _size(content_dir / item.image)
        if size is not None:
            return LinkPreview(
                image=_absolute(site_url, item.image),
                width=size[0],
                height=size[1],
                image_alt=item.image_alt or title,
                **common,
            )
    kind = KICKERS.get(item.kind) if item else None
    kicker = _(kind) if kind else settings.organisation
    if item is not None and item.kind is Kind.STORY and item.team:
        kicker = f"{kicker} · {item.team}"
    card, path = _card(card_title or title, kicker, settings, site_url)
    return LinkPreview(
        image=_absolute(site_url, path),
        width=WIDTH,
        height=HEIGHT,
        image_alt=f"{card_title or title}, {settings.organisation}",
        card=card,
        card_path=path,
        **common,
    )


def card_notices(
    hub: Hub, settings: Settings, *, config_file: str, root: Path | None, organisation: str
) -> list[Problem]:
    """A warning for each page title, team and for the organisation that a social card would
    draw with boxes: letters its font has no glyph for. ``organisation``: the setting that
    names it (``brandhub.organisation`` or ``site_name``)."""
    notices: list[Problem] = []
    have = {font: characters(font) for font in (settings.card_font, settings.card_title_font)}

    def check(text: str, font: str, setting: str, file: str, line: int | None, field: str) -> None:
        missing = undrawable(text, have[font])
        if missing:
            message = _(
                "the card font %(font)s cannot draw %(characters)s "
                "(a social card shows them as boxes)",
                font=Path(font).name if font in (REGULAR, BOLD) else _shown(font, root),
                characters=", ".join(missing),
            )
            hint = _("set brandhub.%(setting)s to a font file that has them", setting=setting)
            notices.append(Problem(file, line, field, message, hint))

    check(settings.organisation, settings.card_font, "card_font", config_file, None, organisation)
    for item in hub.items:
        if item.image and item.image.lower().endswith(RASTER):
            continue  # its own picture is shown, no card is drawn
        line = item.lines.get("title")
        check(item.title, settings.card_title_font, "card_title_font", item.path, line, "title")
        if item.kind is Kind.STORY and item.team:
            line = item.lines.get("team")
            check(item.team.upper(), settings.card_font, "card_font", item.path, line, "team")
    return notices


def _shown(path: str, root: Path | None) -> str:
    """A font file as the editor wrote it: relative to the folder of mkdocs.yml."""
    try:
        return Path(path).relative_to(root or Path.cwd()).as_posix()
    except ValueError:
        return path
