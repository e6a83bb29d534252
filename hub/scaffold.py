"""``brandhub new``: a valid starting file for an editor, with placeholders to fill in."""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection
from datetime import date

from hub import placeholders as p
from hub.i18n import _
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


def _word(text: str) -> str:
    """One word as it is (a translation with a space or a colon is quoted)."""
    return text if text.replace("-", "").isalnum() else _q(text)


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

    Its placeholders and comments are in the hub's language; the keys stay as they are.
    ``pages``: the content paths of the hub's pages; a welcome journey's step links only to
    one of them (the home, if there is one), so that the new file never breaks the check."""
    slug = slugify(title) or slugify(_("untitled")) or "untitled"
    folder = f"{KINDS[kind]}/" if KINDS[kind] else ""
    if kind in ("guideline", "page"):
        # Guidelines and plain pages have no date or id: they are not in feeds.
        head = [
            "---",
            f"title: {_q(title)}",
            "draft: true  # " + _("remove this line when the text is ready to publish"),
            "summary: " + _q(_("One sentence that says what this page is for.")),
            "---",
        ]
        body = _(p.BODY) + "\n"
        return f"{folder}{slug}.md", "\n".join(head) + "\n\n" + body
    head = [
        "---",
        f"title: {_q(title)}",
        f"date: {today.isoformat()}",
        f"id: {uuid.uuid4()}",
        "draft: true  # " + _("remove this line when the text is ready to publish"),
        "summary: " + _q(_(p.SUMMARY)),
        "tags: []",
    ]
    body = _(p.BODY) + "\n"
    if kind == "story":
        author = authors[0] if authors else slugify(_("your-id")) or "your-id"
        head += [
            "team: " + _q(_(p.TEAM)),
            f"authors: [{author}]  # " + _("ids from content/authors.yml"),
            "share:",
            "  - text: " + _q(_(p.SHARE_TEXT)),
            "    hashtags: [" + _word(_("SmallWins")) + "]",
        ]
        body = _(p.STORY_BODY) + "\n"
    elif kind == "message":
        head += [
            "pillar: " + _q(_(p.PILLAR)),
            "audience: [" + _word(_("everyone")) + "]",
            "proof_points:",
            "  - " + _q(_(p.PROOF_POINT)),
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
                "    title: " + _q(_("Welcome!")),
                "    summary: " + _q(_(p.STEP_SUMMARY)),
            ]
            first = next((page for page in (*FIRST_STEP, *sorted(pages)) if page in pages), None)
            if first is not None:
                head.append(
                    f"    link: {first}  # " + _("a page of the hub, from the content folder")
                )
        head.append("hashtag: " + _q(_(p.HASHTAG)))
    elif kind == "snippet":
        body = _(p.SNIPPET_BODY) + "\n"
    head.append("---")
    return f"{folder}{slug}.md", "\n".join(head) + "\n\n" + body
