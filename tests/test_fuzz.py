"""Properties over arbitrary input: the loader, the publish rule, share links and feeds.

Any input gives either a valid result or a clear content problem, never another exception.
`make test` runs 1,000 examples per property; `make fuzz` runs many more.
"""

from __future__ import annotations

import string
import unicodedata
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import feedparser
import markdown
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from hub import schema as s
from hub.channels import CHANNELS
from hub.feeds import Entry, Feed, atom, json_feed, rss
from hub.frontmatter import read_document
from hub.importer import _entry, story_text
from hub.kinds import SCHEMAS
from hub.model import Kind, Share
from hub.plaintext import BIDI_CONTROLS, clean_line, escape_markdown
from hub.publish import State, state
from hub.settings import Settings
from hub.share import deliver, posts_for
from tests.conftest import markdown_extensions, story

MADRID = ZoneInfo("Europe/Madrid")
KEYS = sorted({key for schema in SCHEMAS.values() for key in schema})
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40)
)
yaml_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: ("---\n" + t).encode()))
def test_reading_any_file_never_raises(raw: bytes) -> None:
    doc, problems = read_document(raw, path="content/x.md", rel="x.md")
    assert all(p.file == "content/x.md" for p in problems)
    assert doc.readable == (not problems)


# Front matter made of YAML's own signs, so that its errors (and their plain words) come up.
yaml_lines = st.lists(
    st.text(alphabet="ab: \t\"'[]{},-#@*&!|>%\\", max_size=14), min_size=1, max_size=6
).map(lambda lines: ("---\n" + "\n".join(lines) + "\n---\n").encode())


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(yaml_lines)
def test_broken_yaml_is_explained_on_a_line_of_the_front_matter(raw: bytes) -> None:
    _, problems = read_document(raw, path="content/x.md", rel="x.md")
    last = raw.count(b"\n")
    for problem in problems:
        assert problem.line is None or 1 <= problem.line <= last, problem
        assert problem.message and problem.hint


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(list(Kind)),
    st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), yaml_values, max_size=8),
)
def test_validating_any_front_matter_gives_values_or_problems(kind: Kind, meta: dict) -> None:  # type: ignore[type-arg]
    ctx = s.Context(
        file="content/x.md", rel="stories/x.md", tz=MADRID, assets=frozenset({"stories/a.png"})
    )
    values, problems = s.validate(meta, SCHEMAS[kind], ctx)
    missing = {k for k in SCHEMAS[kind] if k not in meta}
    required = {k for k in missing if SCHEMAS[kind][k].required}
    assert set(values) >= missing - required
    assert {p.field for p in problems} >= required
    for problem in problems:
        assert problem.file == "content/x.md" and problem.message


moments = st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([UTC, MADRID, ZoneInfo("America/Monterrey")]),
)


@given(st.booleans(), st.none() | moments, st.none() | moments, moments)
def test_the_publish_rule_is_the_interval_from_date_to_expires(
    draft: bool, date: datetime | None, expires: datetime | None, now: datetime
) -> None:
    result = state(story(draft=draft, date=date, expires=expires), now)
    public = not draft and (date is None or date <= now) and (expires is None or now < expires)
    assert (result is State.PUBLIC) == public
    if draft:
        assert result is State.DRAFT


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120)
paths = st.text(alphabet=string.ascii_letters + string.digits + "-_/~.%", max_size=30)


@given(
    texts,
    paths,
    st.lists(st.text(alphabet=string.ascii_letters, min_size=1, max_size=10), max_size=3),
    st.sampled_from(sorted(set(CHANNELS) - {"mastodon"})),
)
def test_share_links_round_trip(text: str, path: str, tags: list[str], channel: str) -> None:
    shared = Share(text=text, hashtags=tuple(tags), url=f"https://news.acme.com/{path}?a=1&b=2")
    target = story(share=(shared,), id="id-1")
    config = Settings(organisation="Acme", disclosure="#AcmeTeam")
    post = posts_for(target, config, "https://hub.acme.com/")[0]
    d = deliver(post, config, channel)
    query = {
        k: v[0] for k, v in parse_qs(urlsplit(d.href or "").query, keep_blank_values=True).items()
    }
    if channel == "x":
        assert (query["text"], query["url"]) == (d.text, d.link)
    elif channel in ("linkedin", "facebook"):
        assert query.get("url", query.get("u")) == d.link
    else:
        key = "body" if channel == "email" else "text"
        assert query[key] == f"{d.text} {d.link}"
    assert parse_qs(urlsplit(d.link).query)["utm_source"] == [channel]


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(texts, texts, st.text(max_size=200), moments), min_size=1, max_size=4))
@example([("a ]]> b", "x\x08", "<code>]]&gt;</code> ]]> \x0b", datetime(2026, 1, 1, tzinfo=UTC))])
def test_feeds_stay_well_formed(records: list[tuple[str, str, str, datetime]]) -> None:
    items = [
        story(
            title=t, summary=summary, slug=f"s{i}", url=f"stories/s{i}/", date=when, tags=(t[:10],)
        )
        for i, (t, summary, _, when) in enumerate(records)
    ]
    entries = [
        Entry(
            it, f"https://hub.acme.com/{it.url}", f"<p>{html}</p>" if html else None, None, ("Ana",)
        )
        for it, (_, _, html, _) in zip(items, records, strict=True)
    ]
    feed = Feed("all", "Acme <&> news", "", tuple(items))
    for write in (rss, atom):
        raw = write(feed, entries, "https://hub.acme.com/", "en")
        etree.fromstring(raw)  # well-formed XML
        parsed = feedparser.parse(raw)
        assert len(parsed.entries) == len(items)
    json_feed(feed, entries, "https://hub.acme.com/", "en")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


_NAMES, _CONFIGS = markdown_extensions()
_HUB_MARKDOWN = markdown.Markdown(extensions=_NAMES, extension_configs=_CONFIGS)
# Text as feeds have it: every character, and Markdown's punctuation often, in any order.
feed_text = st.text(
    st.characters(codec="utf-8") | st.sampled_from(list(string.punctuation + " \n\t")), max_size=60
) | st.lists(
    st.sampled_from(
        [
            "{: #__config }",
            "![x](https://evil.example/x.png)",
            "[a](b)",
            "<b>",
            "&amp;",
            "&#35;",
            "# ",
            "> ",
            "- ",
            "1. ",
            "!!! note",
            "??? note",
            "~~~",
            "```",
            "| a |",
            "\\",
            "*",
            "_",
            "<https://evil.example>",
            "[TOC]",
            "    ",
            "\n\n",
            ":",
            "=",
            "&",
            "2026.",
            "x",
        ]
    ),
    max_size=8,
).map("".join)


@example("{: #__config }")
@example("![img](https://evil.example/x.png) <img src=x> [a](https://evil.example/(x))")
@example("??? note")
@example("2026. A year")
@given(feed_text)
def test_escaped_feed_text_renders_as_that_text_and_nothing_else(text: str) -> None:
    rendered = _HUB_MARKDOWN.reset().convert(escape_markdown(text))
    parsed = _Elements()
    parsed.feed(rendered)
    parsed.close()
    assert set(parsed.tags) <= {"p"}, rendered
    assert parsed.attributes == [], rendered
    assert " ".join("".join(parsed.text).split()) == clean_line(text)


def _invisible(character: str) -> bool:
    code = ord(character)
    return (
        character.isspace()
        or unicodedata.category(character) in ("Cc", "Cs")
        or unicodedata.bidirectional(character) in BIDI_CONTROLS
        or 0xFDD0 <= code <= 0xFDEF
        or code & 0xFFFE == 0xFFFE
    )


@given(feed_text)
def test_cleaned_text_is_one_line_of_every_visible_character(text: str) -> None:
    line = clean_line(text)
    assert line.replace(" ", "") == "".join(c for c in text if not _invisible(c))
    assert line == " ".join(line.split()) and "\n" not in line and clean_line(line) == line


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(feed_text, feed_text, feed_text, feed_text, st.text(max_size=600))
def test_a_draft_of_any_entry_passes_the_check(
    title: str, text: str, category: str, link_path: str, guid: str
) -> None:
    raw = {
        "title": "T" + title,
        "link": "https://blog.example.com/" + link_path,
        "id": guid,
        "summary": text,
        "tags": [{"term": category}],
    }
    entry = _entry(feedparser.FeedParserDict(raw))
    assert entry is not None
    draft = story_text(entry, team="Fleet", author="ana", tags=["news"])
    doc, problems = read_document(draft.encode(), path="content/x.md", rel="stories/x.md")
    assert problems == []
    ctx = s.Context(file="content/x.md", rel="stories/x.md", tz=MADRID, assets=frozenset())
    values, problems = s.validate(doc.meta, SCHEMAS[Kind.STORY], ctx)
    assert problems == [], (draft, problems)
    assert values["title"] == entry.title and values["source_id"] == entry.source_id
    page = _Elements()
    page.feed(_HUB_MARKDOWN.reset().convert(doc.body))
    assert set(page.tags) <= {"p", "a"}
    assert page.attributes == [("href", values["source"])]  # the importer's link, and only it
