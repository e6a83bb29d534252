"""The content kinds: which top folder makes which kind, and each kind's front-matter schema."""

from __future__ import annotations

from hub import schema as s
from hub.i18n import N_
from hub.model import Kind

CHANNELS = ("linkedin", "x", "bluesky", "threads", "whatsapp", "facebook", "mastodon", "email")
# At most 80 characters: a slug is a folder name in the site, which file systems limit.
SLUG = r"(?=.{1,80}$)[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG_HINT = N_("use lowercase letters, digits and dashes (80 at most), e.g. night-shift-record")
CAMPAIGN_HINT = N_("use the campaign's slug, e.g. greener-freight")
LANG = r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"

# Tags: each is a page and a feed of its own, named after it, and each card shows them all.
MAX_TAGS = 20
TAG = s.text(max_length=60, one_line=True)
LINE = s.text(max_length=200, one_line=True)

SHARE: s.Schema = {
    "text": s.Field(s.text(), required=True),
    "url": s.Field(s.url()),
    "hashtags": s.Field(s.text_list(LINE), default=()),
    "channels": s.Field(s.text_list(), default=None),
    **{channel: s.Field(s.text()) for channel in CHANNELS},
}

MAX_DAY = 3650
# Pre-boarding: a welcome journey may start up to about two months before the first day.
MIN_DAY = -60

STEP: s.Schema = {
    # Ten years at most: every day after the start date is then a real calendar date.
    "day": s.Field(s.integer(minimum=MIN_DAY, maximum=MAX_DAY), required=True),
    "title": s.Field(s.text(max_length=120, one_line=True), required=True),
    "summary": s.Field(s.text(max_length=300)),
    "link": s.Field(s.link()),
}

COMMON: s.Schema = {
    "title": s.Field(LINE),
    "summary": s.Field(s.text(max_length=300)),
    "description": s.Field(s.text(max_length=300)),
    "date": s.Field(s.moment()),
    "expires": s.Field(s.moment()),
    "updated": s.Field(s.moment()),
    "draft": s.Field(s.boolean(), default=False),
    "tags": s.Field(s.text_list(TAG, max_items=MAX_TAGS), default=()),
    "image": s.Field(s.content_path()),
    "image_alt": s.Field(s.text(max_length=300, one_line=True)),
    "lang": s.Field(s.pattern(LANG, N_("use a language code such as en, es or pt-BR"))),
    "slug": s.Field(s.pattern(SLUG, SLUG_HINT)),
    "id": s.Field(
        s.pattern(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}", N_("use letters, digits, - . _ :"))
    ),
    "authors": s.Field(s.text_list(LINE), default=()),
    "share": s.Field(s.records(SHARE), default=()),
    # Material's own page options, passed through untouched.
    "hide": s.Field(s.text_list(), default=()),
    "icon": s.Field(LINE),
}

EXTRA: dict[Kind, s.Schema] = {
    Kind.STORY: {
        "team": s.Field(s.text(max_length=80, one_line=True), required=True),
        "thanks": s.Field(s.text_list(LINE), default=()),
        "campaign": s.Field(s.pattern(SLUG, CAMPAIGN_HINT)),
        # Written by `brandhub import-feed`: where the story came from, to import it only once.
        "source": s.Field(s.url()),
        "source_id": s.Field(s.text(max_length=500, one_line=True)),
    },
    Kind.MESSAGE: {
        "audience": s.Field(s.text_list(LINE), default=()),
        "pillar": s.Field(s.text(max_length=80, one_line=True)),
        "proof_points": s.Field(s.text_list(), default=()),
    },
    Kind.CAMPAIGN: {
        "kind": s.Field(s.choice("welcome", "brand", "event"), required=True),
        "starts": s.Field(s.moment()),
        "ends": s.Field(s.moment()),
        "hashtag": s.Field(s.pattern(r"#?\w+", N_("write one hashtag such as #AcmeOpenDay"))),
        "steps": s.Field(s.records(STEP), default=()),
        # A welcome journey's people: a buddy from authors.yml, and who plans the first weeks.
        "buddy": s.Field(s.pattern(SLUG, N_("use a person's id from content/authors.yml"))),
        "manager_role": s.Field(s.text(max_length=120, one_line=True)),
    },
    Kind.SNIPPET: {
        "variants": s.Field(s.text_list(), default=()),
        "campaign": s.Field(s.pattern(SLUG, CAMPAIGN_HINT)),
    },
}

SCHEMAS: dict[Kind, s.Schema] = {kind: {**COMMON, **EXTRA.get(kind, {})} for kind in Kind}

# Kinds whose items are dated publications listed by the hub.
DATED = frozenset({Kind.MESSAGE, Kind.CAMPAIGN, Kind.STORY, Kind.SNIPPET})
FOLDERS = {
    "guidelines": Kind.GUIDELINE,
    "messages": Kind.MESSAGE,
    "campaigns": Kind.CAMPAIGN,
    "stories": Kind.STORY,
    "snippets": Kind.SNIPPET,
}

AUTHOR: s.Schema = {
    "name": s.Field(s.text(max_length=120, one_line=True), required=True),
    "team": s.Field(s.text(max_length=80, one_line=True)),
    "role": s.Field(s.text(max_length=120, one_line=True)),
    "avatar": s.Field(s.content_path()),
    "links": s.Field(s.text_mapping(values=s.url()), default={}),
    "location": s.Field(s.text(max_length=120, one_line=True)),
    "languages": s.Field(s.text_list(s.language(), max_items=20), default=()),
    "topics": s.Field(s.text_list(TAG, max_items=MAX_TAGS), default=()),
    "pronouns": s.Field(s.text(max_length=40, one_line=True)),
    "ambassador": s.Field(s.boolean(), default=False),
    "why": s.Field(s.text(max_length=200, one_line=True)),
    "buddy": s.Field(s.boolean(), default=False),
}


def kind_of(rel: str) -> Kind:
    """The kind of the Markdown file at ``rel`` (a POSIX path inside the content folder)."""
    if rel == "index.md":
        return Kind.HOME
    top = rel.split("/", 1)[0]
    if "/" in rel and top in FOLDERS:
        return FOLDERS[top]
    return Kind.PAGE
