"""Share-ready posts: the text a person copies, with hashtags and the hub's disclosure."""

from __future__ import annotations

import re

from hub.model import Share
from hub.settings import Settings


def post_text(share: Share, settings: Settings, channel: str | None = None) -> str:
    """The post for ``channel`` (its override, else the text), hashtags and disclosure added."""
    overrides = dict(share.overrides)
    text = overrides.get(channel, share.text) if channel else share.text
    present = {tag.casefold() for tag in re.findall(r"#(\w+)", text)}
    tags = [f"#{tag}" for tag in share.hashtags if tag.casefold() not in present]
    disclosure = settings.disclosure
    if disclosure and disclosure.lstrip("#").casefold() not in present | {
        t.casefold() for t in share.hashtags
    }:
        tags.append(disclosure)
    return " ".join([text, *tags]) if tags else text
