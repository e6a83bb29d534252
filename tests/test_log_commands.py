"""In GitHub Actions nothing the content says can become a workflow command in the log.

The runner takes a line of a step's output that starts with ``::`` (after leading spaces) for a
command: an annotation, a mask, an output, stop-commands. Brandhub's own annotations are such
lines, with their file and text escaped; every other line it prints, file names and titles in
it, must start otherwise, however the content's file names and texts break their lines."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from hub.problems import Problem
from tests.conftest import Hub
from tests.test_escape import commands

FORGED = "x\n::error::forged"
ACTIONS = {"GITHUB_ACTIONS": "true"}


def not_ours(output: str) -> list[str]:
    """The lines the runner would take for commands, but Brandhub's own annotations."""
    return [
        line
        for line in commands(output)
        if not line.startswith(("::error file=", "::warning file="))
    ]


def unescape(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


@pytest.mark.parametrize("file", [f"content/{FORGED}.md", "a\r::add-mask::b", "50%, a:b"])
def test_an_annotation_is_one_line_whatever_its_file_field_and_message(file: str) -> None:
    problem = Problem(file, 3, "share[1].x", "bad\r\n::error::forged 100%", "hint: a, b")
    line = problem.github_annotation()
    assert len(line.splitlines()) == 1 and not not_ours(line)
    props, _, data = line.removeprefix("::error ").partition("::")
    fields = dict(p.split("=", 1) for p in props.split(","))
    assert unescape(fields["file"]) == file
    assert fields["line"] == "3" and unescape(fields["title"]) == "share[1].x"
    assert unescape(data) == "bad\r\n::error::forged 100% (hint: a, b)"


def story_named(hub: Hub, name: str, date: str = "2027-01-01") -> Path:
    front = f"---\ntitle: X\ndate: {date}\nteam: Fleet\nauthors: [ana]\n---\nBody.\n"
    return hub.write(f"stories/{name}.md", front)


def test_a_file_name_with_a_line_break_commands_nothing(site: Callable[[str], Hub]) -> None:
    # Such a name is refused (hub.load admits none with a line break): the refusal names it,
    # escaped, in Brandhub's own annotation, and nothing else in the log is a command.
    hub = site("basic")
    story_named(hub, FORGED)
    for command in ("schedule", "check"):
        result = hub.run(command, env=ACTIONS)
        assert result.exit_code == 1, result.output
        annotations = commands(result.stderr)
        assert len(annotations) == 1 and "x%0A%3A%3Aerror%3A%3Aforged.md" in annotations[0]
        assert not_ours(result.stdout + result.stderr) == []


def test_log_messages_and_errors_command_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hub import cli

    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    cli._setup_logging(verbose=False)
    logging.getLogger("brandhub").warning("content/%s.md: hmm", FORGED)
    logging.getLogger("mkdocs.plugins").warning("Doc file '%s.md' links nowhere", FORGED)
    with pytest.raises(SystemExit):
        cli._fail(f"error: No such file: content/{FORGED}.md")
    out = capsys.readouterr()
    assert out.err.count("forged") == 3
    assert not_ours(out.out + out.err) == []
