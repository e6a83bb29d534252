"""Reading a Markdown file: front matter with file lines, and problems instead of crashes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hub import frontmatter, i18n
from hub.frontmatter import read_document
from hub.summaries import first_heading, first_paragraph


def read(text: str | bytes) -> tuple[object, list[str]]:
    raw = text.encode() if isinstance(text, str) else text
    doc, problems = read_document(raw, path="content/x.md", rel="x.md")
    return doc, [str(p) for p in problems]


def test_keys_remember_their_file_lines() -> None:
    doc, problems = read("---\ntitle: A\n\ndate: 2026-03-03\n---\nBody\n")
    assert problems == []
    assert doc.meta == {"title": "A", "date": "2026-03-03"}  # type: ignore[attr-defined]
    assert doc.meta.lines == {"title": 2, "date": 4}  # type: ignore[attr-defined]
    assert doc.body == "Body\n"  # type: ignore[attr-defined]


def test_a_key_given_twice_is_a_problem() -> None:
    _, problems = read("---\ntitle: A\ntitle: B\n---\n")
    assert problems == ["content/x.md:3: the key 'title' appears twice (keep one of them)"]


def test_front_matter_must_be_closed_and_be_keys() -> None:
    assert read("---\ntitle: A\n")[1] == [
        "content/x.md:1: the front matter is not closed (add a line with --- after the last key)"
    ]
    assert read("---\n- a\n- b\n---\n")[1] == [
        "content/x.md:2: the front matter is not a list of keys "
        "(write one 'key: value' per line between the --- lines)"
    ]


def test_windows_line_ends_and_byte_order_mark_are_fine() -> None:
    doc, problems = read(b"\xef\xbb\xbf---\r\ntitle: A\r\n---\r\nBody\r\n")
    assert problems == [] and doc.meta == {"title": "A"}  # type: ignore[attr-defined]


def test_no_front_matter_is_a_plain_body() -> None:
    doc, problems = read("# Hello\n\nText.\n")
    assert problems == [] and doc.meta == {}  # type: ignore[attr-defined]


def test_summary_and_title_come_from_the_body() -> None:
    body = (
        "# The *title*\n\n![img](a.png)\n\nFirst **bold** [link](x.md) text\ngoes on.\n\nSecond.\n"
    )
    assert first_heading(body) == "The title"
    assert first_paragraph(body) == "First bold link text goes on."
    long = "word " * 100
    summary = first_paragraph(long)
    assert len(summary) <= 300 and summary.endswith("…")


# Broken YAML in an editor's words, on the line where the mistake starts (issue 23).
YAML_MISTAKES = {
    "a quote never closed": (
        '---\nsummary: "Hello\nteam: Fleet\n---\n',
        "content/x.md:2: a quote opened on line 2 is not closed "
        "(end the value with the quote mark it starts with, on the same line)",
    ),
    "a quote closed by the next line's": (
        '---\ntitle: "A\nteam: "Fleet"\n---\n',
        "content/x.md:2: a quote opened on line 2 is not closed "
        "(end the value with the quote mark it starts with, on the same line)",
    ),
    "a double quote inside double quotes": (
        '---\ntitle: "Ana\'s "best" day"\n---\n',
        "content/x.md:2: the value on line 2 goes on after its closing quote "
        '(inside double quotes, write a quote mark as \\", or use single quotes instead)',
    ),
    "an apostrophe inside single quotes": (
        "---\ntitle: 'Ana's day'\n---\n",
        "content/x.md:2: the value on line 2 goes on after its closing quote "
        "(inside single quotes, write an apostrophe twice (''), or use double quotes instead)",
    ),
    "a tab for indentation": (
        "---\ntags:\n\t- fleet\n---\n",
        "content/x.md:3: line 3 is indented with a tab (indent with spaces only, two for each "
        "level)",
    ),
    "a tab inside a share entry": (
        "---\nshare:\n  - text: Hi\n\t  hashtags: [x]\n---\n",
        "content/x.md:4: line 4 is indented with a tab (indent with spaces only, two for each "
        "level)",
    ),
    "no space after a colon": (
        "---\ntitle: A\nsummary:Hello\nteam: Fleet\n---\n",
        "content/x.md:3: the key on line 3 has no space after its ':' "
        "(write 'key: value', with a space after the colon)",
    ),
    "a line without a key": (
        "---\ntags:\n- a\nfleet\n---\n",
        "content/x.md:4: line 4 is not a 'key: value' line "
        "(add the key and ': ' before the text, or indent it under the key it belongs to)",
    ),
    "an unclosed bracket": (
        "---\ntags: [a, b\nteam: Fleet\n---\n",
        "content/x.md:2: a [ opened on line 2 is not closed (end it with ] on the same line, "
        "or put the value in quotes if the [ is part of the text)",
    ),
    "an unclosed brace": (
        "---\nx: {a: 1\n---\n",
        "content/x.md:2: a { opened on line 2 is not closed (end it with } on the same line, "
        "or put the value in quotes if the { is part of the text)",
    ),
    "a colon inside an unquoted value": (
        "---\ntitle: Madrid: a record week\n---\n",
        "content/x.md:2: the value on line 2 contains ': ' "
        '(put the whole value in double quotes: key: "…: …")',
    ),
    "a key indented too far": (
        "---\ntitle: A\n  summary: B\n---\n",
        "content/x.md:3: line 3 is not indented like the keys around it "
        "(keys of one level start in the same column; indent with spaces only)",
    ),
    "share keys not lined up": (
        "---\nshare:\n  - text: a\n   hashtags: [b]\n---\n",
        "content/x.md:4: line 4 is not indented like the keys around it "
        "(keys of one level start in the same column; indent with spaces only)",
    ),
    "a value starting with @": (
        "---\ntitle: @ana\n---\n",
        "content/x.md:2: a value cannot start with @ (put the value in quotes)",
    ),
    "a value starting with *": (
        "---\ntitle: *great* news\n---\n",
        "content/x.md:2: a value cannot start with * (put the value in quotes)",
    ),
    "a value starting with !": (
        "---\ntitle: !important news\n---\n",
        "content/x.md:2: a value cannot start with ! (put the value in quotes)",
    ),
    "a value starting with a dash": (
        "---\ntitle: - the list\n---\n",
        "content/x.md:2: a value cannot start with - (put the value in quotes)",
    ),
    "a value starting with |": (
        "---\ntitle: |x\n---\n",
        "content/x.md:2: a value cannot start with | (put the value in quotes)",
    ),
    "an unknown escape in double quotes": (
        '---\ntitle: "C:\\Users"\n---\n',
        "content/x.md:2: a backslash in double quotes must start a known escape such as \\n "
        "(write \\\\ for a backslash, or put the value in single quotes)",
    ),
}


@pytest.mark.parametrize("case", list(YAML_MISTAKES), ids=list(YAML_MISTAKES))
def test_broken_yaml_is_told_in_plain_words_where_it_starts(case: str) -> None:
    text, message = YAML_MISTAKES[case]
    assert read(text)[1] == [message]


@pytest.mark.parametrize("case", list(YAML_MISTAKES), ids=list(YAML_MISTAKES))
def test_the_pure_python_reader_says_the_same(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Where libyaml is missing, PyYAML's own reader words its errors differently.
    import yaml

    class Pure(yaml.SafeLoader):
        yaml_implicit_resolvers = frontmatter._Loader.yaml_implicit_resolvers
        yaml_constructors = frontmatter._Loader.yaml_constructors

    monkeypatch.setattr(frontmatter, "_Loader", Pure)
    frontmatter.forget()
    text, message = YAML_MISTAKES[case]
    assert read(text)[1] == [message]
    frontmatter.forget()


@pytest.fixture
def spanish() -> Iterator[None]:
    frontmatter.forget()  # what was read is kept with its messages, in English
    i18n.activate(i18n.language("es"))
    try:
        yield
    finally:
        i18n.activate(i18n.language("en"))
        frontmatter.forget()


def test_broken_yaml_in_a_spanish_hub(spanish: None) -> None:
    assert read('---\nsummary: "Hola\nteam: Flota\n---\n')[1] == [
        "content/x.md:2: unas comillas abiertas en la línea 2 no se cierran "
        "(termina el valor con las mismas comillas con las que empieza, en la misma línea)"
    ]
    assert read("---\ntags:\n\t- flota\n---\n")[1] == [
        "content/x.md:3: la línea 3 está sangrada con un tabulador "
        "(sangra solo con espacios, dos por nivel)"
    ]
