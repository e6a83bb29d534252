"""``brandhub new``: a valid starting file for an editor, with placeholders to fill in."""

from __future__ import annotations

import json
import uuid
from datetime import date

from hub import placeholders as p
from hub.i18n import _
from hub.urls import slugify

KINDS = {"story": "stories", "message": "messages", "campaign": "campaigns", "snippet": "snippets"}


def _q(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: quotes, colons and # stay safe.
    return json.dumps(text, ensure_ascii=False)


def new_file(
    kind: str, title: str, *, today: date, authors: list[str], campaign_kind: str = "brand"
) -> tuple[str, str]:
    """The path (inside the content folder) and text of a new item; it starts as a draft."""
    slug = slugify(title) or "untitled"
    head = [
        "---",
        f"title: {_q(title)}",
        f"date: {today.isoformat()}",
        f"id: {uuid.uuid4()}",
        "draft: true  # remove this line when the text is ready to publish",
        f"summary: {_q(_(p.SUMMARY))}",
        "tags: []",
    ]
    body = _(p.BODY) + "\n"
    if kind == "story":
        author = authors[0] if authors else "your-id"
        head += [
            f"team: {_q(_(p.TEAM))}",
            f"authors: [{author}]  # ids from content/authors.yml",
            "share:",
            f"  - text: {_q(_(p.SHARE_TEXT))}",
            "    hashtags: [SmallWins]",
        ]
        body = _(p.STORY_BODY) + "\n"
    elif kind == "message":
        head += [
            f"pillar: {_q(_(p.PILLAR))}",
            "audience: [everyone]",
            "proof_points:",
            f"  - {_q(_(p.PROOF_POINT))}",
        ]
        body = _(p.MESSAGE_BODY) + "\n"
    elif kind == "campaign":
        head.append(f"kind: {campaign_kind}")
        if campaign_kind == "event":
            head += [f"starts: {today.isoformat()}", f"ends: {today.isoformat()}"]
        if campaign_kind == "welcome":
            head += [
                "steps:",
                "  - day: 0",
                '    title: "Welcome!"',
                f"    summary: {_q(_(p.STEP_SUMMARY))}",
                "    link: index.md",
            ]
        head.append(f"hashtag: {_q(_(p.HASHTAG))}")
    elif kind == "snippet":
        body = _(p.SNIPPET_BODY) + "\n"
    head.append("---")
    return f"{KINDS[kind]}/{slug}.md", "\n".join(head) + "\n\n" + body
