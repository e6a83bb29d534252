"""Issues in: a "Share a small win" issue becomes a draft story, a "Join the ambassador pool"
issue a person in authors.yml; hostile answers stay text, and the workflow that runs it never
puts the issue's text into a command."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from hub.intake import FIELDS
from hub.newhub import STARTER, Answers, render
from tests.conftest import ROOT, Elements, Hub, markdown_extensions

ISSUES = Path(__file__).parent / "fixtures" / "issues"
FORMS = {"story": "small-win.yml", "person": "ambassador.yml"}
NOW = "2026-12-03T23:30:00+00:00"  # already 4 December in the test hub's Europe/Madrid


def form(kind: str, language: str = "en") -> dict[str, Any]:
    path = STARTER / language / "dot-github" / "ISSUE_TEMPLATE" / FORMS[kind]
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def issue_body(kind: str, language: str = "en", **answers: str) -> str:
    """An issue's text as GitHub writes it from the form: each question's label as a heading,
    then the answer, or _No response_; a ticked checkbox as "- [X] label"."""
    parts = []
    for question in form(kind, language)["body"]:
        if question["type"] == "markdown":
            continue
        label = question["attributes"]["label"]
        if question["type"] == "checkboxes":
            boxes = question["attributes"]["options"]
            tick = "X" if answers.get(question["id"], "yes") else " "
            answer = "\n".join(f"- [{tick}] {box['label']}" for box in boxes)
        else:
            answer = answers.get(question["id"]) or "_No response_"
        parts.append(f"### {label}\n\n{answer}")
    return "\n\n".join(parts) + "\n"


def front_matter(path: Path) -> tuple[dict[str, Any], str]:
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


def drafts(hub: Hub) -> list[Path]:
    before = {"win-1.md", "win-2.md", "win-3.md", "draft-canary.md", "expired-canary.md"}
    before.add("future-canary.md")
    return sorted(p for p in (hub.content / "stories").glob("*.md") if p.name not in before)


def link_github(hub: Hub, person: str, login: str) -> None:
    authors = hub.content / "authors.yml"
    text = authors.read_text(encoding="utf-8")
    if person == "ana":
        text = text.replace(
            "    LinkedIn: https://www.linkedin.com/in/example-ana\n",
            "    LinkedIn: https://www.linkedin.com/in/example-ana\n"
            f"    GitHub: https://github.com/{login}\n",
        )
    authors.write_text(text, encoding="utf-8")


def intake(hub: Hub, body: str | Path, *args: str) -> Any:
    if isinstance(body, str):
        path = hub.root / "issue.md"
        path.write_text(body, encoding="utf-8")
        body = path
    return hub.run("intake", str(body), "--now", NOW, *args)


# A small win.


def test_a_small_win_becomes_a_draft_story_that_passes_the_check(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    link_github(hub, "ana", "Ana-Ruiz")
    result = intake(hub, ISSUES / "small-win.md", "--author-login", "ana-ruiz")
    assert result.exit_code == 0, result.output
    (path,) = drafts(hub)
    assert path.name == "the-night-shift-cut-picking-errors-by-a-third-in-six-weeks.md"
    assert f"Wrote content/stories/{path.name}" in result.stdout
    meta, body = front_matter(path)
    assert meta["title"] == "The night shift cut picking errors by a third in six weeks"
    assert meta["team"] == "Warehouse Zaragoza, night shift"
    assert meta["date"] == date(2026, 12, 4)  # today in the hub's time zone
    assert meta["draft"] is True
    assert meta["authors"] == ["ana"]  # the issue's author, through their GitHub link
    assert meta["tags"] == ["warehouse", "quality"]
    assert meta["summary"] == "A third fewer picking errors"
    assert meta["share"] == [
        {
            "text": "Our night shift in Zaragoza cut picking errors by a third. Proud of them!",
            "hashtags": ["SmallWins"],
        }
    ]
    paragraphs = body.strip().split("\n\n")
    assert paragraphs[0] == (
        "Picking errors were our biggest complaint from stores. Ana and Jorge tried a colour "
        "code on the shelves and a two-minute huddle at 22:00."
    )
    assert paragraphs[1] == "After six weeks, errors are down by a third."
    assert paragraphs[2] == "- Colour codes on every shelf\n- A huddle before each shift"
    checked = hub.run("check")
    assert checked.exit_code == 0, checked.output


def test_the_person_id_answered_in_the_form_signs_the_story(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    body = issue_body("story", headline="Ben's win", team="Fleet", story="We did it.", author="ben")
    result = intake(hub, body, "--author-login", "someone-else")
    assert result.exit_code == 0, result.output
    (path,) = drafts(hub)
    meta, _ = front_matter(path)
    assert meta["authors"] == ["ben"]
    assert meta["summary"] == "We did it."  # no number: the story's first paragraph
    assert meta["share"][0]["text"] == "Ben's win"  # no post: the headline


def test_hostile_answers_stay_text(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    result = intake(hub, ISSUES / "hostile-small-win.md")
    assert result.exit_code == 0, result.output
    (path,) = drafts(hub)
    meta, body = front_matter(path)
    # One-line fields keep their words (the hub's pages escape them as HTML).
    assert meta["title"] == "<script>alert(1)</script> Ñandú café 🎉 {: #__config }"
    assert meta["team"] == "Almacén <b>Zaragoza</b>"
    assert meta["tags"] == ["<script>", "![x](https://evil.example/x.png)", "🎉 fiesta"]
    names, configs = markdown_extensions()
    html = markdown.markdown(body, extensions=names, extension_configs=configs)
    # Paragraphs of text only: no script, image, link, heading or attribute came of it.
    elements = Elements(html).elements
    assert {tag for tag, _ in elements} == {"p"}
    assert all(attributes == {} for _, attributes in elements)
    for shown in ("café 🎉 ñ", "# Not a heading", "{: #__config }", "![x](https://evil"):
        assert shown in re.sub(r"<[^>]+>", "", html).replace("&lt;", "<"), shown
    checked = hub.run("check")
    assert checked.exit_code == 0, checked.output


def test_line_breaks_and_invisible_characters_leave_one_line_fields(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    body = issue_body(
        "story",
        headline="First line\r\nsecond line\u202e\x07",
        team="Fleet\u2028Valencia",
        story="Text\x1b[31m in red",
        share="Line one\nline two",
        author="ana",
    )
    result = intake(hub, body)
    assert result.exit_code == 0, result.output
    (path,) = drafts(hub)
    meta, body_text = front_matter(path)
    assert meta["title"] == "First line second line"
    assert meta["team"] == "Fleet Valencia"
    assert meta["share"][0]["text"] == "Line one line two"
    assert "\x1b" not in body_text and "Text\\[31m in red" in body_text


def test_a_second_issue_with_the_same_headline_gets_its_own_file(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    body = issue_body("story", headline="Same", team="Fleet", story="One.", author="ana")
    assert intake(hub, body).exit_code == 0
    assert intake(hub, body).exit_code == 0
    assert [p.name for p in drafts(hub)] == ["same-2.md", "same.md"]


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            {"headline": "", "team": "Fleet", "story": "x", "author": "ana"},
            "issue.md:1: In one sentence, what happened?: needs an answer (edit the issue to "
            "answer it, then run again)",
        ),
        (
            {"headline": "x" * 201, "team": "Fleet", "story": "x", "author": "ana"},
            "issue.md:1: In one sentence, what happened?: is 201 characters long, more than 200 "
            "(shorten the answer in the issue, then run again)",
        ),
        (
            {"headline": "Win", "team": "Fleet", "story": "x", "share": "y" * 201, "author": "ana"},
            "A post colleagues could share (optional): is 201 characters long, more than 200",
        ),
        (
            {"headline": "Win", "team": "Fleet", "story": "x", "author": "nobody"},
            "Your id on the hub (optional): there is no person 'nobody' in content/authors.yml",
        ),
        (
            {"headline": "Win", "team": "Fleet", "story": "x"},
            "Your id on the hub (optional): is empty, and no one in content/authors.yml links "
            "to the GitHub account of the issue's author (write your id in the issue, or add "
            "your GitHub link to your entry in content/authors.yml)",
        ),
        (
            {"headline": "Win", "team": "Fleet", "story": "x", "author": "ana", "consent": ""},
            "Permission: is not ticked (tick it in the issue, then run again)",
        ),
    ],
)
def test_a_wrong_answer_is_a_clear_error_and_writes_nothing(
    site: Callable[[str], Hub], answers: dict[str, str], expected: str
) -> None:
    hub = site("basic")
    result = intake(hub, issue_body("story", **answers))
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "Traceback" not in result.output
    assert drafts(hub) == []


def test_a_text_not_from_the_form_is_refused(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    result = hub.run("intake", str(ISSUES / "not-a-form.md"), "--author-login", "ana")
    assert result.exit_code == 1
    assert (
        "not-a-form.md: is not the text of an issue from the form 'Share a small win': none "
        "of its questions is there (open the issue with the form, or copy its questions)"
    ) in result.stderr
    assert drafts(hub) == []


def test_a_login_that_is_not_one_is_refused(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    result = intake(hub, ISSUES / "small-win.md", "--author-login", "ana/../../x")
    assert result.exit_code == 1
    assert "--author-login: 'ana/../../x' is not a GitHub login" in result.stderr


# A person joins the ambassador pool.

AUTHORS = """\
# People who sign stories.   Keep   this comment as it is.

ana:
  name: Ana Ruiz
  team: Fleet
  role: Driver lead
  links:
    LinkedIn: https://www.linkedin.com/in/example-ana

# Ben asked not to be linked.
ben:
    name:   Ben Okafor    # odd spacing and a comment, kept
    topics: [trucks]

carla:
  name: "Carla"
"""


def test_a_new_ambassador_is_appended_and_the_rest_of_the_file_kept(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    authors = hub.write("authors.yml", AUTHORS)
    result = intake(hub, ISSUES / "ambassador.md", "--kind", "person", "--author-login", "lferrer")
    assert result.exit_code == 0, result.output
    assert "Added lucia-ferrer to content/authors.yml" in result.stdout
    text = authors.read_text(encoding="utf-8")
    assert text.startswith(AUTHORS)
    people = yaml.safe_load(text)
    assert people["lucia-ferrer"] == {
        "name": "Lucía Ferrer",
        "team": "People & Culture",
        "location": "Valencia",
        "languages": ["es", "en"],
        "topics": ["onboarding", "wellbeing"],
        "ambassador": True,
        "why": "I love telling new colleagues what it is like to work here",
        "links": {"GitHub": "https://github.com/lferrer"},
    }
    checked = hub.run("check")
    assert checked.exit_code == 0, checked.output

    # The same person again, with other topics: the entry is updated, not repeated.
    again = (ISSUES / "ambassador.md").read_text().replace("onboarding, wellbeing", "safety")
    second = intake(hub, again, "--kind", "person", "--author-login", "LFerrer")
    assert second.exit_code == 0, second.output
    assert "Updated lucia-ferrer in content/authors.yml" in second.stdout
    updated = authors.read_text(encoding="utf-8")
    assert updated.startswith(AUTHORS) and updated.count("lucia-ferrer:") == 1
    assert yaml.safe_load(updated)["lucia-ferrer"]["topics"] == ["safety"]
    assert updated == text.replace('["onboarding", "wellbeing"]', '["safety"]')
    assert hub.run("check").exit_code == 0


def test_an_existing_person_is_updated_in_place(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    authors = hub.write("authors.yml", AUTHORS)
    body = issue_body(
        "person",
        name="Ben Okafor",
        team="Fleet",
        topics="trucks, safety",
        why="Drivers deserve to be seen",
        person="ben",
    )
    result = intake(hub, body, "--kind", "person", "--author-login", "benok")
    assert result.exit_code == 0, result.output
    text = authors.read_text(encoding="utf-8")
    head = AUTHORS.split("ben:\n", 1)[0]
    assert text.startswith(head + "ben:\n")  # everything before Ben's entry, byte for byte
    assert text.endswith('\ncarla:\n  name: "Carla"\n')  # and after it
    ben = text.split("ben:\n", 1)[1].split("\ncarla:", 1)[0]
    assert ben == (
        "    name:   Ben Okafor    # odd spacing and a comment, kept\n"
        '    topics: ["trucks", "safety"]\n'
        '    team: "Fleet"\n'
        "    ambassador: true\n"
        '    why: "Drivers deserve to be seen"\n'
        "    links:\n"
        "        GitHub: https://github.com/benok\n"
    )
    assert hub.run("check").exit_code == 0


def test_an_id_linked_to_another_github_account_is_refused(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    link_github(hub, "ana", "ana-ruiz")
    before = (hub.content / "authors.yml").read_bytes()
    body = issue_body("person", name="Ana", team="Fleet", why="Because", person="ana")
    result = intake(hub, body, "--kind", "person", "--author-login", "mallory")
    assert result.exit_code == 1
    assert "ana belongs to another GitHub account" in result.stderr
    assert (hub.content / "authors.yml").read_bytes() == before


def test_languages_must_be_codes(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    body = issue_body("person", name="Dee", team="Fleet", why="Why not", languages="Spanish!")
    result = intake(hub, body, "--kind", "person")
    assert result.exit_code == 1
    assert "Languages you post in (optional): 'Spanish!' is not a language code" in result.stderr


# The forms and the workflow.


def _required(question: dict[str, Any]) -> bool:
    if question["type"] == "checkboxes":  # each box is required, or not
        return any(box.get("required") for box in question["attributes"]["options"])
    return bool(question.get("validations", {}).get("required"))


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("kind", sorted(FORMS))
def test_the_forms_ask_what_intake_reads(kind: str, language: str) -> None:
    questions = [q for q in form(kind, language)["body"] if q["type"] != "markdown"]
    asked = {q["id"]: _required(q) for q in questions}
    assert asked == {f.id: f.required for f in FIELDS[kind]}
    assert form(kind, language)["labels"] == [{"story": "small-win", "person": "ambassador"}[kind]]


def _runs(workflow: dict[str, Any]) -> list[str]:
    return [
        step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step
    ]


@pytest.mark.parametrize("source", ["repository", "new hub"])
def test_the_workflow_never_puts_the_issues_text_in_a_command(source: str) -> None:
    if source == "repository":
        text = (ROOT / ".github/workflows/intake.yml").read_text(encoding="utf-8")
    else:
        answers = Answers("Hub", "https://acme.github.io/hub/", "Acme", "en", "UTC")
        text = render(answers, today=date(2026, 1, 1))[".github/workflows/intake.yml"].decode()
    workflow = yaml.safe_load(text)
    assert workflow[True] == {"issues": {"types": ["opened", "labeled"]}}  # `on:` reads as True
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "read"}
    assert 1 <= job["timeout-minutes"] <= 15
    runs = _runs(workflow)
    assert any("intake" in run for run in runs)
    for run in runs:
        assert "${{" not in run, run  # every value comes through env:
    # The branch and the commit message are named by the issue's number, nothing else.
    (opening,) = [run for run in runs if "gh pr create" in run]
    assert 'git switch --create "intake/$NUMBER"' in opening
    assert re.search(r'git commit [^\n]*"[^"$]*#\$NUMBER[^"$]*"', opening)
    assert "--draft" in opening and "Closes #$NUMBER" in opening
    steps = [step for step in job["steps"] if "gh pr create" in step.get("run", "")]
    assert steps[0]["env"]["NUMBER"] == "${{ github.event.issue.number }}"
    assert json.dumps(workflow).count("github.event.issue.body") == 0  # read by gh, to a file


def test_a_spanish_hub_reads_its_own_forms_and_answers_in_spanish(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from hub.cli import cli

    folder = tmp_path / "hub"
    env = {"LANG": "C.UTF-8", "LC_ALL": "", "LANGUAGE": "", "LC_MESSAGES": ""}
    made = CliRunner().invoke(cli, ["init", str(folder), "--yes", "--language", "es"], env=env)
    assert made.exit_code == 0, made.output
    config = str(folder / "mkdocs.yml")
    body = folder / "issue.md"
    body.write_text(
        issue_body("person", "es", name="Íñigo Muñoz", team="Almacén", why="Me gusta contarlo"),
        encoding="utf-8",
    )
    added = CliRunner().invoke(cli, ["intake", "-f", config, str(body), "--kind", "person"])
    assert added.exit_code == 0, added.output
    assert "inigo-munoz añadido a" in added.stdout
    assert yaml.safe_load((folder / "content/authors.yml").read_text())["inigo-munoz"]["why"] == (
        "Me gusta contarlo"
    )
    body.write_text(issue_body("story", "es", headline="Hecho", team="Almacén"), encoding="utf-8")
    refused = CliRunner().invoke(cli, ["intake", "-f", config, str(body)])
    assert refused.exit_code == 1
    assert "La historia: necesita una respuesta (edita la issue para responderla" in refused.stderr
    checked = CliRunner().invoke(cli, ["check", "-f", config])
    assert checked.exit_code == 0, checked.output


def test_the_people_file_keeps_its_line_endings_and_odd_characters() -> None:
    from hub.authorsfile import Person, upsert

    text = "# Uno\u2028dos\r\nana:\r\n  name: Ana  # nombre\r\n  team: Flota"  # no last break
    person = Person("ana", {"name": '"Ana"', "team": '"Almacén"'}, None, new=False)
    assert upsert(text, person) == "# Uno\u2028dos\r\nana:\r\n  name: Ana  # nombre\r\n" + (
        '  team: "Almacén"'
    )
    other = Person("ben", {"name": '"Ben"'}, "https://github.com/ben", new=True)
    assert upsert(text, other) == text + (
        '\r\n\r\nben:\r\n  name: "Ben"\r\n  links:\r\n    GitHub: https://github.com/ben\r\n'
    )
    assert (
        upsert("", other) == 'ben:\n  name: "Ben"\n  links:\n    GitHub: https://github.com/ben\n'
    )


def test_the_hubs_own_form_is_read_and_a_broken_one_is_a_clear_error(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    forms = hub.root / ".github" / "ISSUE_TEMPLATE"
    forms.mkdir(parents=True)
    reworded = form("story")
    reworded["body"][1]["attributes"]["label"] = "What happened, in one line?"
    (forms / "small-win.yml").write_text(yaml.safe_dump(reworded), encoding="utf-8")
    body = issue_body("story", headline="x", team="Fleet", story="y", author="ana")
    body = body.replace("### In one sentence, what happened?", "### What happened, in one line?")
    body = body.replace("\n\nx\n\n", "\n\nRenamed question\n\n", 1)
    result = intake(hub, body)
    assert result.exit_code == 0, result.output
    (path,) = drafts(hub)
    assert front_matter(path)[0]["title"] == "Renamed question"
    (forms / "small-win.yml").write_text("name: [unclosed\n", encoding="utf-8")
    broken = intake(hub, body)
    assert broken.exit_code == 1
    assert ".github/ISSUE_TEMPLATE/small-win.yml: is not an issue form that intake can read" in (
        broken.stderr
    )


def test_in_github_actions_an_answer_starts_no_workflow_command(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hostile = "nobody\n::add-mask::x\n%0A::error::forged"
    body = issue_body("story", headline="Win", team="Fleet", story="x", author=hostile)
    path = hub.root / "issue.md"
    path.write_text(body, encoding="utf-8")
    result = hub.run("intake", str(path), env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    commands = [line for line in result.stderr.splitlines() if line.startswith("::")]
    assert len(commands) == 1 and commands[0].startswith("::error file=issue.md,line=")
    assert "there is no person 'nobody ::add-mask::x %250A::error::forged'" in commands[0]
