"""Every kind of bad input stops `check` and `build` with one clear line and no site."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.conftest import Hub

STORY = """---
title: A story
date: 2026-03-03
team: Fleet
authors: [ana]
{extra}---
Body.
"""

WELCOME = """---
title: Hello
date: 2026-01-01
kind: welcome
steps:
  - day: 1
    title: Meet your buddy
    {step}
---
Body.
"""

CASES = {
    "broken YAML": (
        "stories/broken.md",
        "---\ntitle: [unclosed\ndate: 2026-03-03\n---\nBody\n",
        "content/stories/broken.md:2: a [ opened on line 2 is not closed",
    ),
    "impossible date": (
        "stories/date.md",
        STORY.replace("2026-03-03", "2026-02-30").format(extra=""),
        "content/stories/date.md:3: date: '2026-02-30' is not a date "
        "(use YYYY-MM-DD, or YYYY-MM-DDTHH:MM+01:00 with a time)",
    ),
    "words for a date": (
        "stories/date.md",
        STORY.replace("2026-03-03", "March 3").format(extra=""),
        "content/stories/date.md:3: date: 'March 3' is not a date",
    ),
    "unknown key": (
        "stories/key.md",
        STORY.format(extra="expiers: 2027-01-01\n"),
        "content/stories/key.md:6: expiers: unknown key (did you mean `expires`?)",
    ),
    "missing image": (
        "stories/image.md",
        STORY.format(extra="image: images/nope.png\nimage_alt: A truck\n"),
        "content/stories/image.md:6: image: 'images/nope.png' does not exist "
        "(looked for content/stories/images/nope.png)",
    ),
    "image without alt": (
        "stories/alt.md",
        STORY.format(extra="image: images/truck.png\n"),
        "content/stories/alt.md:6: image: has no image_alt "
        "(describe the picture in 'image_alt: …')",
    ),
    "story without authors": (
        "stories/nobody.md",
        STORY.replace("authors: [ana]\n", "").format(extra=""),
        "content/stories/nobody.md:2: authors: a story needs at least one author "
        "(add 'authors: [id]' with ids from content/authors.yml)",
    ),
    "unknown author": (
        "stories/who.md",
        STORY.replace("[ana]", "[anna]").format(extra=""),
        "content/stories/who.md:5: authors: 'anna' is not in authors.yml (did you mean `ana`?)",
    ),
    "welcome without steps": (
        "campaigns/hello.md",
        "---\ntitle: Hello\ndate: 2026-01-01\nkind: welcome\n---\nBody\n",
        "content/campaigns/hello.md:2: steps: a welcome campaign needs steps",
    ),
    "image outside content": (
        "stories/escape.md",
        STORY.format(extra="image: ../../mkdocs.yml\nimage_alt: Secret\n"),
        "content/stories/escape.md:6: image: '../../mkdocs.yml' points outside the content folder",
    ),
    "not UTF-8": (
        "stories/latin1.md",
        STORY.format(extra="").replace("Body.", "Cami\xf3n.").encode("latin-1"),
        "content/stories/latin1.md:7: the file is not UTF-8 text (save it with UTF-8 encoding)",
    ),
    "lone surrogate": (
        "stories/surrogate.md",
        STORY.format(extra='summary: "half \\ud800 a character"\n'),
        "content/stories/surrogate.md:6: broken YAML: found invalid Unicode character escape",
    ),
    "control character": (
        "stories/control.md",
        STORY.format(extra='summary: "bell \\x07 here"\n'),
        "content/stories/control.md:6: summary: contains an invisible control character "
        "(delete it; it often comes with text pasted from another program)",
    ),
    "draft as text": (
        "stories/draft.md",
        STORY.format(extra='draft: "true"\n'),
        "content/stories/draft.md:6: draft: expected true or false, got 'true' "
        "(write true or false without quotes)",
    ),
    "step link with a line break": (
        "campaigns/hello.md",
        WELCOME.format(step='link: "https://example.org/x\\nATTENDEE:mailto:all@example.org"'),
        "content/campaigns/hello.md:8: steps[1].link: "
        '"https://example.org/x\\nATTENDEE:mailto:all@example.org" contains a space or a '
        "line break (write one address (https://…) or one path inside content/, without spaces)",
    ),
    "step link to a script": (
        "campaigns/hello.md",
        WELCOME.format(step='link: "javascript:alert(1)"'),
        "content/campaigns/hello.md:8: steps[1].link: 'javascript:alert(1)' is not a web "
        "address or a content path",
    ),
    "step day millions of days on": (
        "campaigns/hello.md",
        WELCOME.format(step="").replace("day: 1", "day: 3000000"),
        "content/campaigns/hello.md:6: steps[1].day: is the number 3000000, more than 3650 "
        "(use 3650 or less)",
    ),
    "step day of thousands of digits": (
        "campaigns/hello.md",
        WELCOME.format(step="").replace("day: 1", "day: " + "9" * 5000),
        "content/campaigns/hello.md:6: broken YAML: this number has too many digits to be read",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
@pytest.mark.parametrize("command", ["check", "build"])
def test_bad_input_fails_with_one_clear_line(
    site: Callable[[str], Hub], case: str, command: str
) -> None:
    hub = site("basic")
    rel, text, expected = CASES[case]
    hub.write(rel, text)
    args = ("build", "-d", str(hub.site)) if command == "build" else ("check",)
    result = hub.run(*args)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert any(line.startswith(expected) for line in lines), result.stderr
    assert lines[-1] == (
        "1 problem found; nothing was built."
        if command == "build"
        else "1 problem found; fix it and run again."
    )
    assert "Traceback" not in result.output
    assert not hub.site.exists()


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        (
            "stories/copy.md",
            STORY.format(extra="slug: win-2\n"),
            [
                "content/stories/copy.md:6: slug: 'win-2' is also the slug of "
                "content/stories/win-2.md (give one of the stories another slug or file name)",
                "content/stories/win-2.md: slug: 'win-2' is also the slug of "
                "content/stories/copy.md (give one of the stories another slug or file name)",
            ],
        ),
        (
            "guidelines/voice/index.md",
            "---\ntitle: Voice again\n---\nBody\n",
            [
                "content/guidelines/voice.md: has the same address /guidelines/voice/ as "
                "content/guidelines/voice/index.md (rename or remove one of the files)",
                "content/guidelines/voice/index.md: has the same address /guidelines/voice/ as "
                "content/guidelines/voice.md (rename or remove one of the files)",
            ],
        ),
        (
            "stories.md",
            "---\ntitle: Our stories\n---\nBody\n",
            [
                "content/stories.md: its address /stories/ is made by the hub itself "
                "(rename the file or choose another slug)",
            ],
        ),
        ("more/about.md", "---\ntitle: About\nslug: voice\n---\nBody\n", []),
    ],
    ids=["duplicate slug", "page beside folder index", "page on a listing", "distinct"],
)
def test_clashes_name_every_file_involved(
    site: Callable[[str], Hub], rel: str, text: str, expected: list[str]
) -> None:
    hub = site("basic")
    hub.write(rel, text)
    result = hub.run("check")
    problems = result.stderr.strip().splitlines()[:-1]
    assert problems == expected
    assert result.exit_code == (1 if expected else 0)
    if expected:
        assert hub.run("build", "-d", str(hub.site)).exit_code != 0
        assert not hub.site.exists()


def test_every_problem_is_reported_together(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.write("stories/a.md", STORY.format(extra="colour: red\n"))
    hub.write("stories/b.md", STORY.replace("2026-03-03", "soon").format(extra=""))
    result = hub.run("check")
    assert result.exit_code == 1
    assert "content/stories/a.md:6: colour: unknown key" in result.stderr
    assert "content/stories/b.md:3: date: 'soon' is not a date" in result.stderr
    assert result.stderr.strip().endswith("2 problems found; fix them and run again.")


def test_failed_build_keeps_the_previous_site(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.build()
    before = {p: p.read_bytes() for p in hub.site.rglob("*") if p.is_file()}
    hub.write("stories/bad.md", STORY.format(extra="nope: 1\n"))
    result = hub.run("build", "-d", str(hub.site))
    assert result.exit_code == 1
    after = {p: p.read_bytes() for p in hub.site.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in hub.root.iterdir() if p.name.startswith(".site")] == []


def test_mkdocs_failure_mid_build_keeps_the_previous_site(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.build()
    before = sorted(p.relative_to(hub.site) for p in hub.site.rglob("*"))
    # Valid front matter, but a link to a page that does not exist: MkDocs fails in strict mode.
    hub.write("guidelines/links.md", "---\ntitle: Links\n---\nSee [this](missing.md).\n")
    result = hub.run("build", "-d", str(hub.site))
    assert result.exit_code == 1
    assert "missing.md" in result.output
    assert sorted(p.relative_to(hub.site) for p in hub.site.rglob("*")) == before
    assert [p.name for p in hub.root.iterdir() if p.name.startswith(".site")] == []


def test_bad_settings_are_reported_like_content(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    config = hub.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "timezone: Europe/Madrid", "timezone: Mars/Olympus\n      tmezone: x"
        )
    )
    result = hub.run("check")
    assert result.exit_code == 1
    assert "brandhub.timezone: 'Mars/Olympus' is not a time zone" in result.stderr
    assert "brandhub.tmezone: unknown key (did you mean `timezone`?)" in result.stderr


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_github_annotations_name_file_and_line(site: Callable[[str], Hub], case: str) -> None:
    hub = site("basic")
    rel, text, expected = CASES[case]
    hub.write(rel, text)
    result = hub.run("check", env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    *annotations, last = result.stderr.strip().splitlines()
    assert last == "1 problem found; fix it and run again."
    assert len(annotations) == 1
    where = expected.partition(": ")[0]
    file, _, line = where.partition(":")
    prefix = f"::error file={file}" + (f",line={line}" if line else "")
    assert re.match(rf"{re.escape(prefix)}(,title=[\w.\[\]]+)?::\S", annotations[0]), annotations[0]
