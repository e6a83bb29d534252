"""``brandhub new``: a valid starting file for an editor, with placeholders to fill in."""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection
from datetime import date

from hub.urls import slugify

KINDS = {
    "story": "stories",
    "message": "messages",
    "campaign": "campaigns",
    "snippet": "snippets",
    "guideline": "guidelines",
    "page": "",  # a plain page, at the top of the content folder
}
# Where a new welcome journey's first step leads: the first of these pages the hub has.
FIRST_STEP = ("index.md", "about.md")


def _q(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: quotes, colons and # stay safe.
    return json.dumps(text, ensure_ascii=False)


def new_file(
    kind: str,
    title: str,
    *,
    today: date,
    authors: list[str],
    campaign_kind: str = "brand",
    pages: Collection[str] = FIRST_STEP,
) -> tuple[str, str]:
    """The path (inside the content folder) and text of a new item; it starts as a draft.

    ``pages``: the content paths of the hub's pages; a welcome journey's step links only to
    one of them (the home, if there is one), so that the new file never breaks the check."""
    slug = slugify(title) or "untitled"
    folder = f"{KINDS[kind]}/" if KINDS[kind] else ""
    if kind in ("guideline", "page"):
        # Guidelines and plain pages have no date or id: they are not in feeds.
        head = [
            "---",
            f"title: {_q(title)}",
            "draft: true  # remove this line when the text is ready to publish",
            'summary: "One sentence that says what this page is for."',
            "---",
        ]
        body = "Write the text here.\n"
        return f"{folder}{slug}.md", "\n".join(head) + "\n\n" + body
    head = [
        "---",
        f"title: {_q(title)}",
        f"date: {today.isoformat()}",
        f"id: {uuid.uuid4()}",
        "draft: true  # remove this line when the text is ready to publish",
        'summary: "One sentence that makes people want to read more."',
        "tags: []",
    ]
    body = "Write the text here.\n"
    if kind == "story":
        author = authors[0] if authors else "your-id"
        head += [
            'team: "Your team"',
            f"authors: [{author}]  # ids from content/authors.yml",
            "share:",
            '  - text: "One or two sentences a colleague would be proud to post."',
            "    hashtags: [SmallWins]",
        ]
        body = (
            "What did the team achieve, how, and what does it change? "
            "Name the people and give one number.\n"
        )
    elif kind == "message":
        head += [
            'pillar: "Your pillar"',
            "audience: [everyone]",
            "proof_points:",
            '  - "A fact that proves the message, with its source."',
        ]
        body = "Explain the message and how to say it in your own words.\n"
    elif kind == "campaign":
        head.append(f"kind: {campaign_kind}")
        if campaign_kind == "event":
            head += [f"starts: {today.isoformat()}", f"ends: {today.isoformat()}"]
        if campaign_kind == "welcome":
            head += [
                "steps:",
                "  - day: 0",
                '    title: "Welcome!"',
                '    summary: "What the new hire does on day one."',
            ]
            first = next((p for p in (*FIRST_STEP, *sorted(pages)) if p in pages), None)
            if first is not None:
                head.append(f"    link: {first}  # a page of the hub, from the content folder")
        head.append('hashtag: "#YourHashtag"')
    elif kind == "snippet":
        body = "The post itself: short, first person, in your own words.\n"
    head.append("---")
    return f"{folder}{slug}.md", "\n".join(head) + "\n\n" + body
