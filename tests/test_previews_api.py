"""Link previews on every page, and the snippets API, read back from a real build."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jsonschema
from PIL import Image

from hub.socialcards import CardText, draw_card
from tests.conftest import ROOT, Elements, Hub

SITE_URL = "https://hub.testorg.com/"


def og_tags(html: str) -> dict[str, str]:
    doc = Elements(html)
    tags = {}
    for attrs in doc.find("meta"):
        key = attrs.get("property") or attrs.get("name")
        if key and (key.startswith("og:") or key.startswith("twitter:")):
            tags[key] = attrs.get("content") or ""
    return tags


def site_file(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site / urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path)


def test_every_page_has_a_link_preview_with_absolute_addresses(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    hub.build("--now", "2026-11-23T12:00")
    pages = [p for p in hub.site.rglob("index.html")]
    assert len(pages) > 15
    for page in pages:
        tags = og_tags(page.read_text())
        url = page.parent.relative_to(hub.site).as_posix()
        assert tags["og:url"] == SITE_URL + ("" if url == "." else f"{url}/"), page
        assert tags["og:title"] and tags["og:description"] is not None
        assert tags["twitter:card"] == "summary_large_image"
        image = site_file(hub.site, tags["og:image"])
        assert image.is_file(), page
        with Image.open(image) as picture:
            size = picture.size
        assert size == (int(tags["og:image:width"]), int(tags["og:image:height"]))
        if "/assets/cards/" in tags["og:image"]:
            assert size == (1200, 630)
    # A story with its own image uses it; the others get a drawn card.
    own = og_tags(hub.page("stories/win-1"))
    assert own["og:image"] == SITE_URL + "stories/images/truck.png"
    assert own["og:image:alt"] == "A small truck"
    assert "/assets/cards/" in og_tags(hub.page("stories/win-2"))["og:image"]
    # The later pages of a listing keep their own title but share the first page's card.
    later, first = og_tags(hub.page("stories/page/2")), og_tags(hub.page("stories"))
    assert later["og:title"] != first["og:title"] and later["og:image"] == first["og:image"]


def test_cards_change_address_with_their_title_and_are_cached(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    hub.build("--now", "2026-11-23T12:00")
    before = og_tags(hub.page("stories/win-2"))["og:image"]
    cached = sorted((hub.root / ".cache/brandhub/cards").glob("*.png"))
    assert cached and all((p.parent / f"{p.name}.sha256").is_file() for p in cached)
    story = hub.content / "stories/win-2.md"
    story.write_text(story.read_text().replace("Small win number 2", "A better title"))
    hub.build("--now", "2026-11-23T12:00")
    after = og_tags(hub.page("stories/win-2"))["og:image"]
    assert after != before and site_file(hub.site, after).is_file()
    # The cache keeps this site's cards only: the old title's is gone, the others stay.
    left = {p.name for p in (hub.root / ".cache/brandhub/cards").glob("*.png")}
    assert left == {p.name for p in (hub.site / "assets/cards").iterdir()}
    assert len(left) == len(cached) and Path(urlsplit(before).path).name not in left


def test_a_card_is_drawn_in_the_hubs_colours_exactly() -> None:
    card = CardText(
        title="Forty electric vans now make most of our deliveries in Valencia",
        kicker="Small win · Fleet",
        footer="Alcor · hub.alcor.example",
        background="#1F2937",
        foreground="#FFFFFF",
        accent="#F59E0B",
    )
    with Image.open(io.BytesIO(draw_card(card))) as drawn:
        assert drawn.size == (1200, 630) and drawn.mode == "P"
        pixels = drawn.convert("RGB")
    colours = {colour: count for count, colour in pixels.getcolors(1200 * 630) or []}
    assert max(colours, key=colours.__getitem__) == (0x1F, 0x29, 0x37)  # the background
    assert pixels.getpixel((10, 300)) == (0xF5, 0x9E, 0x0B)  # the accent's bar
    assert (255, 255, 255) in colours  # the title
    # Text edges are blends of the text's colour or the accent into the background, no more.
    assert len(colours) <= 32


def test_snippets_api_follows_its_schema_and_holds_only_published_posts(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    hub.write(
        "stories/draft-canary.md",
        (hub.content / "stories/draft-canary.md")
        .read_text()
        .replace("---\nBody", "share:\n  - text: zqxdraftshare\n---\nBody"),
    )
    hub.build("--now", "2026-11-23T12:00")
    raw = (hub.site / "api/snippets.json").read_text()
    document = json.loads(raw)
    schema = json.loads((ROOT / "hub/schemas/snippets.schema.json").read_text())
    jsonschema.validate(document, schema)
    assert "zqx" not in raw
    ids = [s["id"] for s in document["snippets"]]
    assert ids == ["hiring", "on-time-1"]
    hiring = document["snippets"][0]["variants"][0]
    assert hiring["text"] == "We are hiring drivers in Madrid. Come ride with us! #TestOrg"
    x = hiring["channels"]["x"]
    assert parse_qs(urlsplit(x["share_url"]).query)["text"] == [x["text"]]
    assert parse_qs(urlsplit(x["url"]).query)["utm_content"] == ["hiring"]
    assert (hub.site / "api/snippets.schema.json").is_file()
