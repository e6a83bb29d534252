"""Content in the pull-request summary and the workflow log stays plain text.

The summary is rendered here by cmark-gfm, the renderer GitHub uses, with every extension
GitHub enables and raw HTML let through (GitHub's own filter would hide some of it; nothing of
the content's may reach that filter). Whatever a title or text says, it renders as exactly its
characters and makes no element of its own."""

from __future__ import annotations

from html.parser import HTMLParser

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import example, given
from hypothesis import strategies as st

from hub.escape import markdown, markdown_code, markdown_quote, no_commands

HOSTILE = [
    "# Fake heading",
    "![x](https://evil.example/x.png)",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    "a | b",
    "Line one\n## forged",
    "Line one\r\n\r\n## forged\n\n| a | b |\n| - | - |\n| c | d |",
    "`code` and ``more`` and ```",
    "<script>alert(1)</script>",
    "https://evil.example/page and www.evil.example and press@evil.example",
    "mailto:press@evil.example xmpp:a@evil.example",
    "**bold** _em_ ~~struck~~ $x^2$ :smile:",
    "[ref]: https://evil.example\n[ref]",
    "&lt;b&gt; &#60;i&#62; &amp;",
    "Title\n===",
    "Title\n---",
    "- list\n+ list\n* list\n1. list\n2) list",
    "> quoted\n>> more",
    "    indented code",
    "<!-- comment --> <details open>",
    "trailing backslash \\",
    "\\|\\\\|",
]

# Every character class the escapes care about, and plain letters between them.
TEXT = st.lists(
    st.sampled_from([*"aZ09 \t\n\r\\`*_[]()!#|~:$@&<>\"'.,-+=/{}^%;?", "www.", "http", "ab.c"]),
    max_size=30,
).map("".join)


def render(text: str) -> str:
    return str(
        cmarkgfm.github_flavored_markdown_to_html(
            text, options=Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES
        )
    )


class Elements(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_comment(self, data: str) -> None:
        self.tags.append("!--")

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def chunks(self) -> list[str]:
        """The texts between tags, but the line breaks between elements."""
        return [t.replace("\u2060", "") for t in self.text if t.strip()]

    @property
    def plain(self) -> str:
        return "".join(self.text).replace("\u2060", "")


def one_line(text: str) -> str:
    """What a single-line field shows: line breaks as spaces."""
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_a_list_item_is_only_text(text: str) -> None:
    html = render(f"- **story** {markdown(text)} ({markdown_code('content/x.md')}, public now)")
    found = Elements(html)
    assert found.tags == ["ul", "li", "strong", "code"], html
    assert found.plain.strip() == f"story {one_line(text)} (content/x.md, public now)"


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_a_table_cell_stays_in_its_cell(text: str) -> None:
    table = "| network | text |\n| --- | --- |\n" + f"| X | {markdown(text)} |"
    found = Elements(render(table))
    assert found.tags == ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]
    assert found.chunks == ["network", "text", "X", one_line(text).strip()]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_as_a_quote_keeps_its_lines_and_nothing_else(text: str) -> None:
    html = render(f"**Title**, share[1]:\n\n{markdown_quote(text)}\n\nAfter.")
    found = Elements(html)
    assert set(found.tags) <= {"p", "strong", "blockquote", "br"}, html
    assert found.tags[:3] == ["p", "strong", "blockquote"] and found.tags.count("blockquote") == 1
    # Every character is there, in order (line breaks and leading spaces aside).
    assert "".join(found.plain.split()) == "Title,share[1]:" + "".join(text.split()) + "After."


@pytest.mark.parametrize(
    "name", ["content/a`b.md", "``x``", "content/a b.md", "`", "x\n## forged", "a|b"]
)
def test_a_file_name_is_one_code_span_whatever_it_holds(name: str) -> None:
    found = Elements(render(f"- {markdown_code(name)}, public now"))
    assert found.tags == ["ul", "li", "code"]
    assert found.chunks[0] == one_line(name)


@given(TEXT)
@example("www.evil.example")
@example("a@b.c")
def test_any_text_renders_as_itself(text: str) -> None:
    found = Elements(render(f"x {markdown(text)} y"))
    assert found.tags == ["p"]
    assert found.plain.removesuffix("\n") == f"x {one_line(text)} y"


@given(TEXT)
def test_any_text_in_a_cell_renders_as_itself(text: str) -> None:
    found = Elements(render(f"| a | b |\n| - | - |\n| x{markdown(text)}y | z |"))
    assert found.tags == ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]
    assert found.chunks == ["a", "b", f"x{one_line(text)}y", "z"]


@given(TEXT)
def test_any_text_quoted_makes_no_element_but_paragraphs(text: str) -> None:
    found = Elements(render("Before.\n\n" + markdown_quote(text) + "\n\nAfter."))
    assert set(found.tags) <= {"p", "blockquote", "br"}
    assert "".join(found.plain.split()) == "Before." + "".join(text.split()) + "After."


def commands(log: str) -> list[str]:
    """The lines GitHub's runner would take for workflow commands: :: after leading spaces
    (its TrimStart), or ##[ anywhere (the older form)."""
    lines = log.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line for line in lines if line.lstrip().startswith("::") or "##[" in line]


@pytest.mark.parametrize(
    "text",
    [
        "content/stories/x\n::error::forged.md",
        "x\r::add-mask::secret",
        "x\r\n  ::warning file=a.md::forged",
        "::set-output name=build::true",
        "title ##[error]forged",
        "###[error]forged",
        "x\n\t::stop-commands::token",
    ],
)
def test_no_line_of_text_in_the_log_is_a_workflow_command(text: str) -> None:
    assert commands(text)  # the fixture would command something
    safe = no_commands(text)
    assert commands(safe) == []
    assert safe.replace("\\", "") == text.replace("\\", "")  # shown as written


@given(st.text(alphabet=st.sampled_from(list(":#[\\ \t\r\nae")), max_size=30))
def test_no_text_at_all_commands_the_runner(text: str) -> None:
    assert commands(no_commands(text)) == []


def test_a_quoted_text_keeps_its_line_breaks_and_paragraphs() -> None:
    found = Elements(render(markdown_quote("One\n## two\n\nThree\r\nfour")))
    assert found.tags == ["blockquote", "p", "br", "p", "br"]
    assert [c.strip() for c in found.chunks] == ["One", "## two", "Three", "four"]
