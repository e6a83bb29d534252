"""The networks a post can go to: their length rules and their share addresses.

Facts designed around: LinkedIn's share address ignores prefilled text and Facebook forbids
prefilling, so for them the text is copied first; X counts weighted characters with every URL
as 23 (the official twitter-text rules, through twitter-text-parser); Bluesky counts 300
graphemes, with each link shortened the way its composer shows it; Mastodon counts a URL as 23
and has no global share address (the reader's own instance is asked for once, in the browser).

X's count gives exactly ``parse_tweet(text).weightedLength`` but costs a small fraction of it:
twitter-text-parser's own URL extractor only sees the space-separated words where a dot is
followed by more (a URL never contains a space, and its domain needs a dot and a top-level
domain), its own emoji pattern is only tried where an emoji can start, split by first code
point, and plain characters are weighed by one pattern built from its configuration. Should its
emoji pattern or weights take another shape, ``parse_tweet`` counts instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlsplit

import regex

from hub.i18n import N_, _

URL_WEIGHT = 23  # X and Mastodon count any link as 23 characters


@lru_cache(maxsize=65536)
def _graphemes(text: str) -> int:
    return len(regex.findall(r"\X", text))


@lru_cache(maxsize=4096)  # a story's link recurs in each of its posts
def _x_urls_in(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``extract_urls_with_indices`` finds URLs in ``text``, and their counted lengths."""
    from twitter_text import extract_urls_with_indices

    return tuple((url["indices"][0], len(url["url"])) for url in extract_urls_with_indices(text))


class _XRules:
    """twitter-text-parser's default (v3) counting, rearranged to skip work that cannot matter.

    ``parse_tweet`` walks the NFC text: a recognised URL starting at the current index weighs
    ``transformed_url_length``, else an emoji sequence weighs ``default_weight``, else the code
    point weighs what its range says; the walk jumps over what it weighed. It finds URLs and
    emoji in the whole text first, and that is where its time goes: its emoji pattern is some
    2,500 alternatives tried at every index, and every try at a URL's top-level domain is
    1,500 more. Here the same pieces give the same entities, found only where they can be;
    ``ready`` is False when the library's shape is not the one relied on.
    """

    _ESCAPE = r"\\U[0-9A-Fa-f]{8}"

    def __init__(self) -> None:
        from twitter_text.config import config as x_config  # type: ignore[import-untyped]
        from twitter_text.parse_tweet import convert_line_ending  # type: ignore[import-untyped]
        from twitter_text.regexp.emoji import emoji as x_emoji  # type: ignore[import-untyped]
        from twitter_text.regexp.spaces_group import spaces_group  # type: ignore[import-untyped]

        self.convert_line_ending: Callable[[str], str] = convert_line_ending
        options = x_config["defaults"]
        self.scale: int = options["scale"]
        self.url_weight: int = options["transformed_url_length"] * options["scale"]
        self.emoji_weight: int = options["default_weight"]  # an emoji sequence: one heavy char
        self.heavy_weight: int = options["default_weight"]
        self.emojis_enabled = bool(options.get("emoji_parsing_enabled", False))
        weights = {r["weight"] for r in options["ranges"]}
        self.light_weight: int = min(weights, default=0)  # in one of the ranges
        # Every code point outside the configured ranges weighs default_weight.
        light = "".join(rf"\U{r['start']:08x}-\U{r['end']:08x}" for r in options["ranges"])
        self.heavy = re.compile(f"[^{light}]")
        # The maximal words (runs without spaces_group) where a dot is followed by something:
        # the only places a URL can be, since the extractor's URL part (scheme, domain, port,
        # path, query) never holds spaces_group and its domain ends in a dot and a non-empty
        # top-level domain. A sentence's closing dot is so not worth asking about.
        space = spaces_group
        self.dotted_words = re.compile(rf"(?<![^{space}])(?=[^{space}]*\.[^{space}])[^{space}]+")
        # x_emoji is "sequence|...|[single code points]", each sequence a fixed run of escaped
        # code points. A sequence can only match where the text holds its first code point, so
        # at each index only those sequences (in their order) are tried, then the class (last,
        # as in the library) when it holds that code point.
        *sequences, singles = x_emoji.pattern.split("|")
        sequence_shape = re.compile(f"(?:{self._ESCAPE}){{2,}}")
        singles_shape = re.compile(rf"\[(?:{self._ESCAPE}(?:-{self._ESCAPE})?)+\]")
        self.ready = (
            len(weights) == 1  # every range weighs the same, so one pattern tells them apart
            and all(sequence_shape.fullmatch(s) for s in sequences)
            and singles_shape.fullmatch(singles) is not None
        )
        if not self.ready:
            return
        self.emoji_flags: int = x_emoji.flags
        self.emoji_single = re.compile(singles, self.emoji_flags)
        self.emoji_sequences: dict[str, list[str]] = {}
        for sequence in sequences:
            self.emoji_sequences.setdefault(chr(int(sequence[2:10], 16)), []).append(sequence)
        self.emoji_at: dict[str, re.Pattern[str]] = {}  # only code points an emoji starts with
        # Where an emoji may start: the first code points of the sequences and the class's
        # code points in the Basic Multilingual Plane, and any code point beyond it (a long
        # class of those would make every search slow; beyond it the class is asked itself).
        starts = {ord(first) for first in self.emoji_sequences if ord(first) <= 0xFFFF}
        for low, high in re.findall(r"\\U([0-9A-Fa-f]{8})(?:-\\U([0-9A-Fa-f]{8}))?", singles):
            first, last = int(low, 16), int(high or low, 16)
            starts.update(range(first, min(last, 0xFFFF) + 1))
        self.emoji_start = re.compile(
            "[" + "".join(f"\\U{code:08x}" for code in sorted(starts)) + r"\U00010000-\U0010ffff]"
        )

    def _emoji_pattern(self, first: str) -> re.Pattern[str] | None:
        """The part of x_emoji that can match at a code point; None if no part can."""
        pattern = self.emoji_at.get(first)
        if pattern is None:
            alternatives = list(self.emoji_sequences.get(first, []))
            if self.emoji_single.fullmatch(first):
                alternatives.append(self.emoji_single.pattern)
            if not alternatives:
                return None
            pattern = self.emoji_at[first] = re.compile("|".join(alternatives), self.emoji_flags)
        return pattern

    def urls(self, text: str) -> dict[int, int]:
        """Start index to counted length of each URL, as ``extract_urls_with_indices`` says.

        Each dotted word is handed over with the space before it, which the extractor takes
        as the URL's preceding character exactly as it would in the whole text."""
        found: dict[int, int] = {}
        for word in self.dotted_words.finditer(text):
            offset = max(word.start() - 1, 0)
            for start, length in _x_urls_in(text[offset : word.end()]):
                found[offset + start] = length
        return found

    def emojis(self, text: str) -> dict[int, int]:
        """Start index to length of each emoji, as ``x_emoji.finditer`` finds them."""
        found: dict[int, int] = {}
        candidate = self.emoji_start.search(text)
        while candidate is not None:
            start = candidate.start()
            pattern = self._emoji_pattern(text[start])
            match = None if pattern is None else pattern.match(text, start)
            end = start + 1 if match is None else match.end()
            if match is not None:
                found[start] = end - start
            candidate = self.emoji_start.search(text, end)
        return found

    def weighted_length(self, text: str) -> int:
        text = self.convert_line_ending(unicodedata.normalize("NFC", text))
        urls = self.urls(text)
        emojis = self.emojis(text) if self.emojis_enabled else {}
        has_heavy = self.heavy.search(text) is not None

        def plain(start: int, end: int) -> int:
            if end <= start:
                return 0
            heavy = len(self.heavy.findall(text, start, end)) if has_heavy else 0
            return self.light_weight * (end - start - heavy) + self.heavy_weight * heavy

        total, index = 0, 0
        for start in sorted(urls.keys() | emojis.keys()):
            if start < index:  # inside a URL or emoji already weighed: never looked at
                continue
            total += plain(index, start)
            if start in urls:  # a URL wins over an emoji starting at the same index
                total += self.url_weight
                index = start + urls[start]
            else:
                total += self.emoji_weight
                index = start + emojis[start]
        total += plain(index, len(text))
        return int(total / self.scale)


@lru_cache(maxsize=1)
def _x_rules() -> _XRules:
    """Made on the first count: twitter-text-parser takes a fifth of a second to import (its
    emoji pattern), which a build whose posts were all counted before (hub.verdicts keeps
    their counts) does not need at all."""
    return _XRules()


# The same post is counted for its check, its card and the API. Counts depend on the text
# alone, so those of the last build's posts are given back (remember_x_counts).
_X_COUNTS: dict[str, int] = {}
_X_COUNTS_LIMIT = 200_000


def x_weighted_length(text: str) -> int:
    """X's weighted length: most scripts 1, CJK and emoji 2, any recognised URL 23.

    Always equal to ``parse_tweet(text).weightedLength``; see ``_XRules``."""
    count = _X_COUNTS.get(text)
    if count is None:
        rules = _x_rules()
        if rules.ready:
            count = rules.weighted_length(text)
        else:
            from twitter_text import parse_tweet

            count = int(parse_tweet(text).weightedLength)
        if len(_X_COUNTS) >= _X_COUNTS_LIMIT:
            _X_COUNTS.clear()
        _X_COUNTS[text] = count
    return count


def remember_x_counts(counts: Iterable[tuple[str, int]]) -> None:
    """Counts made before (by this version of the library): asked again, they are not redone."""
    _X_COUNTS.update(counts)


def x_post(text: str, link: str) -> str:
    """What X counts of a post: its text, then its link."""
    return f"{text} {link}"


def _x_length(text: str, link: str) -> int:
    return x_weighted_length(x_post(text, link))


def _mastodon_length(text: str, link: str) -> int:
    return len(text) + 1 + URL_WEIGHT


def _plain_length(text: str, link: str) -> int:
    return len(f"{text} {link}")


def bluesky_short_link(link: str) -> str:
    """A link as Bluesky's composer displays and counts it: host, then at most 13 characters
    of the rest and '...' (social-app's ``toShortUrl``)."""
    parts = urlsplit(link)
    if parts.scheme not in ("http", "https"):
        return link
    rest = ("" if parts.path == "/" else parts.path) + (f"?{parts.query}" if parts.query else "")
    rest += f"#{parts.fragment}" if parts.fragment else ""
    return parts.netloc + (rest[:13] + "..." if len(rest) > 15 else rest)


def _bluesky_length(text: str, link: str) -> int:
    return _graphemes(f"{text} {bluesky_short_link(link)}")


@dataclass(frozen=True)
class Channel:
    key: str
    name: str  # the network's own name; Email is translated (see label)
    limit: int | None  # None: no practical limit
    prefill: bool  # False: the network ignores text, so the card copies it first
    # The share address; {text} is the post, {url} the link, {post} both, {title} the page's.
    template: str
    count: Callable[[str, str], int]

    @property
    def label(self) -> str:
        """The channel's name in the hub's language: networks keep theirs, Email does not."""
        return _(self.name)


CHANNELS: dict[str, Channel] = {
    channel.key: channel
    for channel in (
        Channel(
            "linkedin",
            "LinkedIn",
            3000,
            False,
            "https://www.linkedin.com/sharing/share-offsite/?url={url}",
            _plain_length,
        ),
        Channel("x", "X", 280, True, "https://x.com/intent/post?text={text}&url={url}", _x_length),
        Channel(
            "bluesky",
            "Bluesky",
            300,
            True,
            "https://bsky.app/intent/compose?text={post}",
            _bluesky_length,
        ),
        Channel(
            "threads",
            "Threads",
            500,
            True,
            "https://www.threads.com/intent/post?text={post}",
            _plain_length,
        ),
        Channel("whatsapp", "WhatsApp", None, True, "https://wa.me/?text={post}", _plain_length),
        Channel(
            "facebook",
            "Facebook",
            None,
            False,
            "https://www.facebook.com/sharer/sharer.php?u={url}",
            _plain_length,
        ),
        Channel(
            "mastodon",
            "Mastodon",
            500,
            True,
            "https://{instance}/share?text={post}",
            _mastodon_length,
        ),
        Channel(
            "email", N_("Email"), None, True, "mailto:?subject={title}&body={post}", _plain_length
        ),
    )
}


def share_url(channel: Channel, text: str, link: str, title: str, instance: str = "") -> str:
    """The address that opens ``channel`` with the post; every value is percent-encoded once."""
    # Percent-encoding works character by character, so the post is the text and the link
    # encoded on their own (a text is shared by several channels: it is encoded once).
    values = {
        "text": _encoded(text),
        "url": _encoded(link),
        "post": f"{_encoded(text)}%20{_encoded(link)}",
        "title": _encoded(title),
    }
    result = channel.template
    for key, value in values.items():
        result = result.replace("{" + key + "}", value)
    return result.replace("{instance}", instance)


@lru_cache(maxsize=65536)
def _encoded(value: str) -> str:
    return quote(value, safe="")
