"""The texts ``brandhub new`` writes for an editor to replace, and the warning when one is
still there, unchanged, in a published item.

A new file is a draft with placeholders, so that it passes the check from the start. Once
'draft: true' is removed, a placeholder left behind would go out to every reader: the check
says so (a warning, like a link to an expired page: the hub is not broken, just not ready).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from hub.i18n import N_, _
from hub.model import Hub, Item
from hub.problems import Problem
from hub.publish import is_public

SUMMARY = N_("One sentence that makes people want to read more.")
BODY = N_("Write the text here.")
TEAM = N_("Your team")
SHARE_TEXT = N_("One or two sentences a colleague would be proud to post.")
STORY_BODY = N_(
    "What did the team achieve, how, and what does it change? Name the people and give one number."
)
PILLAR = N_("Your pillar")
PROOF_POINT = N_("A fact that proves the message, with its source.")
MESSAGE_BODY = N_("Explain the message and how to say it in your own words.")
STEP_SUMMARY = N_("What the new hire does on day one.")
HASHTAG = N_("#YourHashtag")
SNIPPET_BODY = N_("The post itself: short, first person, in your own words.")

_BODIES = (BODY, STORY_BODY, MESSAGE_BODY, SNIPPET_BODY)


def _is_placeholder(text: str | None, placeholder: str) -> bool:
    # As written in English, or in the hub's language (`brandhub new` writes the latter).
    return text is not None and text.strip() in (placeholder, _(placeholder))


def placeholder_notices(hub: Hub, now: datetime) -> list[Problem]:
    """A warning for each placeholder left unchanged in an item that is published at ``now``."""
    notices: list[Problem] = []
    for item in hub.items:
        if is_public(item, now):
            notices.extend(_left_in(item))
    return notices


def _left_in(item: Item) -> Iterable[Problem]:
    hint = _("replace it with your own words, or set 'draft: true' until it is ready")

    def notice(line: int | None, field: str, placeholder: str) -> Problem:
        message = _("is still the placeholder '%(text)s'", text=_(placeholder))
        return Problem(item.path, line, field, message, hint)

    line = item.lines.get
    fields = [
        ("summary", item.summary, SUMMARY),
        ("team", item.team, TEAM),
        ("pillar", item.pillar, PILLAR),
        ("hashtag", item.hashtag, HASHTAG),
    ]
    for key, value, placeholder in fields:
        if _is_placeholder(value, placeholder):
            yield notice(line(key), key, placeholder)
    for index, share in enumerate(item.share, start=1):
        if _is_placeholder(share.text, SHARE_TEXT):
            yield notice(share.line, f"share[{index}].text", SHARE_TEXT)
    for index, point in enumerate(item.proof_points, start=1):
        if _is_placeholder(point, PROOF_POINT):
            yield notice(line("proof_points"), f"proof_points[{index}]", PROOF_POINT)
    for index, step in enumerate(item.steps, start=1):
        if _is_placeholder(step.summary, STEP_SUMMARY):
            yield notice(line("steps"), f"steps[{index}].summary", STEP_SUMMARY)
    # Each line against each placeholder as written in English and in the hub's language,
    # looked up once an item (a hub's bodies have hundreds of thousands of lines).
    bodies = {said: shown for shown in _BODIES for said in (shown, _(shown))}
    for offset, text in enumerate(item.body.split("\n")):
        left = bodies.get(text.strip())
        if left is not None:
            yield Problem(
                item.path,
                item.body_line + offset,
                None,
                _("the text still has the placeholder '%(text)s'", text=_(left)),
                hint,
            )
