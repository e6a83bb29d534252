"""A seeded generator of a synthetic Brandhub hub with N stories, for the benchmark.

    python bench/generate.py --stories 1000 --out bench/work/n1000

writes three hubs built from the same Markdown:

    OUT/brandhub/mkdocs.yml  + OUT/brandhub/content/   Brandhub's content model
    OUT/plain/mkdocs.yml     + OUT/plain/content/      the same pages for Material alone
    OUT/bilingual/mkdocs.yml + OUT/bilingual/content/  Brandhub's hub in two languages
                                                        (languages: [en, es]; x.es.md beside
                                                        every x.md: twice the pages)

The Brandhub hub has a home, an about page, 8 guidelines, 10 key messages, a welcome
campaign (steps linking to existing pages), an event and a brand campaign, N stories of
150-600 words over the four years before ``--now``, about 20 snippets, ~40 authors in
``authors.yml``, 30 tags, 8 teams, share posts on most stories and a lead image (small real
PNG files, reused) on about 5 % of them. Everything is derived from ``--seed``: the same
arguments give byte-identical files.

The plain hub has the same files with front matter cut down to keys Material understands
(``title``, ``description``), ``plugins: [search]`` and the stories, messages, campaigns and
snippets kept out of the navigation with MkDocs 1.6's ``not_in_nav`` (as Brandhub keeps its
typed items out of the navigation). Only the standard library is used.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import struct
import uuid
import zlib
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import ClassVar

DEFAULT_NOW = "2026-11-23T12:00+01:00"
SITE_URL = "https://hub.example-corp.com/"
ORG = "Vantor Freight"
DISCLOSURE = "#VantorTeam"
BANNED = {
    "rockstar": "specialist",
    "ninja": "expert",
    "guys": "everyone",
    "world-class": "say what we actually did",
    "disrupt": "change",
}

TEAMS = [
    "Fleet Operations",
    "Warehouse North",
    "Warehouse South",
    "Customer Care",
    "Engineering",
    "Sustainability",
    "People & Culture",
    "Sales",
]
CITIES = [
    "Lisbon",
    "Porto",
    "Lyon",
    "Turin",
    "Valencia",
    "Gdansk",
    "Leipzig",
    "Ghent",
    "Bilbao",
    "Brno",
    "Malmö",
    "Cork",
]
FIRST = [
    "Ana",
    "Bruno",
    "Carla",
    "Dario",
    "Elif",
    "Femi",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Kasia",
    "Luca",
    "Maya",
    "Nils",
    "Olga",
    "Pavel",
    "Rosa",
    "Sami",
    "Tereza",
    "Umar",
    "Vera",
    "Wim",
    "Yara",
    "Zoé",
    "Ahmed",
    "Björn",
    "Chloé",
    "Diego",
    "Emma",
    "Farid",
    "Giulia",
    "Hana",
    "Ivo",
    "Jana",
    "Kofi",
    "Lena",
    "Marek",
    "Nora",
    "Oskar",
    "Pia",
]
LAST = [
    "Almeida",
    "Berger",
    "Costa",
    "Dvořák",
    "Eriksen",
    "Fontaine",
    "García",
    "Hofmann",
    "Ibáñez",
    "Janssen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Oliveira",
    "Peeters",
    "Quintana",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Ulrich",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zeman",
]
ROLES = [
    "Team lead",
    "Shift supervisor",
    "Planner",
    "Driver trainer",
    "Data engineer",
    "Customer Care specialist",
    "Account manager",
    "Safety coordinator",
    "Analyst",
    "Operations coordinator",
    "Software engineer",
    "Onboarding lead",
]
TAGS = [
    "small-wins",
    "safety",
    "fleet",
    "warehouse",
    "customer-care",
    "sustainability",
    "onboarding",
    "engineering",
    "data",
    "routing",
    "training",
    "community",
    "hiring",
    "quality",
    "energy",
    "packaging",
    "night-shift",
    "last-mile",
    "cold-chain",
    "tools",
    "wellbeing",
    "customers",
    "partners",
    "diversity",
    "interns",
    "process",
    "automation",
    "recycling",
    "volunteering",
    "awards",
]
HASHTAGS = [
    "SmallWins",
    "Logistics",
    "Teamwork",
    "Safety",
    "GreenerFreight",
    "CustomerCare",
    "Engineering",
    "Onboarding",
    "LastMile",
    "SupplyChain",
]

# Sentence parts: lorem-like but varied English, in the register of a small-win story.
SUBJECTS = [
    "the night shift",
    "our team",
    "the planners",
    "two drivers",
    "the dock crew",
    "a new colleague",
    "the Customer Care desk",
    "the yard team",
    "our data engineers",
    "the hub manager",
    "three volunteers",
    "the safety committee",
    "the returns team",
    "a group of interns",
    "the maintenance crew",
    "our trainers",
    "the sorting line",
]
VERBS = [
    "rebuilt",
    "simplified",
    "measured",
    "tested",
    "documented",
    "redesigned",
    "shortened",
    "cleaned up",
    "automated",
    "checked",
    "mapped",
    "replaced",
    "shared",
    "tracked",
    "labelled",
    "rearranged",
    "piloted",
    "reviewed",
    "improved",
    "explained",
]
OBJECTS = [
    "the loading plan",
    "the handover checklist",
    "the returns process",
    "every pallet label",
    "the route for the morning run",
    "the charging schedule",
    "the first-week plan",
    "the answer library",
    "the spare-parts shelf",
    "the picking sequence",
    "the cold-room log",
    "the driver briefing",
    "the damage report form",
    "the tyre checks",
    "the dock booking calendar",
    "the packaging guide",
    "the onboarding walk",
    "the scanner settings",
    "the weekly forecast",
    "the yard map",
]
RESULTS = [
    "cut waiting time by {n} minutes a day",
    "saved about {n} hours a month",
    "brought errors down from {a}% to {c}%",
    "freed {n} pallet spaces",
    "avoided roughly {n} empty kilometres a week",
    "halved the number of repeat calls",
    "made the first week calmer for {n} new colleagues",
    "lifted on-time departures to {b}%",
    "reduced packaging waste by {n} kilos a month",
    "gave every shift {n} extra minutes for checks",
]
TIME = [
    "In March",
    "Over six weeks",
    "Last autumn",
    "During the peak season",
    "Within a month",
    "Since January",
    "In the first quarter",
    "After the summer",
    "Over two sprints",
    "Every Monday morning",
    "On the night shift",
    "By the end of the year",
]
CONNECT = [
    "At first",
    "Then",
    "After a few days",
    "Along the way",
    "To our surprise",
    "In practice",
    "Before long",
    "Most of all",
    "Looking back",
    "Meanwhile",
    "Soon after",
    "In the end",
]
DETAILS = [
    "nobody had written it down before",
    "the old version lived in a spreadsheet from years ago",
    "we asked the people who do the work every day",
    "a short test on one line told us more than a long meeting",
    "the hardest part was agreeing on one word for each step",
    "the numbers were checked by the finance team",
    "colleagues from another hub asked for a copy",
    "we printed the new version and pinned it by the dock door",
    "it took three tries to get the layout right",
    "the drivers suggested the best change themselves",
    "the tool we needed was already on every scanner",
    "a customer noticed the difference before we did",
    "we kept what worked and dropped the rest",
    "the training took twenty minutes per person",
]
CLOSERS = [
    "Thanks to everyone who tried it on a busy day and told us what was wrong.",
    "Next we want to try the same idea in {city}.",
    "If your team has a similar problem, ask us: we are happy to share the checklist.",
    "The best part is that new colleagues now learn it on their second day.",
    "It is a small change, and it is ours.",
    "We will report the numbers again in six months.",
]
TITLE_PATTERNS = [
    "{team} in {city} {verb} {obj}",
    "How {subj} in {city} {verb} {obj}",
    "{city}: {subj} {verb} {obj}",
    "A better {noun} for {team}",
    "{n} minutes saved on {obj} in {city}",
    "What {subj} learned from {obj}",
]
NOUNS = [
    "morning",
    "handover",
    "checklist",
    "dock",
    "first week",
    "route",
    "label",
    "routine",
    "yard",
    "shift",
    "forecast",
    "briefing",
]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(text: str) -> int:
    return len(text.split())


class Generator:
    def __init__(self, stories: int, seed: int, now: datetime) -> None:
        self.n = stories
        self.rng = random.Random(seed)
        self.now = now
        self.pages: dict[str, tuple[dict[str, object], str]] = {}  # rel → (front matter, body)
        self.assets: dict[str, bytes] = {}
        self.authors: dict[str, dict[str, object]] = {}
        self.story_paths: list[str] = []

    # -- helpers -------------------------------------------------------------------------
    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def number(self) -> int:
        return self.rng.choice([3, 4, 5, 6, 8, 12, 15, 18, 20, 24, 30, 40, 45, 60, 90, 120, 300])

    def result(self) -> str:
        a = self.rng.randint(6, 30)
        c = self.rng.randint(1, a - 1)
        return self.rng.choice(RESULTS).format(
            n=self.number(), a=a, b=self.rng.randint(90, 99), c=c
        )

    def sentence(self) -> str:
        r = self.rng
        kind = r.randrange(5)
        if kind == 0:
            s = f"{r.choice(TIME)}, {r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)}."
        elif kind == 1:
            s = f"{r.choice(CONNECT)}, {r.choice(DETAILS)}."
        elif kind == 2:
            s = f"The change {self.result()}."
        elif kind == 3:
            s = (
                f"{_cap(r.choice(SUBJECTS))} {r.choice(VERBS)} {r.choice(OBJECTS)} "
                f"and {r.choice(VERBS)} {r.choice(OBJECTS)}."
            )
        else:
            s = (
                f"{r.choice(CONNECT)}, {r.choice(SUBJECTS)} {r.choice(VERBS)} "
                f"{r.choice(OBJECTS)}, because {r.choice(DETAILS)}."
            )
        return s[0].upper() + s[1:]

    def paragraph(self, words: int) -> str:
        out: list[str] = []
        while sum(_words(s) for s in out) < words:
            out.append(self.sentence())
        return " ".join(out)

    def share_text(self, limit: int = 150) -> str:
        r = self.rng
        text = (
            f"{_cap(r.choice(SUBJECTS))} in {r.choice(CITIES)} {r.choice(VERBS)} "
            f"{r.choice(OBJECTS)} and {self.result()}. Proud of them!"
        )
        while len(text) > limit:  # cut at a word, keep it a sentence
            text = text.rsplit(" ", 1)[0].rstrip(",.;:") + "."
        return text

    # -- content -------------------------------------------------------------------------
    def make_images(self) -> list[str]:
        colours = [
            (15, 92, 99),
            (247, 147, 126),
            (36, 59, 83),
            (120, 170, 90),
            (200, 160, 60),
            (90, 80, 150),
        ]
        paths = []
        for i, colour in enumerate(colours):
            rel = f"stories/images/photo-{i + 1}.png"
            self.assets[rel] = _png(480, 270, colour, seed=i)
            paths.append(rel)
        return paths

    def make_authors(self) -> None:
        used: set[str] = set()
        for i in range(40):
            first, last = FIRST[i % len(FIRST)], self.rng.choice(LAST)
            ident = _slug(f"{first}-{last}")
            while ident in used:
                ident += "-2"
            used.add(ident)
            person: dict[str, object] = {
                "name": f"{first} {last}",
                "team": TEAMS[i % len(TEAMS)],
                "role": f"{self.rng.choice(ROLES)}, {self.rng.choice(CITIES)}",
            }
            if i % 5 == 0:
                avatar = f"assets/avatars/{ident}.svg"
                self.assets[avatar] = _avatar(first[0] + last[0], i).encode()
                person["avatar"] = avatar
            if i % 3:
                person["links"] = {"LinkedIn": f"https://www.linkedin.com/in/example-{ident}"}
            # The people directory's facets (who's who filters) and the opt-in pools.
            person["location"] = CITIES[i % len(CITIES)]
            person["languages"] = ["en", "es"] if i % 2 else ["en"]
            person["topics"] = self.rng.sample(TAGS[1:], 2)
            if i % 4 == 0:
                person["ambassador"] = True
                person["why"] = "I like showing the work behind a delivery."
            if i % 10 == 3:
                person["buddy"] = True
            self.authors[ident] = person

    def date_in_past(self, years: float = 4.0) -> date:
        days = self.rng.randrange(1, int(365 * years))
        return (self.now - timedelta(days=days)).date()

    def make_home_and_about(self) -> None:
        self.pages["index.md"] = (
            {
                "title": f"Welcome to {ORG}",
                "summary": f"The front door for new colleagues at {ORG}: how we talk about our "
                "work, the stories we are proud of and the brand basics.",
            },
            "\n\n".join(
                [
                    self.paragraph(60),
                    "This hub keeps the things that help you find your feet. Start with the "
                    "[social media policy](guidelines/social-media-policy.md) and the "
                    "[first 30 days](campaigns/welcome.md).",
                    "If something is missing, the [about page](about.md) explains how to "
                    "propose a change.",
                ]
            ),
        )
        self.pages["about.md"] = (
            {
                "title": "About this hub",
                "summary": "Who looks after the hub and how to propose a story.",
            },
            "\n\n".join([self.paragraph(80), "## Propose a story", self.paragraph(70)]),
        )

    GUIDELINES: ClassVar[list[tuple[str, str]]] = [
        ("guidelines/index.md", "Brand guidelines"),
        ("guidelines/voice-and-tone.md", "Voice and tone"),
        ("guidelines/social-media-policy.md", "Social media policy"),
        ("guidelines/do-and-dont.md", "Do and don't"),
        ("guidelines/writing-a-story.md", "Writing a small-win story"),
        ("guidelines/visual/index.md", "Visual identity"),
        ("guidelines/visual/logo.md", "Logo"),
        ("guidelines/visual/colours.md", "Colours"),
    ]

    def make_guidelines(self) -> None:
        for rel, title in self.GUIDELINES:
            body = [self.paragraph(70)]
            for heading in ("What it means", "Examples", "Who to ask"):
                body += [f"## {heading}", self.paragraph(self.rng.randint(50, 110))]
            if rel.endswith("do-and-dont.md"):
                rows = "\n".join(f"| {self.sentence()} | {self.sentence()} |" for _ in range(6))
                body.append(f"| Do | Don't |\n| --- | --- |\n{rows}")
            if rel == "guidelines/index.md":
                body.append(
                    "\n".join(
                        f"- [{t}]({r.removeprefix('guidelines/')})" for r, t in self.GUIDELINES[1:]
                    )
                )
            self.pages[rel] = (
                {
                    "title": title,
                    "summary": self.sentence(),
                    "tags": ["brand", "guidelines"],
                    "updated": self.date_in_past(0.5),
                },
                "\n\n".join(body),
            )

    def make_messages(self) -> list[str]:
        pillars = ["People first", "Greener freight", "Reliable every day", "Built in-house"]
        rels = []
        for i in range(10):
            rel = f"messages/message-{i + 1:02d}.md"
            title = (
                f"{_cap(self.rng.choice(SUBJECTS))} {self.rng.choice(VERBS)} "
                f"{self.rng.choice(OBJECTS)}"
            )
            self.pages[rel] = (
                {
                    "title": title,
                    "summary": self.sentence(),
                    "date": self.date_in_past(2),
                    "id": self.uid(),
                    "pillar": pillars[i % len(pillars)],
                    "audience": self.rng.sample(
                        ["candidates", "customers", "press", "partners", "everyone"], 2
                    ),
                    "proof_points": [self.sentence() for _ in range(self.rng.randint(2, 4))],
                    "tags": self.rng.sample(TAGS, 2),
                    "share": [
                        {"text": self.share_text(), "hashtags": self.rng.sample(HASHTAGS, 1)}
                    ],
                },
                "\n\n".join(
                    [
                        self.paragraph(80),
                        "When you share this, use your own words. The "
                        "[voice and tone guide](../guidelines/voice-and-tone.md) helps.",
                    ]
                ),
            )
            rels.append(rel)
        return rels

    def make_campaigns(self, messages: list[str]) -> None:
        steps = [
            (0, "Welcome, and meet your buddy", "about.md"),
            (1, "How we talk", "guidelines/voice-and-tone.md"),
            (2, "What to share, and what stays inside", "guidelines/social-media-policy.md"),
            (3, "Our first promise", messages[0]),
            (5, "What we stand for", messages[1]),
            (7, "The brand in five minutes", "guidelines/visual/index.md"),
            (14, "Read how others were welcomed", self.story_paths[0]),
            (21, "Do and don't", "guidelines/do-and-dont.md"),
            (30, "Share your first small win", "guidelines/writing-a-story.md"),
        ]
        self.pages["campaigns/welcome.md"] = (
            {
                "title": "Your first 30 days",
                "summary": "A gentle plan for your first month: who to meet, what to read "
                "and when.",
                "kind": "welcome",
                "date": self.date_in_past(3.9),
                "id": self.uid(),
                "tags": ["onboarding"],
                "steps": [
                    {"day": d, "title": t, "summary": self.sentence(), "link": link}
                    for d, t, link in steps
                ],
            },
            self.paragraph(90),
        )
        self.pages["campaigns/open-house.md"] = (
            {
                "title": f"{ORG} Open House",
                "summary": "Three days when our hubs open their doors to families, "
                "neighbours and customers.",
                "kind": "event",
                "date": (self.now - timedelta(days=40)).date(),
                "starts": (self.now + timedelta(days=17)).date(),
                "ends": (self.now + timedelta(days=19)).date(),
                "id": self.uid(),
                "hashtag": "#VantorOpenHouse",
                "tags": ["community", "events"],
                "share": [{"text": self.share_text(), "hashtags": ["VantorOpenHouse"]}],
            },
            "\n\n".join(
                [
                    self.paragraph(80),
                    "## Programme",
                    "| Day | What |\n| --- | --- |\n"
                    + "\n".join(f"| Day {i} | {self.sentence()} |" for i in (1, 2, 3)),
                ]
            ),
        )
        self.pages["campaigns/greener-freight.md"] = (
            {
                "title": "Greener freight",
                "summary": "Our brand campaign: the practical changes that cut our emissions.",
                "kind": "brand",
                "date": (self.now - timedelta(days=900)).date(),
                "starts": (self.now - timedelta(days=900)).date(),
                "id": self.uid(),
                "hashtag": "#GreenerFreight",
                "tags": ["sustainability"],
            },
            self.paragraph(100),
        )

    def make_stories(self, images: list[str], messages: list[str]) -> None:
        dated = sorted(self.date_in_past() for _ in range(self.n))
        used: set[str] = set()
        for i, day in enumerate(dated):
            r = self.rng
            team = r.choice(TEAMS)
            city = r.choice(CITIES)
            title = r.choice(TITLE_PATTERNS).format(
                team=team,
                city=city,
                verb=r.choice(VERBS),
                obj=r.choice(OBJECTS),
                subj=r.choice(SUBJECTS),
                noun=r.choice(NOUNS),
                n=self.number(),
            )
            title = title[0].upper() + title[1:]
            stem = f"{day:%Y-%m}-{_slug(title)[:48].strip('-')}"
            while stem in used:
                stem += f"-{i}"
            used.add(stem)
            rel = f"stories/{stem}.md"
            target = r.randint(150, 600)
            paras: list[str] = []
            while sum(_words(p) for p in paras) < target - 30:
                left = target - sum(_words(p) for p in paras)
                paras.append(self.paragraph(min(left, r.randint(40, 95))))
                if len(paras) == 3 and r.random() < 0.25:
                    heading = r.choice(
                        ["What changed", "The numbers", "Next steps", "How we did it"]
                    )
                    paras.append(f"## {heading}")
                if len(paras) == 2 and r.random() < 0.15:
                    paras.append("\n".join(f"- {self.sentence()}" for _ in range(3)))
            if r.random() < 0.2:
                link = r.choice(
                    [
                        f"../{messages[r.randrange(len(messages))]}",
                        "../guidelines/writing-a-story.md",
                    ]
                )
                paras.append(f"Read more in [this page]({link}).")
            elif self.story_paths and r.random() < 0.1:  # an older story: already published
                older = r.choice(self.story_paths[-50:]).removeprefix("stories/")
                paras.append(f"This follows [an earlier small win]({older}).")
            paras.append(r.choice(CLOSERS).format(city=city))
            meta: dict[str, object] = {"title": title}
            if r.random() < 0.7:
                meta["summary"] = self.sentence()
            meta["date"] = day
            meta["id"] = self.uid()
            meta["team"] = team
            names = [a for a in self.authors if self.authors[a]["team"] == team] or list(
                self.authors
            )
            meta["authors"] = r.sample(names, 1 if r.random() < 0.8 else min(2, len(names)))
            meta["tags"] = ["small-wins", *r.sample(TAGS[1:], r.randint(1, 3))]
            if r.random() < 0.2:  # recognition: colleagues the story thanks
                thanked = [a for a in self.authors if a not in meta["authors"]]
                meta["thanks"] = r.sample(thanked, r.randint(1, 2))
            if r.random() < 0.1:
                meta["campaign"] = "greener-freight"
            if r.random() < 0.05:
                image = r.choice(images)
                meta["image"] = image.removeprefix("stories/")
                meta["image_alt"] = f"Photo of {r.choice(SUBJECTS)} at work in {city}."
            if r.random() < 0.85:
                entry: dict[str, object] = {"text": self.share_text()}
                if r.random() < 0.7:
                    entry["hashtags"] = r.sample(HASHTAGS, r.randint(1, 2))
                meta["share"] = [entry]
            self.pages[rel] = (meta, "\n\n".join(paras))
            self.story_paths.append(rel)

    def make_snippets(self) -> None:
        for i in range(20):
            meta: dict[str, object] = {
                "title": f"Snippet {i + 1}: {self.rng.choice(OBJECTS)}",
                "date": self.date_in_past(2),
                "id": self.uid(),
                "tags": self.rng.sample(TAGS, 1),
            }
            if i % 4 == 0:
                meta["variants"] = [self.share_text(120) for _ in range(2)]
            if i % 5 == 0:
                meta["campaign"] = "greener-freight"
            self.pages[f"snippets/snippet-{i + 1:02d}.md"] = (meta, self.share_text(200))

    def generate(self) -> None:
        images = self.make_images()
        self.make_authors()
        self.make_home_and_about()
        self.make_guidelines()
        messages = self.make_messages()
        self.make_stories(images, messages)
        self.make_campaigns(messages)
        self.make_snippets()


# -- writing ---------------------------------------------------------------------------------
def _slug(text: str) -> str:
    import re
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, date)):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML string


def _yaml(value: object, indent: int = 0) -> list[str]:
    """A small YAML writer for the shapes used here (dicts, lists, scalars)."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if (
                isinstance(item, list)
                and item
                and all(not isinstance(x, (dict, list)) for x in item)
                and all(isinstance(x, str) and len(x) < 40 for x in item)
            ):
                lines.append(f"{pad}{key}: [{', '.join(_scalar(x) for x in item)}]")
                continue
            if isinstance(item, (dict, list)):
                lines.append(f"{pad}{key}:")
                lines += _yaml(item, indent + 2)
            else:
                lines.append(f"{pad}{key}: {_scalar(item)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                sub = _yaml(item, indent + 2)
                lines.append(f"{pad}- {sub[0].lstrip()}")
                lines += sub[1:]
            else:
                lines.append(f"{pad}- {_scalar(item)}")
    return lines


def _page(meta: dict[str, object], body: str) -> str:
    return "---\n" + "\n".join(_yaml(meta)) + "\n---\n\n" + body.strip() + "\n"


def _plain_meta(meta: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {"title": meta["title"]}
    if "summary" in meta:
        out["description"] = meta["summary"]
    return out


THEME = """theme:
  name: material
  language: en
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: teal
      accent: deep orange
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: teal
      accent: deep orange
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode
  features:
    - navigation.tabs
    - navigation.indexes
    - navigation.top
    - search.highlight
    - search.suggest
    - content.code.copy

markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
"""

SITE = f"""site_name: {ORG} Hub
site_url: {SITE_URL}
site_description: {ORG}' hub for new colleagues and proud voices.
docs_dir: content
use_directory_urls: true
strict: true
"""

BRANDHUB_CONFIG = f"""# Generated by bench/generate.py: a synthetic hub for the benchmark.
{SITE}
{THEME}
plugins:
  - brandhub:
      organisation: {ORG}
      timezone: Europe/Madrid
      channels: [linkedin, x, bluesky, mastodon, whatsapp, email]
      disclosure: "{DISCLOSURE}"
      banned_terms:
{chr(10).join(f"        {k}: {v}" for k, v in BANNED.items())}
      utm_medium: employee-advocacy
      utm_campaign: vantor-hub
      card_background: "#0F5C63"
      card_text: "#FFFFFF"
      card_accent: "#F7937E"
      feed_limit: 50
      stories_per_page: 12
"""

PLAIN_CONFIG = f"""# Generated by bench/generate.py: the same pages for Material alone.
{SITE}
# As Brandhub does: typed items stay out of the navigation (MkDocs 1.6).
not_in_nav: |
  /stories/
  /messages/
  /campaigns/
  /snippets/

{THEME}
plugins:
  - search:
      lang: [en, es]
"""


# The same hub in two languages (issue 22): every page also as a second-language version
# (x.es.md, the same words marked as a translation: what is measured is the build's work).
BILINGUAL_CONFIG = BRANDHUB_CONFIG.replace(
    "      organisation:", "      languages: [en, es]\n      organisation:", 1
)


def _translated(meta: dict[str, object], body: str) -> tuple[dict[str, object], str]:
    meta = dict(meta)
    if isinstance(meta.get("title"), str):
        meta["title"] = f"{meta['title']} (ES)"
    return meta, f"{body}\n\nVersión en español.\n"


def write(gen: Generator, out: Path) -> None:
    for variant in ("brandhub", "plain", "bilingual"):
        content = out / variant / "content"
        if content.exists():
            shutil.rmtree(content)
        content.mkdir(parents=True)
        for rel, data in gen.assets.items():
            path = content / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        for rel, (meta, body) in gen.pages.items():
            path = content / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            front = _plain_meta(meta) if variant == "plain" else meta
            path.write_text(_page(front, body), encoding="utf-8")
            if variant == "bilingual":
                version = path.with_name(f"{path.name[: -len('.md')]}.es.md")
                version.write_text(_page(*_translated(meta, body)), encoding="utf-8")
        authors = "\n".join(_yaml(gen.authors)) + "\n"
        (content / "authors.yml").write_text(authors, encoding="utf-8")
        config = {"brandhub": BRANDHUB_CONFIG, "plain": PLAIN_CONFIG}.get(variant, BILINGUAL_CONFIG)
        (out / variant / "mkdocs.yml").write_text(config, encoding="utf-8")


# -- small real files ------------------------------------------------------------------------
def _png(width: int, height: int, colour: tuple[int, int, int], seed: int) -> bytes:
    """A real RGB PNG: a soft diagonal gradient of ``colour`` with a few stripes."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            k = (x + y + seed * 37) % 160
            shade = 0.75 + 0.25 * (k / 160)
            stripe = 1.1 if (x // 40 + seed) % 6 == 0 else 1.0
            row += bytes(min(255, int(c * shade * stripe)) for c in colour)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def _avatar(initials: str, i: int) -> str:
    hue = (i * 47) % 360
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<circle cx="32" cy="32" r="32" fill="hsl({hue},45%,40%)"/>'
        f'<text x="32" y="40" font-size="24" text-anchor="middle" fill="#fff" '
        f'font-family="sans-serif">{initials}</text></svg>\n'
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", "-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--now", default=DEFAULT_NOW, help="every date is before this moment")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    gen = Generator(args.stories, args.seed, datetime.fromisoformat(args.now))
    gen.generate()
    write(gen, args.out)
    words = sum(_words(body) for rel, (_, body) in gen.pages.items() if rel.startswith("stories/"))
    print(
        f"{args.out}: {len(gen.pages)} pages ({args.stories} stories, {words} story words), "
        f"{len(gen.authors)} authors, {len(gen.assets)} assets"
    )


if __name__ == "__main__":
    main()
