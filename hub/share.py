"""Share-ready posts: what a person copies or sends to each network.

A post comes from a ``share`` entry of any page, or from a snippet page itself (its body is the
default text, its ``variants`` the alternatives). For each channel the text is the channel's
override or the text, with the post's hashtags and the hub's disclosure appended when missing;
the link carries UTM tags that name the channel, the campaign and the post, never a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from hub.channels import CHANNELS, Channel, share_url, x_post
from hub.model import Item, Kind, Share
from hub.settings import Settings

COPY = "copy"  # utm_source of a link copied with the Copy button


@dataclass(frozen=True, kw_only=True)
class Post:
    key: str  # stable: the item's id (or slug) and the post's number
    item: Item
    field: str  # where it comes from, for errors: share[2], or "the post" for a snippet
    line: int | None
    texts: tuple[str, ...]  # the text, then its variants
    hashtags: tuple[str, ...]
    link: str  # the page (or given) address, without UTM tags
    channels: tuple[str, ...]
    overrides: tuple[tuple[str, str], ...]


def posts_for(item: Item, settings: Settings, site_url: str) -> list[Post]:
    """Every post of an item: the snippet itself first, then its ``share`` entries."""
    base = item.id or item.slug
    canonical = site_url.rstrip("/") + "/" + item.url
    posts = []
    if item.kind is Kind.SNIPPET and item.post_text:
        posts.append(
            Post(
                key=base,
                item=item,
                field="the post",
                line=item.body_line,
                texts=(item.post_text, *item.variants),
                hashtags=(),
                link=canonical,
                channels=settings.channels,
                overrides=(),
            )
        )
    for number, share in enumerate(item.share, start=1):
        posts.append(_from_share(item, share, number, base, canonical, settings))
    return posts


def x_counts(item: Item, settings: Settings, site_url: str) -> dict[str, int]:
    """The X count of each of the item's posts going to X, by what X counts (kept with the
    item's verdict, hub.verdicts, so that the next build need not count them again)."""
    counts: dict[str, int] = {}
    for post in posts_for(item, settings, site_url):
        if "x" in post.channels:
            for variant in range(len(post.texts)):
                delivery = deliver(post, settings, "x", variant)
                counts[x_post(delivery.text, delivery.link)] = delivery.length
    return counts


def _from_share(
    item: Item, share: Share, number: int, base: str, canonical: str, settings: Settings
) -> Post:
    return Post(
        key=f"{base}-{number}",
        item=item,
        field=f"share[{number}]",
        line=share.line,
        texts=(share.text,),
        hashtags=share.hashtags,
        link=share.url or canonical,
        channels=share.channels or settings.channels,
        overrides=share.overrides,
    )


def compose(post: Post, settings: Settings, channel: str | None = None, variant: int = 0) -> str:
    """The text for ``channel`` (its override, or the chosen variant), tags and disclosure added."""
    overrides = dict(post.overrides)
    text = overrides[channel] if channel in overrides and variant == 0 else post.texts[variant]
    present = {tag.casefold() for tag in re.findall(r"#(\w+)", text)}
    tags = []
    for tag in (*post.hashtags, *([settings.disclosure] if settings.disclosure else [])):
        name = tag.lstrip("#")
        if name.casefold() not in present:
            tags.append(f"#{name}")
            present.add(name.casefold())
    return " ".join([text, *tags])


def campaign_of(item: Item, settings: Settings) -> str:
    if item.kind is Kind.CAMPAIGN:
        return item.slug
    return item.campaign or settings.utm_campaign


@lru_cache(maxsize=65536)  # the copy link of a post: on its card and in the API
def tagged_link(post: Post, settings: Settings, source: str) -> str:
    """The post's link with UTM tags; tags already in the link are replaced, others kept."""
    return with_utm(
        post.link,
        source=settings.utm_source.get(source, source),
        medium=settings.utm_medium,
        campaign=campaign_of(post.item, settings),
        content=post.key,
    )


def with_utm(link: str, *, source: str, medium: str, campaign: str, content: str) -> str:
    """``link`` with these UTM tags; tags already in it are replaced, other parameters kept."""
    parts = urlsplit(link)
    kept = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.startswith("utm_")
    ]
    tags = _utm_tags(source, medium, campaign)
    query = "&".join(
        [*([urlencode(kept)] if kept else []), tags, urlencode([("utm_content", content)])]
    )
    return urlunsplit(parts._replace(query=query))


@lru_cache(maxsize=1024)
def _utm_tags(source: str, medium: str, campaign: str) -> str:
    """The tags every post of a channel and campaign shares, encoded once (the check and the
    cards tag tens of thousands of links at 10,000 stories)."""
    return urlencode([("utm_source", source), ("utm_medium", medium), ("utm_campaign", campaign)])


@dataclass(frozen=True)
class Delivery:
    """One post, ready for one channel."""

    channel: Channel
    text: str
    link: str
    title: str  # the page's, for channels whose address carries it (email's subject)
    length: int
    limit: int | None

    @property
    def left(self) -> int | None:
        return None if self.limit is None else self.limit - self.length

    @cached_property
    def href(self) -> str | None:
        """The share address; None for Mastodon, whose reader's server is asked in the browser.
        Made when a card or the API needs it: checking lengths does not."""
        if self.channel.key == "mastodon":
            return None
        return share_url(self.channel, self.text, self.link, self.title)


@lru_cache(maxsize=65536)  # a post is delivered for its check, its card and the API
def deliver(post: Post, settings: Settings, channel_key: str, variant: int = 0) -> Delivery:
    channel = CHANNELS[channel_key]
    text = compose(post, settings, channel_key, variant)
    link = tagged_link(post, settings, channel_key)
    limit = settings.mastodon_limit if channel_key == "mastodon" else channel.limit
    return Delivery(channel, text, link, post.item.title, channel.count(text, link), limit)


@dataclass(frozen=True)
class Version:
    text: str  # as shown and copied, without the link
    copy_link: str
    deliveries: tuple[Delivery, ...]


@dataclass(frozen=True)
class ShareCard:
    """What a share card shows: every version of a post, ready for every channel."""

    key: str
    title: str
    variants: tuple[Version, ...]


def share_card(post: Post, settings: Settings) -> ShareCard:
    versions = tuple(
        Version(
            text=compose(post, settings, None, index),
            copy_link=tagged_link(post, settings, COPY),
            deliveries=tuple(deliver(post, settings, c, index) for c in post.channels),
        )
        for index in range(len(post.texts))
    )
    return ShareCard(key=post.key, title=post.item.title, variants=versions)
