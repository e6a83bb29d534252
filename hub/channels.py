"""The networks a post can go to: their length rules and their share addresses.

Facts designed around: LinkedIn's share address ignores prefilled text and Facebook forbids
prefilling, so for them the text is copied first; X counts weighted characters with every URL
as 23 (the official twitter-text rules, through twitter-text-parser); Bluesky counts 300
graphemes, with each link shortened the way its composer shows it; Mastodon counts a URL as 23
and has no global share address (the reader's own instance is asked for once, in the browser).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlsplit

import regex
from twitter_text import parse_tweet

URL_WEIGHT = 23  # X and Mastodon count any link as 23 characters


@lru_cache(maxsize=65536)
def _graphemes(text: str) -> int:
    return len(regex.findall(r"\X", text))


@lru_cache(maxsize=65536)  # the same post is counted for its check, its card and the API
def x_weighted_length(text: str) -> int:
    """X's weighted length: most scripts 1, CJK and emoji 2, any recognised URL 23."""
    return int(parse_tweet(text).weightedLength)


def _x_length(text: str, link: str) -> int:
    return x_weighted_length(f"{text} {link}")


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
    label: str
    limit: int | None  # None: no practical limit
    prefill: bool  # False: the network ignores text, so the card copies it first
    # The share address; {text} is the post, {url} the link, {post} both, {title} the page's.
    template: str
    count: Callable[[str, str], int]


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
        Channel("email", "Email", None, True, "mailto:?subject={title}&body={post}", _plain_length),
    )
}


def share_url(channel: Channel, text: str, link: str, title: str, instance: str = "") -> str:
    """The address that opens ``channel`` with the post; every value is percent-encoded once."""
    values = {
        "text": text,
        "url": link,
        "post": f"{text} {link}",
        "title": title,
    }
    result = channel.template
    for key, value in values.items():
        result = result.replace("{" + key + "}", quote(value, safe=""))
    return result.replace("{instance}", instance)
