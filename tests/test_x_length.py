"""X's weighted length is exactly twitter-text-parser's, however the text is made.

``hub.channels.x_weighted_length`` skips the work ``parse_tweet`` does in vain; these
properties hold it to ``parse_tweet(text).weightedLength`` on texts that mix scripts, emoji
sequences, hashtags, mentions, URLs and odd spaces, glued together or apart.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from twitter_text import extract_urls_with_indices, parse_tweet
from twitter_text.regexp.emoji import emoji, emoji_list
from twitter_text.regexp.spaces_group import spaces_group

from hub.channels import _x_rules, x_weighted_length


def library(text: str) -> int:
    return int(parse_tweet(text).weightedLength)


SPACES = [chr(c) for c in range(0x110000) if re.fullmatch(f"[{spaces_group}]", chr(c))]
EMOJI = [e.emoji for e in emoji_list]
WORDS = [
    "hello", "Alcor", "logistics", "ships", "the", "new", "hub", "today", "e.g", "v2.0", "3.5",
    "café", "naïve", "Straße", "déjà", "Ελληνικά", "Привет", "مرحبا", "שלום", "हिन्दी",
    "日本語", "中文", "한국어", "\uff46\uff55\uff4c\uff4c", "…", "—", "\u2019", "€", "№", "™",
    "©", "e\u0301", "A\u030a", "\u1100\u1161", "ﬁ", "\U0001d4b3", "𠜎",
]  # fmt: skip
URLS = [
    "https://example.com", "http://example.com/", "example.com", "www.example.com",
    "alcor-logistics.github.io/hub/x?utm_source=x",
    "https://alcor-logistics.github.io/hub/stories/night-shift/?utm_source=x&utm_medium=social",
    "https://example.com/a/very/long/path?with=query&and=more#part", "https://a.com",
    "hub.example", "foo.bar", "acme.mx/x", "t.co/abc", "https://t.co/abcdef?x=1",
    "https://t.co/" + "a" * 45, "日本語.jp", "例え.テスト", "xn--wgv71a119e.jp", "example.COM",
    "https://example.com:8080/p", "https://example.com/a_(b)", "https://example.com/@user/",
    "example.com/path.", "ex.ample.co.uk/x.html", "EXAMPLE.ORG", "https://münchen.de/straße",
    "http://example.com/" + "x" * 4100, "a.b.c.d", "foo.comexample.com", "https://",
    "https://😀example.com", "https://a©b.com/x", "http://™️.com", "éxample.com", "пример.",
    "пример.example.com/пример.example.com", "example.com/пример.example.com",
]  # fmt: skip
TAGS = [
    "#SmallWins", "#hub2026", "#café", "#日本", "#", "\uff03tag", "$ACME", "@alcor", "@", "\uff20x",
]  # fmt: skip
GLUE = [
    "", " ", "  ", "\n", "\r\n", "\r", "\t", ".", ". ", ",", "!", "?", "(", ")", "/", "-", "_",
    "@", "#", "$", ":", "'", "\"", "\u200d", "\ufe0f", "\u20e3", "\u0301", "\u202e", "\u200e",
    "\ufeff", "\x1c", "\x85", *SPACES,
]  # fmt: skip

pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(URLS),
    st.sampled_from(TAGS),
    st.sampled_from(EMOJI),
    st.sampled_from(["👍🏽", "👨‍👩‍👧‍👦", "👨‍💻", "🇪🇸", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "#️⃣", "1⃣", "☺", "😀", "🚚"]),
    st.text(max_size=6),
)
texts = st.lists(st.tuples(st.sampled_from(GLUE), pieces), max_size=30).map(
    lambda parts: "".join(glue + piece for glue, piece in parts)
)

FIXED = [
    "",
    "Camión 🚚 a Monterrey https://acme.mx/x",
    "👨‍💻example.com",
    "😀example.com and 😀 example.com",
    "#️⃣example.com 1⃣2⃣3⃣ #1 *️⃣",
    "e\u0301xample.com cafe\u0301 https://exa\u0301mple.com",
    "line\r\nbreak\rand\nmore https://example.com\r\n",
    "(https://example.com/a_(b)) -example.com _example.com /example.com .example.com",
    "x@example.com $example.com #example.com",
    "\u202ehttps://example.com \u200eexample.com",
    "example.com\x1cexample.org\u3000example.net\u00a0example.io",
    "https://t.co/abc https://t.co/" + "a" * 41,
    "go éxample.com, go 日本example.com",  # the word's first letter may begin the URL
    "https://😀example.com 👍 https://a©b.com http://™️.com",  # emoji inside a URL
    "x пример.example.com/пример.example.com",  # the URL counted is shorter than its span
    "пример.example.com/пример.example.com y",
    "日本語.jp中国語example.com",
    "a" * 300 + " https://example.com",
    "Ship faster with #Alcor. Read more: https://alcor-logistics.github.io/hub/x?utm_source=x",
]


@pytest.mark.parametrize("text", FIXED)
def test_fixed_texts_count_as_the_library_counts(text: str) -> None:
    assert x_weighted_length(text) == library(text)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("Olé #SmallWins 👍🏽 https://example.com/a?b=c")
@example("\u3000example.com\u2028https://example.com\x0b")
def test_mixed_texts_count_as_the_library_counts(text: str) -> None:
    assert x_weighted_length(text) == library(text)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_counts_as_the_library_counts(text: str) -> None:
    assert x_weighted_length(text) == library(text)


def test_the_fast_rules_are_in_use() -> None:
    assert _x_rules().ready


def test_every_emoji_start_is_a_candidate() -> None:
    # The candidate class must hold every code point where the library's emoji pattern can
    # match: the first code point of each alternative, and each single-code-point emoji.
    for alternative in emoji.pattern.split("|")[:-1]:
        first = chr(int(alternative[2:10], 16))
        assert _x_rules().emoji_start.match(first), alternative
    singles = re.compile(emoji.pattern.split("|")[-1], emoji.flags)
    for code in range(0x110000):
        if singles.match(chr(code)):
            assert _x_rules().emoji_start.match(chr(code)), hex(code)


@pytest.mark.parametrize("space", SPACES)
def test_no_url_holds_a_space(space: str) -> None:
    # URLs are only looked for within words between spaces_group characters.
    text = f"https://exa{space}mple.com/a{space}b?c={space}d exa{space}mple.com{space}/x"
    for url in extract_urls_with_indices(text):
        assert space not in url["url"]
