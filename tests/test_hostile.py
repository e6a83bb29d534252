"""A hub full of hostile Markdown and front matter builds into pages that contain none of it."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Elements, Hub

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href")
ALLOWED_FRAMES = ("https://www.youtube-nocookie.com/",)


def scheme(value: str) -> str:
    """The scheme a browser sees (WHATWG URL parsing): entities decoded, leading and trailing
    controls and spaces stripped, tabs and line breaks removed anywhere."""
    decoded = html.unescape(value).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b"
        "\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17"
        "\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    squeezed = re.sub(r"[\t\n\r]", "", decoded).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", squeezed)
    return match.group(1) if match else ""


def dangers(page: Path) -> list[str]:
    doc = Elements(page.read_text(encoding="utf-8"))
    found = []
    found += [f"script: {s[:60]}" for s in doc.scripts if "alert" in s]
    for tag, attrs in doc.elements:
        found += [f"{tag} {name}" for name in attrs if name.lower().startswith("on")]
        for name in URL_ATTRIBUTES:
            value = attrs.get(name) or ""
            if scheme(value) in ("javascript", "vbscript", "data"):
                found.append(f"{tag} {name}={value[:40]}")
        if tag in ("object", "embed") or (tag == "form" and "action" in attrs):
            found.append(tag)
        if tag == "iframe" and not (attrs.get("src") or "").startswith(ALLOWED_FRAMES):
            found.append(f"iframe {attrs.get('src')}")
        if tag == "script" and attrs.get("src") and "alert" in (attrs.get("src") or ""):
            found.append("script src")
    return found


@pytest.fixture
def hostile(site: Callable[[str], Hub]) -> Hub:
    hub = site("hostile")
    hub.build("--now", "2026-11-23T12:00")
    return hub


def test_no_page_carries_anything_executable(hostile: Hub) -> None:
    pages = list(hostile.site.rglob("*.html"))
    assert len(pages) > 5
    problems = {page.relative_to(hostile.site).as_posix(): dangers(page) for page in pages}
    assert {k: v for k, v in problems.items() if v} == {}


def test_safe_content_survives(hostile: Hub) -> None:
    home = hostile.page("")
    doc = Elements(home)
    assert doc.find("iframe", src="https://www.youtube-nocookie.com/embed/abc")
    assert "<strong>bold</strong> inside" in home
    assert "Welcome" in home and "friend." in home


def test_inline_json_cannot_be_closed_early(hostile: Hub) -> None:
    for page in hostile.site.rglob("*.html"):
        for block in re.findall(r"<script[^>]*>(.*?)</script>", page.read_text(), re.S):
            assert "<!--" not in block and "\u2028" not in block, page


def test_the_policy_can_be_switched_off_for_trusted_hubs(site: Callable[[str], Hub]) -> None:
    hub = site("hostile")
    config = hub.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "stories_per_page: 2", "stories_per_page: 2\n      html_sanitize: false"
        )
    )
    hub.build("--now", "2026-11-23T12:00")
    assert any("script: alert('inline')" in d for d in dangers(hub.site / "index.html"))


@pytest.mark.parametrize(
    ("image", "message"),
    [
        ("../../mkdocs.yml", "points outside the content folder"),
        ("../../content-secret/a.png", "points outside the content folder"),
        ("/../secret.png", "points outside the content folder"),
        ("C:\\\\secret.png", "points outside the content folder"),
        ("file:///etc/passwd", "points outside the content folder"),
    ],
)
def test_paths_that_leave_the_content_folder_are_refused(
    site: Callable[[str], Hub], image: str, message: str
) -> None:
    hub = site("basic")
    (hub.root / "content-secret").mkdir()
    (hub.root / "content-secret/a.png").write_bytes(b"secret")
    hub.write(
        "stories/escape.md",
        f"""---
title: Escape
date: 2026-03-03
team: Fleet
authors: [ana]
image: "{image}"
image_alt: Secret
---
Body.
""",
    )
    result = hub.run("build", "-d", str(hub.site))
    assert result.exit_code == 1
    assert (
        f"content/stories/escape.md:6: image: '{image.replace(chr(92) * 2, chr(92))}' {message}"
        in (result.stderr)
    )
    assert not hub.site.exists()


def test_a_symlink_out_of_the_content_folder_is_refused(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    (hub.root / "secret.txt").write_text("zqxsecret")
    (hub.content / "stories/images/leak.txt").symlink_to(hub.root / "secret.txt")
    (hub.content / "linked").symlink_to(hub.root, target_is_directory=True)
    result = hub.run("build", "-d", str(hub.site))
    assert result.exit_code == 1
    assert (
        "content/stories/images/leak.txt: is a link to something outside the content folder "
        "(copy the file into content/ instead of linking to it)"
    ) in result.stderr
    assert "content/linked: is a link to something outside the content folder" in result.stderr
    assert not hub.site.exists()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("guidelines/Voice.md", "guidelines/voice.md"),
        ("guidelines/caf\u00e9.md", "guidelines/cafe\u0301.md"),
        ("stories/Win-3.md", "stories/win-3.md"),
    ],
)
def test_two_sources_for_one_address_name_both_files(
    site: Callable[[str], Hub], first: str, second: str
) -> None:
    hub = site("basic")
    story = "---\ntitle: T\ndate: 2026-03-03\nteam: T\nauthors: [ana]\n---\nB\n"
    for rel in (first, second):
        hub.write(rel, story if rel.startswith("stories") else "---\ntitle: T\n---\nB\n")
    result = hub.run("check")
    assert result.exit_code == 1
    names = {f"content/{first}", f"content/{second}"}
    lines = [
        line
        for line in result.stderr.splitlines()
        if "also the slug" in line or "same address" in line
    ]
    assert len(lines) == 2, result.stderr
    for line in lines:
        assert sum(name in line for name in names) == 2, line


@pytest.mark.parametrize(
    "markup",
    [
        '<img alt="" src="images/truck.png" srcset="images/truck.png 1x, javascript:alert(1) 2x">',
        '<img alt="" src="images/truck.png" srcset="java&#9;script:alert(1)">',
        '<video src="images/truck.png" poster="javascript:alert(1)"></video>',
    ],
)
def test_no_output_carries_a_script_address_in_srcset_or_poster(
    site: Callable[[str], Hub], markup: str
) -> None:
    hub = site("basic")
    story = hub.content / "stories/win-1.md"
    story.write_text(story.read_text(encoding="utf-8") + f"\n{markup}\n", encoding="utf-8")
    hub.build("--now", "2026-11-23T12:00")
    outputs = [p for p in hub.site.rglob("*") if p.suffix in (".html", ".json", ".xml")]
    carrying = [
        p.relative_to(hub.site).as_posix()
        for p in outputs
        if "script:alert" in html.unescape(p.read_text(encoding="utf-8")).replace("\t", "")
    ]
    assert carrying == []
    assert "stories/win-1/index.html" in {p.relative_to(hub.site).as_posix() for p in outputs}
