"""authors.yml edited as text, one person at a time: editors write that file by hand, with
comments, their own order and spacing, so a command that adds or updates a person rewrites
only that person's changed lines and leaves every other byte as it was (a YAML dump would
drop the comments and reorder the keys)."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Person:
    id: str
    values: dict[str, str]  # key → its YAML text, in the order a new entry has them
    github: str | None  # the profile link to add, if the entry has none
    new: bool


class Unsupported(Exception):
    """An entry written in a way intake does not edit (e.g. on one line); the message says
    which."""


def upsert(text: str, person: Person) -> str:
    """authors.yml with the person's entry added at the end, or edited where it is: only its
    changed keys' lines are rewritten, every other byte of the file stays."""
    # Lines end at "\n" only: str.splitlines would also split at characters YAML keeps inside
    # a value or a comment (U+2028, form feeds).
    lines = [line + "\n" for line in text.split("\n")]
    if lines[-1] == "\n":
        lines.pop()  # the file ended with a line break (or was empty)
    windows = "\r\n" in text
    key = re.compile(rf"{re.escape(person.id)}[ \t]*:(.*)")
    start = next((i for i, line in enumerate(lines) if key.fullmatch(line.rstrip("\n"))), None)
    if start is None:
        indent = _indent(lines, 0, len(lines)) or "  "
        entry = [f"{person.id}:\n"]
        entry += [f"{indent}{k}: {v}\n" for k, v in person.values.items()]
        if person.github:
            entry += [f"{indent}links:\n", f"{indent * 2}GitHub: {person.github}\n"]
        gap = ["\n"] if lines and lines[-1].strip() else []
        return _endings("".join(lines + gap + entry), windows)
    rest = key.fullmatch(lines[start].rstrip("\n"))
    assert rest is not None
    if rest[1].split("#", 1)[0].strip():
        raise Unsupported(person.id)
    end = start + 1
    while end < len(lines) and not _top_level(lines[end]):
        end += 1
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and comments before the next entry belong to it
    indent = _indent(lines, start + 1, end) or "  "
    body = lines[start + 1 : end]
    for name, value in person.values.items():
        body = _set(body, indent, name, value)
    if person.github:
        body = _add_link(body, indent, person.github)
    edited = _endings("".join(lines[: start + 1] + body + lines[end:]), windows)
    return edited if text.endswith("\n") else edited.removesuffix("\r\n" if windows else "\n")


def _endings(text: str, windows: bool) -> str:
    """The new lines end as the file's own do (\r\n in a file written on Windows)."""
    return re.sub(r"(?<!\r)\n", "\r\n", text) if windows else text


def _top_level(line: str) -> bool:
    return bool(line.strip()) and not line[0].isspace() and not line.startswith("#")


def _indent(lines: Sequence[str], start: int, end: int) -> str | None:
    for line in lines[start:end]:
        if line.strip() and line[0].isspace() and not line.strip().startswith("#"):
            return line[: len(line) - len(line.lstrip())]
    return None


def _span(body: list[str], indent: str, name: str) -> tuple[int, int] | None:
    """Where the key's lines are in the entry: its own line and the deeper ones after it."""
    own = re.compile(rf"{re.escape(indent)}{re.escape(name)}[ \t]*:")
    for i, line in enumerate(body):
        if own.match(line):
            end = i + 1
            while end < len(body) and (
                not body[end].strip() or len(body[end]) - len(body[end].lstrip()) > len(indent)
            ):
                end += 1
            while end > i + 1 and not body[end - 1].strip():
                end -= 1
            return i, end
    return None


def _set(body: list[str], indent: str, name: str, value: str) -> list[str]:
    span = _span(body, indent, name)
    line = f"{indent}{name}: {value}\n"
    if span is None:
        return _append(body, [line])
    start, end = span
    if _same(body[start:end], indent, line):
        return body
    return [*body[:start], line, *body[end:]]


def _same(old: list[str], indent: str, new: str) -> bool:
    """Whether the key's lines already say what the new line says (then they stay as they are,
    their comments and spacing too)."""
    try:
        before = yaml.safe_load("".join(line.removeprefix(indent) for line in old))
        after = yaml.safe_load(new.removeprefix(indent))
    except yaml.YAMLError:
        return False
    return bool(before == after)


def _add_link(body: list[str], indent: str, url: str) -> list[str]:
    span = _span(body, indent, "links")
    if span is None:
        return _append(body, [f"{indent}links:\n", f"{indent * 2}GitHub: {url}\n"])
    start, end = span
    head = body[start].split(":", 1)[1].split("#", 1)[0].strip()
    if head:  # links: {…} on one line: the editor adds the link
        return body
    inner = _indent(body, start + 1, end) or indent * 2
    return [*body[:end], f"{inner}GitHub: {url}\n", *body[end:]]


def _append(body: list[str], new: list[str]) -> list[str]:
    last = len(body)
    while last > 0 and not body[last - 1].strip():
        last -= 1
    return body[:last] + new + body[last:]


def replace_file(path: Path, data: bytes) -> None:
    """Write the file whole or not at all: a stopped run never leaves half of authors.yml."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(staging, path)
    except BaseException:
        Path(staging).unlink(missing_ok=True)
        raise
