"""What `brandhub check` tells an editor in one run: every problem at once, and warnings for
what is not wrong but is not ready either."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import Hub


def problems(hub: Hub, command: str = "check") -> list[str]:
    result = hub.run(command)
    assert result.exit_code == 1, result.output
    return result.stderr.splitlines()


def test_a_link_to_a_draft_is_reported_with_every_other_problem(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    win1 = hub.content / "stories/win-1.md"
    win1.write_text(
        win1.read_text() + "\nSee [the next one](draft-canary.md) and [two](win-2.md).\n"
    )
    win2 = hub.content / "stories/win-2.md"
    win2.write_text(win2.read_text().replace("team: Fleet", "team: Fleet\ndate_typo: x"))
    assert problems(hub) == [
        "content/stories/win-1.md:13: links to content/stories/draft-canary.md, which is a "
        "draft (publish it first or remove the link)",
        "content/stories/win-2.md:6: date_typo: unknown key (did you mean `date`?)",
        "2 problems found; fix them and run again.",
    ]


def published(hub: Hub, kind: str, title: str) -> str:
    """`brandhub new`'s file for ``kind``, published as it is: only its draft line removed."""
    result = hub.run("new", kind, title)
    assert result.exit_code == 0, result.output
    path = next(hub.content.glob(f"*/{title.lower().replace(' ', '-')}.md"))
    text = path.read_text()
    path.write_text("\n".join(line for line in text.split("\n") if not line.startswith("draft:")))
    return str(path.relative_to(hub.root))


def test_placeholder_text_left_in_a_published_story_is_a_warning(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    story = published(hub, "story", "Left as it was")
    hub.run("new", "story", "Still a draft")  # a draft may keep its placeholders
    result = hub.run("check")
    assert result.exit_code == 0, result.output
    hint = "(replace it with your own words, or set 'draft: true' until it is ready)"
    assert result.stderr.splitlines() == [
        f"{story}:5: summary: is still the placeholder 'One sentence that makes people want "
        f"to read more.' {hint}",
        f"{story}:7: team: is still the placeholder 'Your team' {hint}",
        f"{story}:10: share[1].text: is still the placeholder 'One or two sentences a "
        f"colleague would be proud to post.' {hint}",
        f"{story}:14: the text still has the placeholder 'What did the team achieve, how, and "
        f"what does it change? Name the people and give one number.' {hint}",
    ]
    # In GitHub Actions, each one is a warning on its line of the pull request's diff.
    actions = hub.run("check", env={"GITHUB_ACTIONS": "true"})
    assert actions.exit_code == 0
    assert actions.stderr.splitlines()[1] == (
        f"::warning file={story},line=7,title=team::is still the placeholder 'Your team' "
        "(replace it with your own words, or set 'draft: true' until it is ready)"
    )


def test_placeholders_of_messages_campaigns_and_snippets(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    message = published(hub, "message", "Plain message")
    snippet = published(hub, "snippet", "Plain snippet")
    result = hub.run("build", "-d", str(hub.site))
    assert result.exit_code == 0, result.output
    found = [
        line.split(" (")[0] for line in result.stderr.splitlines() if "the placeholder '" in line
    ]
    assert found == [
        f"{message}:5: summary: is still the placeholder 'One sentence that makes people want "
        "to read more.'",
        f"{message}:7: pillar: is still the placeholder 'Your pillar'",
        f"{message}:9: proof_points[1]: is still the placeholder 'A fact that proves the "
        "message, with its source.'",
        f"{message}:13: the text still has the placeholder 'Explain the message and how to say "
        "it in your own words.'",
        f"{snippet}:5: summary: is still the placeholder 'One sentence that makes people want "
        "to read more.'",
        f"{snippet}:9: the text still has the placeholder 'The post itself: short, first "
        "person, in your own words.'",
    ]


def test_a_spanish_hub_gets_spanish_placeholders_and_warnings(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    config = hub.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  name: material\n", "  name: material\n  language: es\n")
    )
    story = published(hub, "story", "Tal cual")
    assert 'team: "Tu equipo"' in (hub.root / story).read_text()
    result = hub.run("check")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1] == (
        f"{story}:7: team: sigue siendo el texto de ejemplo 'Tu equipo' (cámbialo por tus "
        "propias palabras, o pon 'draft: true' hasta que esté listo)"
    )
