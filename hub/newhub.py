"""``brandhub init``: a new hub repository, rendered from the template in ``hub/starter/``.

The template is real files: ``common/`` for what every language shares (settings, workflows,
the brand's colours), ``<language>/`` for the words (content, README, issue forms, the
pull-request template) and ``<language>/_words.yml`` for the few words of the common files.
A name ending in ``.jinja`` is rendered (and loses the suffix), any other file is copied as it
is; a path part starting with ``dot-`` starts with a dot in the hub (``dot-github`` →
``.github``: packaging tools leave dot-files out of a wheel, and GitHub would read a
``.github`` folder inside this repository as its own). Names starting with ``_`` are not
copied.

The template's delimiters are ``[[ … ]]`` and ``[% … %]``, not Jinja's ``{{ … }}``, so the
workflows' own ``${{ … }}`` expressions pass through untouched.

This repository's own ``.github/`` shares files with the template (the workflows, issue
forms, pull-request template): ``scripts/starter_sync.py`` writes them from it with the
demo's answers (:data:`DEMO`), and a test fails when they drift apart.
"""

from __future__ import annotations

import colorsys
import json
import re
import uuid
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import yaml

from hub import __version__
from hub.i18n import _, languages
from hub.urls import slugify

STARTER = Path(__file__).parent / "starter"
COMMON = "common"
WORDS = "_words.yml"
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
# What may already be in a folder that counts as empty: a fresh `git clone` of a new repository.
IGNORED = frozenset({".git"})


class Invalid(ValueError):
    """An answer that cannot make a hub; its message says why, and what to write instead."""


@dataclass(frozen=True)
class Workflow:
    """How the workflows install and run Brandhub: a hub installs the release its
    requirements.txt pins; Brandhub's own repository (:data:`DEMO`) builds from its source."""

    install: str = "python -m pip install --quiet -r requirements.txt"
    install_step: bool = True  # a step of its own before the build (make does it itself)
    brandhub: str = "brandhub"
    check: str = "brandhub check"
    build: str = "brandhub build"
    cache_dependency: str = "requirements.txt"
    paths: tuple[str, ...] = (
        "content/**",
        "theme/**",
        "mkdocs.yml",
        "requirements.txt",
        ".github/workflows/publish.yml",
    )
    tests: bool = False  # Brandhub's own pull requests also run its test suite


@dataclass(frozen=True)
class Answers:
    site_name: str
    site_url: str
    organisation: str
    language: str
    timezone: str
    primary: str = "#1F4E79"
    accent: str = "#E4572E"
    repo: str | None = None  # owner/name on GitHub; default: from a github.io site_url
    disclosure: str | None = None  # default: from the organisation (#AcmeTeam)
    workflow: Workflow = field(default_factory=Workflow)


# Brandhub's own repository: its demo hub's answers, for the files it shares with the template.
DEMO = Answers(
    site_name="Alcor Hub",
    site_url="https://alcor-logistics.github.io/hub/",
    organisation="Alcor Logistics",
    language="en",
    timezone="Europe/Madrid",
    primary="#0F5C63",
    accent="#F7937E",
    disclosure="#AlcorTeam",
    workflow=Workflow(
        install="make .venv/.runtime",
        install_step=False,
        brandhub=".venv/bin/brandhub",
        check="make check",
        build="make site",
        cache_dependency="pyproject.toml",
        paths=(
            "content/**",
            "theme/**",
            "hub/**",
            "mkdocs.yml",
            "pyproject.toml",
            "Makefile",
            ".github/workflows/publish.yml",
        ),
        tests=True,
    ),
)
# The files of Brandhub's repository that are the template's, rendered with DEMO.
SHARED = (
    ".github/workflows/publish.yml",
    ".github/workflows/pr.yml",
    ".github/workflows/intake.yml",
    ".github/workflows/digest.yml",
    ".github/ISSUE_TEMPLATE/config.yml",
    ".github/ISSUE_TEMPLATE/small-win.yml",
    ".github/ISSUE_TEMPLATE/ambassador.yml",
    ".github/pull_request_template.md",
)


def starter_languages() -> tuple[str, ...]:
    """The languages a hub can start in: those with a catalogue and a starter, English first."""
    return tuple(code for code in languages() if (STARTER / code).is_dir())


# Answers, checked: each returns the value as the hub writes it, or raises Invalid.


def one_line(text: str) -> str:
    value = " ".join(text.split())
    if not value:
        raise Invalid(_("write at least one word"))
    if len(value) > 120:
        raise Invalid(_("use at most 120 characters"))
    return value


def site_url(text: str) -> str:
    value = text.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise Invalid(
            _(
                "'%(value)s' is not the address of a site (use one such as "
                "https://acme.github.io/hub/)",
                value=value,
            )
        )
    return value if value.endswith("/") else value + "/"


def timezone(text: str) -> str:
    value = text.strip()
    if value not in zoneinfo.available_timezones():
        raise Invalid(
            _(
                "'%(value)s' is not a time zone (use a name such as Europe/Madrid, "
                "America/Mexico_City or UTC)",
                value=value,
            )
        )
    return value


def colour(text: str) -> str:
    value = text.strip()
    if not COLOUR.fullmatch(value):
        raise Invalid(
            _("'%(value)s' is not a colour (use six hex digits such as #1F4E79)", value=value)
        )
    return value.upper()


def language(text: str) -> str:
    value = text.strip().lower()
    if value not in starter_languages():
        raise Invalid(
            _(
                "there is no starter in '%(value)s' (choose one of: %(choices)s)",
                value=value,
                choices=", ".join(starter_languages()),
            )
        )
    return value


def repository(text: str) -> str:
    value = text.strip().strip("/")
    if not re.fullmatch(r"[A-Za-z0-9-]+/[A-Za-z0-9._-]+", value):
        raise Invalid(_("'%(value)s' is not a GitHub repository (write owner/name)", value=value))
    return value


def default_repo(url: str) -> str | None:
    """``acme/hub`` for https://acme.github.io/hub/ (GitHub Pages' address of that repo)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host.endswith(".github.io"):
        return None
    owner = host.removesuffix(".github.io")
    name = parts.path.strip("/").split("/")[0] or host
    return f"{owner}/{name}"


def default_disclosure(organisation: str) -> str:
    words = re.findall(r"\w+", organisation)
    return "#" + "".join(w[:1].upper() + w[1:] for w in words) + "Team" if words else "#OurTeam"


def _shade(hex_colour: str, lightness: float) -> str:
    """The colour with its HLS lightness scaled (below 1: darker) or mixed towards white."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
    light = light * lightness if lightness < 1 else light + (1 - light) * (lightness - 1)
    rgb = colorsys.hls_to_rgb(hue, min(light, 1.0), saturation)
    return "#" + "".join(f"{round(c * 255):02X}" for c in rgb)


def _text_on(hex_colour: str) -> str:
    """White or black, whichever reads better on ``hex_colour`` (WCAG's contrast ratio): a
    light brand colour, such as a yellow accent, gets black text on its buttons."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(hex_colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    on_white, on_black = 1.05 / (luminance + 0.05), (luminance + 0.05) / 0.05
    return "#ffffff" if on_white >= on_black else "#000000"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        variable_start_string="[[",
        variable_end_string="]]",
        block_start_string="[%",
        block_end_string="%]",
        comment_start_string="[#",
        comment_end_string="#]",
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # YAML, Markdown and CSS: values are quoted with `q` where needed
    )
    # A JSON string is a valid YAML double-quoted scalar: quotes, colons and # stay safe.
    env.filters["q"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env


def _words(env: jinja2.Environment, lang: str, context: Mapping[str, Any]) -> Any:
    raw = yaml.safe_load((STARTER / lang / WORDS).read_text(encoding="utf-8"))

    def render(value: Any) -> Any:
        if isinstance(value, str):
            return env.from_string(value).render(context)
        if isinstance(value, dict):
            return {k: render(v) for k, v in value.items()}
        return value

    return render(raw)


def _target(rel: Path) -> str:
    parts = ["." + p.removeprefix("dot-") if p.startswith("dot-") else p for p in rel.parts]
    return "/".join(parts).removesuffix(".jinja")


def render(
    answers: Answers, *, today: date, ids: Mapping[str, str] | None = None
) -> dict[str, bytes]:
    """Every file of the new hub: its path in the hub → its bytes."""
    slug = slugify(answers.site_name) or "hub"
    repo = answers.repo or default_repo(answers.site_url)
    context: dict[str, Any] = {
        "site_name": answers.site_name,
        "site_url": answers.site_url,
        "organisation": answers.organisation,
        "language": answers.language,
        "timezone": answers.timezone,
        "primary": answers.primary,
        "primary_light": _shade(answers.primary, 1.45),
        "primary_dark": _shade(answers.primary, 0.7),
        "accent": answers.accent,
        "primary_text": _text_on(answers.primary),
        "accent_text": _text_on(answers.accent),
        "repo": repo,
        "owner": repo.split("/")[0] if repo else (slugify(answers.organisation) or "your-org"),
        "disclosure": answers.disclosure or default_disclosure(answers.organisation),
        "slug": slug,
        "version": __version__,
        "today": today.isoformat(),
        "year": today.year,
        "ids": ids or _Ids(),
        "workflow": answers.workflow,
    }
    env = _environment()
    context["words"] = _words(env, answers.language, context)
    files: dict[str, bytes] = {}
    for top in (STARTER / COMMON, STARTER / answers.language):
        for path in sorted(top.rglob("*")):
            rel = path.relative_to(top)
            if not path.is_file() or any(p.startswith("_") for p in rel.parts):
                continue
            if path.name.endswith(".jinja"):
                text = env.from_string(path.read_text(encoding="utf-8")).render(context)
                files[_target(rel)] = text.encode("utf-8")
            else:
                files[_target(rel)] = path.read_bytes()
    return files


class _Ids(dict[str, str]):
    """A new stable id (a UUID) for each starter item, made when the template asks for it."""

    def __missing__(self, key: str) -> str:
        self[key] = str(uuid.uuid4())
        return self[key]


def occupied(folder: Path) -> list[str]:
    """What is already in ``folder`` (a new clone's .git aside): init writes only into an empty
    folder unless forced."""
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name not in IGNORED)


def write(folder: Path, files: Mapping[str, bytes]) -> None:
    for rel, data in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
