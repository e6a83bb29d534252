"""Issues in: an issue from the "Share a small win" form becomes a draft story, one from the
"Join the ambassador pool" form a person in ``content/authors.yml``.

GitHub writes a form's answers into the issue as Markdown: each question's label as a
``### `` heading, then the answer (``_No response_`` when there is none; a checkbox as
``- [X] label``). The labels are read from the hub's own form (``.github/ISSUE_TEMPLATE/``),
or from the starter's in the hub's language, and the answers are found by them; what the
code knows of a form is the ids of its questions (:data:`FIELDS`).

The issue's text is untrusted: anyone who can open an issue writes it. Every answer is
cleaned like an imported feed's text (hub.plaintext): invisible characters dropped, one line
where the hub wants one, and the story's text escaped so that Markdown shows it as text.
Values go into YAML as JSON strings; hub.authorsfile writes a person into authors.yml.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from hub.authorsfile import Person
from hub.i18n import _
from hub.kinds import LANG, MAX_TAGS
from hub.model import Author
from hub.plaintext import clean_line, markdown_lines
from hub.problems import ContentError, Problem
from hub.urls import slugify

FORM_FILES = {"story": "small-win.yml", "person": "ambassador.yml"}
STARTER = Path(__file__).parent / "starter"
NO_RESPONSE = "_No response_"
MAX_BODY = 65536  # GitHub's limit for an issue's text
MAX_TITLE = 200  # what the schema takes for a title (kinds.LINE)
MAX_STORY = 20000
MAX_SHARE = 200  # leaves room for the link, the hashtags and the disclosure on X
MAX_ITEMS = 10  # languages or topics of a person
LOGIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")
GITHUB = "https://github.com/"
_HEADING = re.compile(r"###[ \t]+(.*?)[ \t]*")
_BOX = re.compile(r"-[ \t]*\[([ xX])\]")
_BULLET = re.compile(r"[-*+][ \t]+(.*)")
_LANG = re.compile(LANG)
HASHTAG = "SmallWins"


@dataclass(frozen=True)
class Field:
    id: str
    required: bool = False


# The questions intake reads, by the id they have in the form; tests check the forms ask them.
FIELDS: dict[str, tuple[Field, ...]] = {
    "story": (
        Field("headline", required=True),
        Field("team", required=True),
        Field("story", required=True),
        Field("number"),
        Field("tags"),
        Field("share"),
        Field("author"),
        Field("consent", required=True),
    ),
    "person": (
        Field("name", required=True),
        Field("team", required=True),
        Field("location"),
        Field("languages"),
        Field("topics"),
        Field("why", required=True),
        Field("person"),
        Field("consent", required=True),
    ),
}


class Refused(Exception):
    """An option intake cannot work with; the message is one clear line."""


def form_file(root: Path, kind: str, language: str) -> Path:
    """The hub's own form, or the starter's in the hub's language (English if none)."""
    own = root / ".github" / "ISSUE_TEMPLATE" / FORM_FILES[kind]
    if own.is_file():
        return own
    folder = STARTER / language if (STARTER / language).is_dir() else STARTER / "en"
    return folder / "dot-github" / "ISSUE_TEMPLATE" / FORM_FILES[kind]


@dataclass(frozen=True)
class Form:
    name: str
    labels: dict[str, str]  # question id → label, in the form's order


def read_form(path: Path, shown: str) -> Form:
    """The form's name and its questions' labels; ``shown``: its path as editors see it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        labels = {
            str(q["id"]): clean_line(str(q["attributes"]["label"]))
            for q in data["body"]
            if q.get("type") != "markdown" and "id" in q
        }
        return Form(name=clean_line(str(data.get("name", ""))), labels=labels)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, TypeError, KeyError, AttributeError):
        raise ContentError(
            [
                Problem(
                    shown,
                    None,
                    None,
                    _("is not an issue form that intake can read"),
                    _(
                        "give each question an id and a label, as the form brandhub init "
                        "writes does"
                    ),
                )
            ]
        ) from None


@dataclass(frozen=True)
class Answer:
    text: str  # "" for no answer
    line: int


class Answers:
    """An issue's answers, checked one by one; every problem is kept to report them all."""

    def __init__(self, text: str, form: Form, file: str) -> None:
        self.form, self.file = form, file
        self.problems: list[Problem] = []
        self.answers: dict[str, Answer] = {}
        order = list(form.labels.items())
        position = 0
        current: tuple[str, int] | None = None
        lines: list[str] = []
        for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
            heading = _HEADING.fullmatch(line)
            label = clean_line(heading[1]) if heading else None
            later = [i for i in range(position, len(order)) if order[i][1] == label]
            if later:  # the next question's heading; other "###" lines are part of an answer
                self._keep(current, lines)
                position = later[0] + 1
                current, lines = (order[later[0]][0], number), []
            elif current is not None:
                lines.append(line)
        self._keep(current, lines)

    def _keep(self, current: tuple[str, int] | None, lines: list[str]) -> None:
        if current is None:
            return
        text = "\n".join(lines).strip()
        self.answers[current[0]] = Answer("" if text == NO_RESPONSE else text, current[1])

    def from_the_form(self) -> bool:
        return bool(self.answers)

    def problem(self, key: str | None, message: str, hint: str | None = None) -> None:
        answer = self.answers.get(key) if key else None
        label = self.form.labels.get(key, key) if key else None
        self.problems.append(
            Problem(self.file, answer.line if answer else None, label, message, hint)
        )

    def raw(self, key: str) -> str:
        answer = self.answers.get(key)
        return answer.text if answer else ""

    def line(self, key: str, *, maximum: int, required: bool = False) -> str | None:
        """The answer as one clean line, or None when there is none."""
        value = clean_line(self.raw(key))
        if not value:
            if required:
                self.problem(
                    key, _("needs an answer"), _("edit the issue to answer it, then run again")
                )
            return None
        if len(value) > maximum:
            self.problem(
                key,
                _(
                    "is %(length)s characters long, more than %(maximum)s",
                    length=len(value),
                    maximum=maximum,
                ),
                _("shorten the answer in the issue, then run again"),
            )
            return None
        return value

    def items(self, key: str, *, maximum: int, count: int) -> list[str]:
        """A comma-separated answer as a list of clean, distinct items."""
        found: list[str] = []
        for part in self.raw(key).replace("\n", ",").split(","):
            item = clean_line(part)
            if item and item not in found:
                found.append(item)
        for item in found:
            if len(item) > maximum:
                self.problem(
                    key,
                    _(
                        "'%(item)s' is %(length)s characters long, more than %(maximum)s",
                        item=item[:40] + "…",
                        length=len(item),
                        maximum=maximum,
                    ),
                    _("shorten it in the issue, then run again"),
                )
                return []
        if len(found) > count:
            self.problem(
                key,
                _("has %(count)s items, more than %(maximum)s", count=len(found), maximum=count),
                _("keep the most important ones in the issue, then run again"),
            )
            return []
        return found

    def ticked(self, key: str) -> None:
        boxes = [_BOX.match(line.strip()) for line in self.raw(key).split("\n")]
        if not any(box and box[1] in "xX" for box in boxes):
            self.problem(key, _("is not ticked"), _("tick it in the issue, then run again"))

    def done(self) -> None:
        if self.problems:
            raise ContentError(self.problems)


def read_answers(text: str, form: Form, file: str) -> Answers:
    answers = Answers(text, form, file)
    if not answers.from_the_form():
        raise ContentError(
            [
                Problem(
                    file,
                    None,
                    None,
                    _(
                        "is not the text of an issue from the form '%(form)s': none of its "
                        "questions is there",
                        form=form.name,
                    ),
                    _("open the issue with the form, or copy its questions"),
                )
            ]
        )
    return answers


def read_body(path: Path, file: str) -> str:
    """The issue's text from its file: UTF-8, at most as long as GitHub allows."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(file, None, None, str(exc.strerror or exc))]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ContentError(
            [Problem(file, None, None, _("is not UTF-8 text"), _("save the issue's text as UTF-8"))]
        ) from None
    if len(text) > MAX_BODY:
        raise ContentError(
            [
                Problem(
                    file,
                    None,
                    None,
                    _(
                        "is %(length)s characters long, more than %(maximum)s",
                        length=len(text),
                        maximum=MAX_BODY,
                    ),
                    _("an issue's text is never longer: pass the text of one issue"),
                )
            ]
        )
    return text


def check_login(login: str | None) -> str | None:
    if login is None:
        return None
    if not LOGIN.fullmatch(login):
        raise Refused(_("--author-login: '%(login)s' is not a GitHub login", login=login))
    return login


def _github_login(person: Author) -> str | None:
    for _label, url in person.links:
        if url.lower().rstrip("/").startswith(GITHUB):
            rest = url.rstrip("/")[len(GITHUB) :]
            if LOGIN.fullmatch(rest):
                return rest.lower()
    return None


def person_of(login: str | None, people: Mapping[str, Author]) -> str | None:
    """The id of the person whose links name this GitHub account (logins ignore case)."""
    if login is None:
        return None
    for person_id, person in sorted(people.items()):
        if _github_login(person) == login.lower():
            return person_id
    return None


# A small win.


def _q(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: quotes, colons and # stay safe.
    return json.dumps(text, ensure_ascii=False)


def _blocks(text: str) -> list[tuple[bool, str]]:
    """The story's text as paragraphs of plain text, each (a list item?, its text): blank
    lines end a paragraph, a line that starts with - * or + is an item of a list."""
    found: list[tuple[bool, str]] = []
    parts: list[str] = []

    def end() -> None:
        paragraph = clean_line(" ".join(parts))
        if paragraph:
            found.append((False, paragraph))
        parts.clear()

    for line in text.split("\n"):
        bullet = _BULLET.fullmatch(line.strip())
        if bullet:
            end()
            item = clean_line(bullet[1])
            if item:
                found.append((True, item))
        elif not line.strip():
            end()
        else:
            parts.append(line)
    end()
    return found


def _summary(number: str | None, blocks: list[tuple[bool, str]]) -> str | None:
    if number:
        return number
    if not blocks:
        return None
    first = blocks[0][1]
    if len(first) <= 300:
        return first
    return first[:299].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"


def story_draft(
    text: str,
    form: Form,
    file: str,
    *,
    today: date,
    people: Mapping[str, Author],
    login: str | None,
) -> tuple[str, str]:
    """The new story's file name (a slug) and its text; raises ContentError for every wrong
    answer at once."""
    answers = read_answers(text, form, file)
    title = answers.line("headline", maximum=MAX_TITLE, required=True)
    team = answers.line("team", maximum=80, required=True)
    story = answers.raw("story")
    if not clean_line(story):
        answers.problem(
            "story", _("needs an answer"), _("edit the issue to answer it, then run again")
        )
    elif len(story) > MAX_STORY:
        answers.problem(
            "story",
            _(
                "is %(length)s characters long, more than %(maximum)s",
                length=len(story),
                maximum=MAX_STORY,
            ),
            _("shorten the answer in the issue, then run again"),
        )
    number = answers.line("number", maximum=300)
    tags = answers.items("tags", maximum=60, count=MAX_TAGS)
    share = answers.line("share", maximum=MAX_SHARE)
    chosen = answers.line("author", maximum=80)
    author = None
    if chosen is not None:
        if chosen in people:
            author = chosen
        else:
            answers.problem(
                "author",
                _("there is no person '%(id)s' in content/authors.yml", id=chosen),
                _("write your id as it is there, or leave the answer empty"),
            )
    else:
        author = person_of(login, people)
        if author is None:
            answers.problem(
                "author",
                _(
                    "is empty, and no one in content/authors.yml links to the GitHub account "
                    "of the issue's author"
                ),
                _(
                    "write your id in the issue, or add your GitHub link to your entry in "
                    "content/authors.yml"
                ),
            )
    answers.ticked("consent")
    answers.done()
    assert title is not None and team is not None and author is not None
    blocks = _blocks(story.replace("\r\n", "\n"))
    lines = [
        "---",
        f"title: {_q(title)}",
        f"date: {today.isoformat()}",
        f"id: {uuid.uuid4()}",
        "draft: true  # " + _("from an issue: review it with its author, then remove this line"),
        f"team: {_q(team)}",
        f"authors: [{author}]",
        f"tags: {json.dumps(tags, ensure_ascii=False)}",
    ]
    summary = _summary(number, blocks)
    if summary:
        lines.append(f"summary: {_q(summary)}")
    lines += ["share:", f"  - text: {_q(share or title)}", f"    hashtags: [{HASHTAG}]", "---"]
    lines += markdown_lines(blocks)
    return slugify(title)[:60].strip("-") or "small-win", "\n".join(lines) + "\n"


def free_path(folder: Path, slug: str) -> Path:
    path = folder / f"{slug}.md"
    number = 2
    while path.exists():
        path = folder / f"{slug}-{number}.md"
        number += 1
    return path


# A person joins the ambassador pool.


def person_entry(
    text: str, form: Form, file: str, *, people: Mapping[str, Author], login: str | None
) -> Person:
    answers = read_answers(text, form, file)
    name = answers.line("name", maximum=120, required=True)
    team = answers.line("team", maximum=80, required=True)
    location = answers.line("location", maximum=80)
    languages = answers.items("languages", maximum=20, count=MAX_ITEMS)
    for code in languages:
        if not _LANG.fullmatch(code):
            answers.problem(
                "languages",
                _("'%(code)s' is not a language code", code=code),
                _("write codes such as es, en or pt-BR, separated by commas"),
            )
            break
    topics = answers.items("topics", maximum=60, count=MAX_ITEMS)
    why = answers.line("why", maximum=200, required=True)
    chosen = answers.line("person", maximum=80)
    answers.ticked("consent")
    person_id = None
    if chosen is not None:
        if slugify(chosen) != chosen:
            answers.problem(
                "person",
                _("'%(id)s' is not an id", id=chosen),
                _("use lowercase letters, digits and dashes, e.g. ana-lozano"),
            )
        elif chosen in people and _foreign(people[chosen], login):
            answers.problem(
                "person",
                _("%(id)s belongs to another GitHub account", id=chosen),
                _("leave the answer empty to be added as a new person"),
            )
        else:
            person_id = chosen
    answers.done()
    assert name is not None and team is not None and why is not None
    if person_id is None:
        person_id = person_of(login, people) or _new_id(name, people, login)
    values = {"name": _q(name), "team": _q(team)}
    if location:
        values["location"] = _q(location)
    if languages:
        values["languages"] = json.dumps(languages, ensure_ascii=False)
    if topics:
        values["topics"] = json.dumps(topics, ensure_ascii=False)
    values |= {"ambassador": "true", "why": _q(why)}
    known = people.get(person_id)
    github = None
    if login is not None and (known is None or _github_login(known) is None):
        github = GITHUB + login
    return Person(person_id, values, github, known is None)


def _foreign(person: Author, login: str | None) -> bool:
    """Whether the person's entry links to a GitHub account other than ``login``'s."""
    theirs = _github_login(person)
    return theirs is not None and theirs != (login or "").lower()


def _new_id(name: str, people: Mapping[str, Author], login: str | None) -> str:
    """An id from the name; a namesake's entry linked to another account gets -2, -3 …"""
    base = slugify(name)[:70].strip("-") or (slugify(login or "") or "person")
    candidate, number = base, 2
    while candidate in people and _foreign(people[candidate], login):
        candidate = f"{base}-{number}"
        number += 1
    return candidate
