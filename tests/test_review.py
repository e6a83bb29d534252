"""brandhub diff: what a pull request adds, changes, removes and schedules."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

from tests.conftest import Hub


def git(hub: Hub, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(hub.root), *args],
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
            "HOME": str(hub.root),
            "PATH": "/usr/bin:/bin",
        },
    )


def test_diff_reports_added_changed_removed_and_upcoming(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    git(hub, "init", "-q", "-b", "main")
    git(hub, "add", ".")
    git(hub, "commit", "-q", "-m", "base")
    hub.write(
        "stories/new-win.md",
        """---
title: A brand new win
date: 2026-11-30T09:00:00+01:00
id: new-win
team: Fleet
authors: [ana]
share:
  - text: "We did it & we're proud"
---
Body.
""",
    )
    message = hub.content / "messages/on-time.md"
    message.write_text(
        message.read_text().replace("We deliver on time", "We deliver on time, always")
    )
    (hub.content / "snippets/hiring.md").unlink()
    result = hub.run("diff", "--base", "main", "--now", "2026-11-23T12:00+01:00")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "**1 added, 1 changed, 1 removed**" in out
    assert (
        "- **story** A brand new win (`content/stories/new-win.md`, embargoed until "
        "2026-11-30 09:00 +0100)"
    ) in out
    assert (
        "- **message** We deliver on time, always (`content/messages/on-time.md`, public now)"
        ": title"
    ) in out
    assert "### Removed\n\n- **snippet** We are hiring drivers" in out
    assert "> We did it &amp; we're proud" in out  # & as an entity: text, whatever follows
    assert "| X | " in out and "| 280 |" in out
    assert "- 2026-11-30 09:00 +0100: publishes `content/stories/new-win.md`" in out


def test_diff_outside_git_is_a_clear_error(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    result = hub.run("diff", "--base", "main")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot read main from git: ")
    assert "Traceback" not in result.output


HOSTILE_TITLES = [
    "# Fake heading",
    "![x](https://evil.example/x.png)",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    "a | b",
    "`code` and ``more``",
    "www.evil.example and press@evil.example",
    "Line one ## forged",  # a title has one line (hub.schema); the share texts below have more
]


def test_the_summary_shows_hostile_content_as_text(site: Callable[[str], Hub]) -> None:
    from tests.test_escape import Elements, render

    hub = site("basic")
    git(hub, "init", "-q", "-b", "main")
    git(hub, "add", ".")
    git(hub, "commit", "-q", "-m", "base")
    for number, title in enumerate(HOSTILE_TITLES):
        quoted = title.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        hub.write(
            f"stories/hostile-{number}.md",
            f"""---
title: "{quoted}"
date: 2026-11-30T09:00:00+01:00
id: hostile-{number}
team: Fleet
authors: [ana]
share:
  - text: "{quoted}\\n## forged\\n\\n| a | b |\\n| - | - |\\n| c | d |"
---
Body.
""",
        )
    result = hub.run(
        "diff", "--base", "main", "--now", "2026-11-23T12:00+01:00", env={"GITHUB_ACTIONS": "true"}
    )
    assert result.exit_code == 0, result.output
    found = Elements(render(result.stdout))
    # Brandhub's own headings and tables only: one h2, the h3s of its sections, and per share
    # text one table of four columns.
    assert found.tags.count("h2") == 1
    assert found.tags.count("h3") == 3  # Added, Share texts, Next 14 days
    assert found.tags.count("table") == len(HOSTILE_TITLES)
    assert found.tags.count("td") == 4 * found.tags.count("tr") - 4 * len(HOSTILE_TITLES)
    assert not {"h1", "h4", "a", "img", "script"} & set(found.tags), result.stdout
    assert set(found.tags) <= {
        *("h2", "h3", "p", "ul", "li", "strong", "code", "blockquote", "br"),
        *("table", "thead", "tbody", "tr", "th", "td"),
    }
    text = found.plain
    for title in HOSTILE_TITLES:
        one_line = title.replace("\n", " ")
        assert f"story {one_line} (content/stories/hostile-" in text
        assert f"{title}\n## forged\n| a | b |\n| - | - |\n| c | d |".replace("\n", "") in (
            text.replace("\n", "")
        )


def test_a_spanish_hub_s_summary_is_in_spanish(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("name: material", "name: material\n  language: es"), "utf-8")
    git(hub, "init", "-q", "-b", "main")
    git(hub, "add", ".")
    git(hub, "commit", "-q", "-m", "base")
    (hub.content / "snippets/hiring.md").unlink()
    result = hub.run("diff", "--base", "main", "--now", "2026-11-23T12:00+01:00")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(
        "## Qué publica este cambio\n\n**añadidos: 0, cambiados: 0, retirados: 1**"
    )
    assert "### Retirado\n\n- **texto para compartir** We are hiring drivers" in out
    assert "### Próximos 14 días" in out
