"""The command line as an editor uses it."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable

import pytest

from tests.conftest import Hub


@pytest.mark.parametrize("kind", ["story", "message", "campaign", "snippet"])
def test_new_writes_a_valid_draft(site: Callable[[str], Hub], kind: str) -> None:
    hub = site("basic")
    result = hub.run("new", kind, 'Night shift: "record" week!')
    assert result.exit_code == 0, result.output
    folder = {"story": "stories"}.get(kind, f"{kind}s")
    path = hub.content / folder / "night-shift-record-week.md"
    text = path.read_text()
    assert 'title: "Night shift: \\"record\\" week!"' in text
    assert "draft: true" in text
    assert re.search(r"^id: [0-9a-f-]{36}$", text, re.M)
    check = hub.run("check")
    assert check.exit_code == 0, check.output
    # A second file with the same title is refused, the first is kept.
    again = hub.run("new", kind, 'Night shift: "record" week!')
    assert again.exit_code == 1 and "already exists" in again.stderr
    assert path.read_text() == text


def test_new_welcome_campaign_has_a_first_step(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    result = hub.run("new", "campaign", "Hello", "--campaign-kind", "welcome")
    assert result.exit_code == 0, result.output
    assert "steps:" in (hub.content / "campaigns/hello.md").read_text()
    assert hub.run("check").exit_code == 0


def test_check_reports_what_is_published(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    result = hub.run("check", "--now", "2026-11-23T12:00+01:00")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "OK: 11 pages (1 campaign, 1 guideline, 1 home, 1 message, "
        "1 snippet, 6 stories); 8 published at 2026-11-23 12:00 +0100"
    )


def test_a_bad_now_is_a_clear_error(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    result = hub.run("check", "--now", "tomorrow")
    assert result.exit_code == 1
    assert "--now (BRANDHUB_NOW): 'tomorrow' is not a date" in result.stderr


def test_missing_config_is_a_clear_error(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from hub.cli import cli

    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 1
    assert "mkdocs.yml not found" in result.stderr


def test_github_annotations(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.write("stories/bad.md", "---\ntitle: X\ndate: someday\nteam: T\nauthors: [ana]\n---\n")
    result = hub.run("check", env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert (
        "::error file=content/stories/bad.md,line=3,title=date::'someday' is not a date "
        "(use YYYY-MM-DD, or YYYY-MM-DDTHH%3AMM+01%3A00 with a time)"
    ) not in result.stderr
    assert "::error file=content/stories/bad.md,line=3,title=date::'someday' is not a date" in (
        result.stderr
    )


def test_the_command_ends_with_its_status_and_all_its_output(site: Callable[[str], Hub]) -> None:
    # `brandhub` ends its process without the interpreter's teardown (hub.cli.main): what it
    # printed must still arrive, through pipes, and its exit status must be the command's.
    hub = site("basic")

    def brandhub(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "hub", *args]
        return subprocess.run(command, cwd=hub.root, capture_output=True, text=True, timeout=300)

    built = brandhub("build", "--now", "2026-11-23T12:00+01:00")
    assert built.returncode == 0, built.stderr
    assert built.stderr.startswith("Checked: 11 pages")
    assert re.search(r"^Built the hub into .+ in [0-9.]+ s$", built.stderr, re.M)
    assert (hub.root / "site" / "index.html").is_file()
    checked = brandhub("check", "--now", "2026-11-23T12:00+01:00")
    assert (checked.returncode, checked.stdout.split(":")[0]) == (0, "OK")
    wrong = brandhub("check", "--now", "tomorrow")
    assert wrong.returncode == 1
    assert "'tomorrow' is not a date" in wrong.stderr
    unknown = brandhub("nosuch")
    assert unknown.returncode == 2
    assert "No such command 'nosuch'" in unknown.stderr


def test_a_new_welcome_journey_links_only_to_pages_the_hub_has(site: Callable[[str], Hub]) -> None:
    # A hub without a home page: the first step used to link to index.md, the check then
    # failed, and so did every later `brandhub new`.
    hub = site("basic")
    (hub.content / "index.md").unlink()
    (hub.content / "campaigns/welcome.md").unlink()
    result = hub.run("new", "campaign", "Hello", "--campaign-kind", "welcome")
    assert result.exit_code == 0, result.output
    assert "link: index.md" not in (hub.content / "campaigns/hello.md").read_text()
    assert hub.run("check").exit_code == 0
    assert hub.run("new", "story", "Next one").exit_code == 0


@pytest.mark.parametrize(
    ("kind", "path"), [("guideline", "guidelines/logo.md"), ("page", "logo.md")]
)
def test_new_writes_guidelines_and_pages(site: Callable[[str], Hub], kind: str, path: str) -> None:
    hub = site("basic")
    result = hub.run("new", kind, "Logo")
    assert result.exit_code == 0, result.output
    assert "draft: true" in (hub.content / path).read_text()
    assert hub.run("check").exit_code == 0


def test_new_writes_nothing_that_fails_the_check(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    result = hub.run("new", "page", "Stories")  # stories/ is the hub's own listing
    assert result.exit_code == 1
    assert "content/stories.md: its address /stories/ is made by the hub itself" in result.stderr
    assert "was not written" in result.stderr
    assert not (hub.content / "stories.md").exists()
    assert hub.run("check").exit_code == 0
