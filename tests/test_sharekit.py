"""Sharing beyond the hub: a campaign's share kit for partners, and the hub as a phone app."""

from __future__ import annotations

import io
import json
import math
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import html
from PIL import Image

from hub.settings import Settings
from hub.webapp import web_app
from tests.conftest import Hub

NOW = "2026-11-23T12:00"
CAMPAIGN = """---
title: Open day
summary: Our doors are open.
date: 2026-10-01
kind: event
starts: 2026-12-10
ends: 2026-12-12
hashtag: "#OpenDay"
share:
  - text: "Come to our open day"
---
Come and see.
"""
STORY = """---
title: Volunteers
date: 2026-11-01
team: Fleet
authors: [ana]
campaign: open-day
image: images/truck.png
image_alt: A small truck
share:
  - text: "Our volunteers are ready"
    hashtags: [Proud]
---
They are ready.
"""
SNIPPET = """---
title: Invite
date: 2026-11-02
campaign: open-day
variants:
  - "Second version of the invite"
---
First version of the invite.
"""
HIDDEN = {
    "snippets/draft.md": "---\ntitle: zqdraft\ndate: 2026-11-01\ndraft: true\n"
    "campaign: open-day\n---\nzqdrafttext\n",
    "snippets/later.md": "---\ntitle: zqlater\ndate: 2027-03-01\ncampaign: open-day\n"
    "image: zqlaterimg.png\nimage_alt: Later\n---\nzqlatertext\n",
    "stories/gone.md": "---\ntitle: zqgone\ndate: 2025-01-01\nexpires: 2026-06-01\n"
    "team: Fleet\nauthors: [ana]\ncampaign: open-day\nshare:\n  - text: zqgonetext\n---\nGone.\n",
}


def _open_day(hub: Hub) -> None:
    hub.write("campaigns/open-day.md", CAMPAIGN)
    hub.write("stories/volunteers.md", STORY)
    hub.write("snippets/invite.md", SNIPPET)


def _kit(site: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO((site / "campaigns/open-day/share-kit.zip").read_bytes()))


def test_a_campaign_share_kit_holds_every_post_image_hashtag_and_calendar(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    _open_day(hub)
    hub.build("--now", NOW)
    kit = _kit(hub.site)
    assert kit.namelist() == [
        "README.txt",
        "hashtag.txt",
        "images/truck.png",
        "open-day.ics",
        "posts/invite-1-v1.txt",
        "posts/invite-1-v2.txt",
        "posts/open-day-1.txt",
        "posts/volunteers-1.txt",
    ]
    link = (
        "https://hub.testorg.com/stories/volunteers/?utm_source=share-kit&utm_medium=employee-advocacy"
        "&utm_campaign=open-day&utm_content=volunteers-1"
    )
    assert kit.read("posts/volunteers-1.txt").decode() == (
        f"Our volunteers are ready #Proud\n\n{link}\n"
    )
    assert kit.read("posts/invite-1-v2.txt").decode().startswith("Second version of the invite")
    assert kit.read("hashtag.txt") == b"#OpenDay\n"
    assert kit.read("images/truck.png") == (hub.content / "stories/images/truck.png").read_bytes()
    assert kit.read("open-day.ics") == (hub.site / "campaigns/open-day/open-day.ics").read_bytes()
    readme = kit.read("README.txt").decode()
    assert "Campaign page: https://hub.testorg.com/campaigns/open-day/" in readme
    assert "- posts/: 4 posts, one text file each" in readme
    assert "If you work at Test Org, end your post with #TestOrg." in readme
    # The page offers it.
    tree = html.fromstring(hub.page("campaigns/open-day"))
    section = tree.xpath('//section[@class="bh-share-kit"]')[0]
    assert section.xpath("string(.//h2)") == "Share kit"
    assert "4 posts and 1 image, ready for partners to share." in section.text_content()
    assert section.xpath(".//a/@href") == ["share-kit.zip"]


def test_a_share_kit_is_the_same_bytes_in_every_build(
    site: Callable[[str], Hub], tmp_path: Path
) -> None:
    hub = site("basic")
    _open_day(hub)
    hub.build("--now", NOW)
    first = (hub.site / "campaigns/open-day/share-kit.zip").read_bytes()
    (hub.content / "stories/volunteers.md").touch()  # a newer file time changes nothing
    hub.run("build", "-d", str(tmp_path / "again"), "--now", "2026-11-24T08:00")
    assert (tmp_path / "again/campaigns/open-day/share-kit.zip").read_bytes() == first
    assert {info.date_time for info in _kit(hub.site).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_no_unpublished_item_goes_into_a_share_kit(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    _open_day(hub)
    for rel, text in HIDDEN.items():
        hub.write(rel, text)
    hub.write("snippets/zqlaterimg.png", (hub.content / "stories/images/truck.png").read_bytes())
    embargoed = CAMPAIGN.replace("date: 2026-10-01", "date: 2027-01-01")
    hub.write("campaigns/later-day.md", embargoed.replace("Open day", "zqlaterday"))
    hub.build("--now", NOW)
    assert [p.parent.name for p in hub.site.rglob("share-kit.zip")] == ["open-day"]
    kit = _kit(hub.site)
    everything = " ".join(kit.namelist()) + kit.read("README.txt").decode()
    everything += " ".join(kit.read(n).decode() for n in kit.namelist() if n.endswith(".txt"))
    assert "zq" not in everything
    assert len([n for n in kit.namelist() if n.startswith("posts/")]) == 4


def test_the_hub_is_an_installable_web_app(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.build("--now", NOW)
    data = json.loads((hub.site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert data["name"] == "Test Hub"
    assert data["short_name"] == "Test Hub"
    assert data["start_url"] == "./" and data["scope"] == "./"
    assert data["display"] == "standalone"
    assert data["theme_color"] == "#1F2937"  # card_background's default
    assert data["icons"][0] == {
        "src": "assets/images/favicon.png",
        "type": "image/png",
        "sizes": "48x48",
        "purpose": "any",
    }
    for url, href, touch in (
        ("", "manifest.webmanifest", "assets/brandhub/icon-192.png"),
        ("stories/win-1", "../../manifest.webmanifest", "../../assets/brandhub/icon-192.png"),
    ):
        tree = html.fromstring(hub.page(url))
        assert tree.xpath('//head/link[@rel="manifest"]/@href') == [href]
        assert tree.xpath('//head/link[@rel="apple-touch-icon"]/@href') == [touch]
    # Material's favicon is 48 pixels and there is no logo: the icons are the name's "T".
    for size in (192, 512):
        icon = _drawn_icon(hub.site, data, size)
        assert _colours_outside_the_safe_zone(icon) == {(0x1F, 0x29, 0x37)}
        assert icon.getpixel((size // 2, size // 3)) == (255, 255, 255)  # the T's bar


def test_the_demo_s_web_app_has_the_icons_chrome_installs(demo_site: Path) -> None:
    data = json.loads((demo_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    for size in (192, 512):
        icon = _drawn_icon(demo_site, data, size)  # its logo is an SVG: "A" on teal
        assert _colours_outside_the_safe_zone(icon) == {(0x0F, 0x5C, 0x63)}
        assert (255, 255, 255) in {colour for _count, colour in icon.getcolors(size * size)}


def test_a_raster_logo_is_the_web_app_s_icon(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    logo = io.BytesIO()
    Image.new("RGBA", (600, 200), (200, 0, 0, 255)).save(logo, format="PNG")
    hub.write("images/logo.png", logo.getvalue())
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  name: material\n", "  name: material\n  logo: images/logo.png\n"
    )
    config.write_text(text, encoding="utf-8")
    hub.build("--now", NOW)
    data = json.loads((hub.site / "manifest.webmanifest").read_text(encoding="utf-8"))
    first = {
        size: (hub.site / f"assets/brandhub/icon-{size}.png").read_bytes() for size in (192, 512)
    }
    for size in (192, 512):
        icon = _drawn_icon(hub.site, data, size)
        assert _colours_outside_the_safe_zone(icon) == {(0x1F, 0x29, 0x37)}  # maskable
        assert icon.getpixel((size // 2, size // 2)) == (200, 0, 0)
    hub.build("--now", NOW)  # the same bytes again: no time in a PNG
    for size, png in first.items():
        assert (hub.site / f"assets/brandhub/icon-{size}.png").read_bytes() == png


def test_a_name_the_font_cannot_draw_gets_a_dot() -> None:
    drawn = web_app(
        name="東京",
        description="",
        language="ja",
        settings=Settings(organisation="Org"),
        favicon=None,
        logo=None,
        folders=[],
    )
    png = drawn["assets/brandhub/icon-192.png"]
    assert isinstance(png, bytes)
    icon = Image.open(io.BytesIO(png))
    assert icon.getpixel((96, 96)) == (255, 255, 255)


def _drawn_icon(site: Path, manifest: dict[str, Any], size: int) -> Image.Image:
    """The drawn icon of ``size`` pixels the manifest lists, for both purposes."""
    listed = [i for i in manifest["icons"] if i["sizes"] == f"{size}x{size}"]
    assert {i["purpose"] for i in listed} == {"any", "maskable"}
    assert {(i["src"], i["type"]) for i in listed} == {
        (f"assets/brandhub/icon-{size}.png", "image/png")
    }
    image = Image.open(site / listed[0]["src"])
    assert image.format == "PNG" and image.size == (size, size)
    return image.convert("RGB")


def _colours_outside_the_safe_zone(image: Image.Image) -> set[Any]:
    """What a phone may crop away of a maskable icon: outside the middle circle of 80 %."""
    size = image.width
    return {
        image.getpixel((x, y))
        for x in range(0, size, 2)
        for y in range(0, size, 2)
        if math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) > 0.4 * size + 1
    }
