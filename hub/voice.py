"""The brand's voice, checked at build time on every post: banned terms and length per channel.

Errors name the file, the post (``share[2]``, ``variants[1]`` or the snippet's post) and the
channel, so an editor knows exactly which text to shorten or reword.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import lru_cache

from hub.channels import CHANNELS
from hub.i18n import _, active
from hub.model import Item
from hub.problems import Problem
from hub.schema import did_you_mean
from hub.settings import Settings
from hub.share import Post, deliver, posts_for

SNIPPET_POST = "the post"  # Post.field of a snippet's own text (hub.share), named by _named()


def check_posts(item: Item, settings: Settings, site_url: str) -> list[Problem]:
    """Banned terms and lengths per channel of every post of ``item``.

    Remembered across a preview's rebuilds: only the posts of edited files are checked again."""
    key = (item, tuple(item.lines.items()), _settings_key(settings), site_url, active().catalogue)
    try:
        hash(key)
    except TypeError:  # a front-matter value that cannot be hashed (Material's options)
        return _check_posts(item, settings, site_url)
    if key not in _CHECKED:
        if len(_CHECKED) >= _CHECKED_LIMIT:
            _CHECKED.clear()
        _CHECKED[key] = _check_posts(item, settings, site_url)
    return list(_CHECKED[key])


_CHECKED: dict[tuple[object, ...], list[Problem]] = {}
_CHECKED_LIMIT = 50_000


def forget() -> None:
    """A one-off build checks each post once: drop what a preview keeps between rebuilds."""
    _CHECKED.clear()


@lru_cache(maxsize=8)
def _settings_key(settings: Settings) -> str:
    return repr(settings)  # Settings compare by identity; a rebuild reads them afresh


def _check_posts(item: Item, settings: Settings, site_url: str) -> list[Problem]:
    problems: list[Problem] = []
    banned = _banned_patterns(settings)
    for post in posts_for(item, settings, site_url):
        unknown = [c for c in post.channels if c not in CHANNELS]
        for channel in unknown:
            close = difflib.get_close_matches(channel, list(CHANNELS), n=1)
            hint = (
                did_you_mean(close[0])
                if close
                else _("use: %(channels)s", channels=", ".join(CHANNELS))
            )
            problems.append(
                Problem(
                    item.path,
                    post.line,
                    _named(f"{post.field}.channels"),
                    _("'%(channel)s' is not a channel", channel=channel),
                    hint,
                )
            )
        for where, text in _texts(post):
            for term, pattern in banned:
                if pattern.search(text):
                    problems.append(
                        Problem(
                            item.path,
                            _line(item, post, where),
                            _named(where),
                            _("'%(term)s' is not in our voice", term=term),
                            _("write '%(better)s' instead", better=settings.banned_terms[term]),
                        )
                    )
        if unknown:
            continue
        for variant in range(len(post.texts)):
            where = post.field if variant == 0 else f"variants[{variant}]"
            problems.extend(_lengths(item, post, settings, variant, where))
    return problems


def _named(where: str) -> str:
    """A post's field as an editor reads it: a snippet's own text is "the post"."""
    if where.startswith(SNIPPET_POST):
        return _("the post") + where.removeprefix(SNIPPET_POST)
    return where


def _line(item: Item, post: Post, where: str) -> int | None:
    """Variants are one list: point at its key; anything else at the post itself."""
    return item.lines.get("variants") if where.startswith("variants") else post.line


def _banned_patterns(settings: Settings) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (term, re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE))
        for term in settings.banned_terms
    ]


def _texts(post: Post) -> Iterator[tuple[str, str]]:
    yield post.field, post.texts[0]
    for number, variant in enumerate(post.texts[1:], start=1):
        yield f"variants[{number}]", variant
    for channel, text in post.overrides:
        yield f"{post.field}.{channel}", text
    if post.hashtags:
        yield f"{post.field}.hashtags", " ".join(f"#{tag}" for tag in post.hashtags)


def _lengths(
    item: Item, post: Post, settings: Settings, variant: int, where: str
) -> Iterator[Problem]:
    for channel in post.channels:
        delivery = deliver(post, settings, channel, variant)
        if delivery.left is not None and delivery.left < 0:
            label = delivery.channel.label
            hint = (
                _(
                    "shorten the text or add '%(channel)s: …' with a shorter text just for "
                    "%(label)s",
                    channel=channel,
                    label=label,
                )
                if variant == 0 and post.field != SNIPPET_POST
                else _("shorten the text")
            )
            yield Problem(
                item.path,
                _line(item, post, where),
                _named(where),
                _(
                    "too long for %(label)s: %(length)s of %(limit)s characters with hashtags, "
                    "disclosure and link",
                    label=label,
                    length=delivery.length,
                    limit=delivery.limit,
                ),
                hint,
            )
