"""A welcome journey before the first day (pre-boarding), with a buddy and a manager."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lxml import html

from tests.conftest import Hub

WELCOME = """---
title: Your first weeks
date: 2026-01-01
kind: welcome
{extra}steps:
  - day: 7
    title: Read the voice guide
    link: guidelines/voice.md
  - day: 0
    title: Say hello
  - day: -1
    title: Pack your boots
  - day: -3
    title: Sign the contract
  - day: -14
    title: Meet the team online
  - day: -7
    title: Read the welcome letter
  - day: -60
    title: Say yes
---
The journey.
"""


def by_class(tree: html.HtmlElement, name: str) -> list[html.HtmlElement]:
    found: list[html.HtmlElement] = tree.xpath(
        f'.//*[contains(concat(" ", normalize-space(@class), " "), " {name} ")]'
    )
    return found


BUDDY = "buddy: ana\nmanager_role: your team lead\n"
VOLUNTEER = "  buddy: true\n"


def _volunteer(hub: Hub) -> None:
    authors = hub.content / "authors.yml"
    text = authors.read_text(encoding="utf-8")
    authors.write_text(
        text.replace("  role: Driver lead\n", "  role: Driver lead\n" + VOLUNTEER),
        encoding="utf-8",
    )


def test_steps_before_day_one_come_first_with_their_own_labels(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    hub.write("campaigns/welcome.md", WELCOME.format(extra=""))
    hub.build("--now", "2026-11-23T12:00")
    tree = html.fromstring(hub.page("campaigns/welcome"))
    steps = by_class(tree, "bh-step")
    assert [s.get("data-bh-day") for s in steps] == ["-60", "-14", "-7", "-3", "-1", "0", "7"]
    assert [by_class(s, "bh-step__day")[0].text_content() for s in steps] == [
        "60 days before day one",
        "2 weeks before",
        "The week before",
        "3 days before day one",
        "The day before day one",
        "Day 0",
        "Week 1",
    ]


def test_steps_before_day_one_speak_spanish(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    config = hub.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "name: material", "name: material\n  language: es"
        ),
        encoding="utf-8",
    )
    hub.write("campaigns/welcome.md", WELCOME.format(extra=""))
    hub.build("--now", "2026-11-23T12:00")
    tree = html.fromstring(hub.page("campaigns/welcome"))
    labels = [e.text_content() for e in by_class(tree, "bh-step__day")]
    assert labels[:5] == [
        "60 días antes del primer día",
        "2 semanas antes",
        "La semana anterior",
        "3 días antes del primer día",
        "El día antes del primer día",
    ]


def test_a_step_more_than_sixty_days_before_is_refused(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.write("campaigns/welcome.md", WELCOME.format(extra="").replace("-60", "-61"))
    result = hub.run("check")
    assert result.exit_code == 1
    assert (
        "content/campaigns/welcome.md:19: steps[7].day: is -61, less than -60 (use -60 or more)"
        in result.stderr
    ), result.stderr


def test_the_buddy_and_the_manager_are_in_the_journey(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    _volunteer(hub)
    hub.write("campaigns/welcome.md", WELCOME.format(extra=BUDDY))
    hub.build("--now", "2026-11-23T12:00")
    tree = html.fromstring(hub.page("campaigns/welcome"))
    buddy = by_class(tree, "bh-journey__buddy")[0]
    assert buddy.text_content().startswith("Your buddy: Ana Ruiz")
    assert buddy.xpath(".//a")[0].get("href") == "../../authors/ana/"
    assert (hub.site / "authors/ana/index.html").is_file()
    manager = by_class(tree, "bh-journey__manager")[0].text_content()
    assert manager == "You plan your first weeks with your team lead, who sees the same steps."


@pytest.mark.parametrize(
    ("extra", "volunteer", "expected"),
    [
        (
            "buddy: anna\n",
            True,
            "content/campaigns/welcome.md:5: buddy: 'anna' is not in authors.yml "
            "(did you mean `ana`?)",
        ),
        (
            "buddy: ana\n",
            False,
            "content/campaigns/welcome.md:5: buddy: Ana Ruiz has not volunteered as a buddy "
            "(add 'buddy: true' under 'ana' in content/authors.yml once they agree, or name "
            "another person)",
        ),
    ],
    ids=["unknown", "not a volunteer"],
)
def test_a_buddy_must_be_a_volunteer_of_authors_yml(
    site: Callable[[str], Hub], extra: str, volunteer: bool, expected: str
) -> None:
    hub = site("basic")
    if volunteer:
        _volunteer(hub)
    hub.write("campaigns/welcome.md", WELCOME.format(extra=extra))
    result = hub.run("build", "-d", str(hub.site))
    assert result.exit_code == 1
    assert expected in result.stderr.splitlines(), result.stderr
    assert "Traceback" not in result.output


def test_only_a_welcome_campaign_has_a_buddy(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    _volunteer(hub)
    hub.write(
        "campaigns/brand.md",
        "---\ntitle: Brand\ndate: 2026-01-01\nkind: brand\nbuddy: ana\n---\nBody\n",
    )
    result = hub.run("check")
    assert result.exit_code == 1
    assert (
        "content/campaigns/brand.md:5: buddy: only a welcome campaign has a buddy "
        "(remove it, or make this campaign 'kind: welcome')" in result.stderr.splitlines()
    ), result.stderr
