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
from hub.model import Item
from hub.problems import Problem
from hub.settings import Settings
from hub.share import Post, deliver, posts_for


def check_posts(item: Item, settings: Settings, site_url: str) -> list[Problem]:
    """Banned terms and lengths per channel of every post of ``item``.

    Remembered across a preview's rebuilds: only the posts of edited files are checked again."""
    key = (item, tuple(item.lines.items()), _settings_key(settings), site_url)
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
            hint = f"did you mean `{close[0]}`?" if close else "use: " + ", ".join(CHANNELS)
            problems.append(
                Problem(
                    item.path,
                    post.line,
                    f"{post.field}.channels",
                    f"'{channel}' is not a channel",
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
                            where,
                            f"'{term}' is not in our voice",
                            f"write '{settings.banned_terms[term]}' instead",
                        )
                    )
        if unknown:
            continue
        for variant in range(len(post.texts)):
            where = post.field if variant == 0 else f"variants[{variant}]"
            problems.extend(_lengths(item, post, settings, variant, where))
    return problems


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
            hint = "shorten the text" + (
                f" or add '{channel}: …' with a shorter text just for {label}"
                if variant == 0 and post.field != "the post"
                else ""
            )
            yield Problem(
                item.path,
                _line(item, post, where),
                where,
                f"too long for {label}: {delivery.length} of {delivery.limit} characters "
                "with hashtags, disclosure and link",
                hint,
            )
