"""Reading a Markdown file: front matter with file lines, and problems instead of crashes."""

from __future__ import annotations

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
