"""Unpublished content appears in no output at all: the canary test, and links that would leak."""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Hub

NOW = "2026-11-23T12:00:00+01:00"
STATES = {
    # state: front-matter lines that make it so
    "draft": "date: 2026-01-10\ndraft: true",
    "embargoed": "date: 2027-03-01T09:00:00+01:00",
    "expired": "date: 2025-01-10\nexpires: 2026-06-01",
}
KINDS = {
    # kind: (folder, extra front matter)
    "story": ("stories", "team: Fleet\nauthors: [ben]"),
    "message": ("messages", "pillar: Reliability\nproof_points: [A fact]"),
    "campaign": ("campaigns", "kind: brand\nstarts: 2026-01-10\nends: 2027-12-31"),
    "snippet": ("snippets", ""),
    "guideline": ("guidelines", ""),
    "page": ("more", ""),
}
FIELDS = ("title", "body", "summary", "tag", "slug", "share", "img")


def canary(kind: str, state: str, field: str) -> str:
    return f"zq{kind}{state}{field}"


def plant(hub: Hub) -> list[str]:
    planted = []
    for kind, (folder, extra) in KINDS.items():
        for state, dates in STATES.items():
            c = {f: canary(kind, state, f) for f in FIELDS}
            shutil.copy(
                hub.content / "stories/images/truck.png",
                hub.content / folder / f"{c['img']}.png"
                if (hub.content / folder).is_dir()
                else _mkdir(hub.content / folder) / f"{c['img']}.png",
            )
            hub.write(
                f"{folder}/{kind}-{state}.md",
                f"""---
title: "{c["title"]}"
summary: "{c["summary"]}"
{dates}
tags: [{c["tag"]}]
slug: {c["slug"]}
image: {c["img"]}.png
image_alt: A picture
share:
  - text: "{c["share"]}"
{extra}
---
Body {c["body"]} with ![inline]({c["img"]}.png).
""",
            )
            planted += c.values()
    return planted


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def readable(site: Path) -> Iterator[tuple[Path, str]]:
    """Every output file as text: raw, URL-decoded, and JSON unescaped; gzip opened."""
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":  # gzip, and the search index's compressed files
            raw = gzip.decompress(raw)
        text = raw.decode("utf-8", errors="replace")
        yield path, text
        yield path, unquote(text)
        if path.suffix == ".json":
            yield path, json.dumps(json.loads(text), ensure_ascii=False)
        yield path, path.relative_to(site).as_posix()


def leaks(site: Path, planted: list[str]) -> set[str]:
    found = set()
    for _path, text in readable(site):
        found |= {c for c in planted if c in text}
    return found


@pytest.fixture
def planted_hub(site: Callable[[str], Hub]) -> tuple[Hub, list[str]]:
    hub = site("basic")
    return hub, plant(hub)


def test_unpublished_items_of_every_kind_leave_no_trace(planted_hub: tuple[Hub, list[str]]) -> None:
    hub, planted = planted_hub
    hub.build("--now", NOW)
    assert leaks(hub.site, planted) == set()


def test_they_appear_once_their_moment_comes(planted_hub: tuple[Hub, list[str]]) -> None:
    hub, planted = planted_hub
    hub.build("--now", "2027-03-01T09:00:00+01:00")
    found = leaks(hub.site, planted)
    for kind in KINDS:
        assert canary(kind, "embargoed", "title") in found, kind
        assert canary(kind, "embargoed", "img") in found, kind
    assert not any("draft" in c or "expired" in c for c in found)
    # Before its expiry the expired item was public.
    hub.build("--now", "2026-05-31T23:59:59+02:00")
    found = leaks(hub.site, planted)
    assert {canary(k, "expired", "title") for k in KINDS} <= found
    assert not any("draft" in c or "embargoed" in c for c in found)


def test_a_public_page_linking_to_an_unpublished_one_fails(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    guide = hub.content / "guidelines/voice.md"
    guide.write_text(guide.read_text() + "\nSee [the plan](../stories/future-canary.md).\n")
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 1
    assert (
        "content/guidelines/voice.md:6: links to content/stories/future-canary.md, which is "
        "embargoed until 2027-03-01 09:00 +0100 (remove the link, or build with --now at or "
        "after that moment)"
    ) in result.stderr
    assert hub.run("check", "--now", "2027-03-01T09:00+01:00").exit_code == 0


def test_a_link_to_a_page_that_expired_is_shown_as_text_and_the_build_goes_on(
    site: Callable[[str], Hub],
) -> None:
    # The morning build that retires a page must not fail over an old link to it: the site
    # would keep showing the expired page until somebody removed the link.
    hub = site("basic")
    guide = hub.content / "guidelines/voice.md"
    guide.write_text(
        guide.read_text()
        + "\nSee [the old win](../stories/expired-canary.md) and [again][old].\n"
        + "\n[old]: /stories/expired-canary.md\n"
    )
    welcome = hub.content / "campaigns/welcome.md"
    welcome.write_text(
        welcome.read_text().replace("link: guidelines/voice.md", "link: stories/expired-canary.md")
    )
    result = hub.build("--now", NOW)
    notice = (
        "links to content/stories/expired-canary.md, which expired on 2025-06-01 00:00 +0200: "
        "the link is shown as plain text (remove the link, or extend 'expires')"
    )
    assert f"content/guidelines/voice.md:6: {notice}" in result.stderr
    assert f"content/guidelines/voice.md:8: {notice}" in result.stderr
    assert f"content/campaigns/welcome.md:5: {notice}" in result.stderr
    voice = hub.page("guidelines/voice")
    assert "See <span>the old win</span> and <span>again</span>." in voice
    welcome_page = hub.page("campaigns/welcome")
    assert "Read the voice guide" in welcome_page
    assert 'data-bh-url=""' in welcome_page
    for path in hub.site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"expired-canary" not in data and b"zqxexpired" not in data, path
    # A link to a draft stays an error: somebody wrote it, and can remove it before merging.
    guide.write_text(guide.read_text() + "\nAnd [soon](../stories/draft-canary.md).\n")
    assert hub.run("check", "--now", NOW).exit_code == 1


def test_a_link_to_an_expired_page_is_a_warning_on_the_pull_request(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    guide = hub.content / "guidelines/voice.md"
    guide.write_text(guide.read_text() + "\nSee [it](../stories/expired-canary.md).\n")
    result = hub.run("check", "--now", NOW, env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 0, result.output
    assert (
        "::warning file=content/guidelines/voice.md,line=6::links to "
        "content/stories/expired-canary.md, which expired on 2025-06-01 00:00 +0200"
    ) in result.stderr


def test_a_welcome_step_to_a_draft_fails(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    welcome = hub.content / "campaigns/welcome.md"
    welcome.write_text(
        welcome.read_text().replace("link: guidelines/voice.md", "link: stories/draft-canary.md")
    )
    result = hub.run("check", "--now", NOW)
    assert (
        "content/campaigns/welcome.md:5: links to content/stories/draft-canary.md, which is a "
        "draft (publish it first or remove the link)"
    ) in result.stderr


EMBARGO = "date: 2027-03-01T09:00:00+01:00"
# Every way a page can point at a file: each form names its own canary image.
REFERENCE_FORMS = {
    "raw-img": '<img src="zqform1.png" alt="">',
    "raw-link": "<a href='zqform2.png'>the file</a>",
    "raw-entity": '<img src="zqform3&#46;png" alt="">',
    "srcset": '<img src="images/truck.png" srcset="zqform4.png 2x, images/truck.png 1x" alt="">',
    "angle": "![picture](<zqform5.png>)",
    "nested-alt": "![a [nested] alt](zqform6.png)",
    "two-line-alt": "![an alt\non two lines](zqform7.png)",
    "reference": "![picture][pic]\n\n[pic]: zqform8.png",
    "reference-angle": "[file][doc]\n\n[doc]: <zqform9.png> 'A file'",
    "title": '![picture](zqform10.png "A title")',
    "code": "```\n![in code](zqform11.png)\n```\n\nand `![inline code](zqform12.png)`",
}


def test_files_only_an_embargoed_story_points_at_are_left_out_in_every_form(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    names = []
    for number in range(1, 13):
        name = f"zqform{number}.png"
        shutil.copy(hub.content / "stories/images/truck.png", hub.content / "stories" / name)
        names.append(name)
    body = "\n\n".join(REFERENCE_FORMS.values())
    hub.write(
        "stories/secret.md",
        f"---\ntitle: Secret\n{EMBARGO}\nteam: Fleet\nauthors: [ana]\n---\n{body}\n",
    )
    hub.build("--now", NOW)
    published = {p.name for p in hub.site.rglob("zqform*")}
    assert published == set()
    # Once the story is out, the files it really shows are published with it.
    hub.build("--now", "2027-03-01T09:00:00+01:00")
    published = {p.name for p in hub.site.rglob("zqform*")}
    assert {f"zqform{n}.png" for n in range(1, 11)} <= published


def test_a_public_story_linking_a_draft_in_raw_html_fails(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    story = hub.content / "stories/win-1.md"
    story.write_text(
        story.read_text(encoding="utf-8") + "\n<a href='draft-canary.md'>soon</a>\n",
        encoding="utf-8",
    )
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 1
    assert "content/stories/win-1.md:13: links to content/stories/draft-canary.md" in (
        result.output
    )


def test_a_public_story_does_not_name_an_embargoed_campaign(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.write(
        "campaigns/zqlaunch.md",
        f"---\ntitle: Launch\n{EMBARGO}\nkind: brand\n---\nSoon.\n",
    )
    story = hub.content / "stories/win-1.md"
    text = story.read_text(encoding="utf-8").replace(
        "team: Fleet", "team: Fleet\ncampaign: zqlaunch"
    )
    story.write_text(text, encoding="utf-8")
    hub.write(
        "snippets/zq-teaser.md",
        "---\ntitle: Teaser\ndate: 2026-01-10\ncampaign: zqlaunch\n---\nSomething is coming.\n",
    )
    hub.build("--now", NOW)
    assert leaks(hub.site, ["zqlaunch"]) == set()
    hub.build("--now", "2027-03-01T09:00:00+01:00")
    assert leaks(hub.site, ["zqlaunch"]) == {"zqlaunch"}


def test_a_person_who_signs_only_embargoed_stories_appears_with_them(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    shutil.copy(hub.content / "stories/images/truck.png", hub.content / "zqavatar.png")
    authors = hub.content / "authors.yml"
    authors.write_text(
        authors.read_text(encoding="utf-8")
        + "zqnewcomer:\n  name: Zqnewcomer Person\n  avatar: zqavatar.png\n"
        + "zqnobody:\n  name: Zqnobody Yet\n",
        encoding="utf-8",
    )
    hub.write(
        "stories/zq-welcome.md",
        f"---\ntitle: Welcome\n{EMBARGO}\nteam: Fleet\nauthors: [zqnewcomer]\n---\nHello.\n",
    )
    hub.build("--now", NOW)
    assert leaks(hub.site, ["zqnewcomer", "Zqnewcomer", "zqavatar"]) == set()
    assert (hub.site / "authors/zqnobody/index.html").is_file()  # signs nothing: listed
    hub.build("--now", "2027-03-01T09:00:00+01:00")
    assert (hub.site / "authors/zqnewcomer/index.html").is_file()
    assert leaks(hub.site, ["zqavatar"]) == {"zqavatar"}


FORMS = (
    "![x]({url})",
    "![alt with [brackets]\nand a line break]({url})",
    "[x](<{raw}>)",
    '<img alt="" src="{url}">',
    "<a href='{url}'>x</a>",
    '<img srcset="other.png 1x, {url} 2x">',
    "[x][a]\n\n[a]: {url}",
)


@given(
    name=st.text(
        st.characters(categories=("L", "N"), include_characters=" -_."), min_size=1, max_size=20
    ).filter(lambda n: n.strip(" .") == n),
    form=st.sampled_from(FORMS),
    before=st.sampled_from(("", "Text first. ", "> quoted ", "- a list item ")),
)
def test_every_form_of_reference_is_found(name: str, form: str, before: str) -> None:
    from urllib.parse import quote

    from hub.links import references

    file = f"{name}.png"
    body = before + form.format(url=quote(file), raw=file)
    found = {ref.target for ref in references(body, "stories/win.md", 1) if ref.shown}
    assert f"stories/{file}" in found, body


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("[settings](../../mkdocs.yml)", "links to ../../mkdocs.yml, outside the content folder"),
        ("![chart](images/nowhere.png)", "links to content/stories/images/nowhere.png, which"),
        ('<img alt="" src="images/gone.webp">', "links to content/stories/images/gone.webp, which"),
        ("[the plan](../docs/plan.pdf)", "links to content/docs/plan.pdf, which does not exist"),
    ],
)
def test_check_finds_the_links_the_build_would_fail_on(
    site: Callable[[str], Hub], link: str, expected: str
) -> None:
    hub = site("basic")
    story = hub.content / "stories/win-1.md"
    story.write_text(story.read_text(encoding="utf-8") + f"\n{link}\n", encoding="utf-8")
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 1
    assert f"content/stories/win-1.md:13: {expected}" in result.output


def test_links_to_the_theme_s_and_the_hub_s_own_files_are_not_missing(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    story = hub.content / "stories/win-1.md"
    links = "[feed](../feeds/stories.rss.xml) ![logo](../assets/brand/logo-white.svg) [home](/)"
    story.write_text(story.read_text(encoding="utf-8") + f"\n{links}\n", encoding="utf-8")
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 0, result.output
