"""The people directory: who's who, person and team pages, thanks and milestones, all from
published content; a person who is not in the directory, or only in unpublished stories, is
nowhere in the site."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from lxml import html

from hub.model import Author, Hub, Item
from hub.recognition import Milestone, milestones
from hub.settings import Settings
from hub.views import build_views
from tests.conftest import Hub as Site
from tests.conftest import search_records, story
from tests.test_leaks import leaks

NOW = "2026-11-23T12:00:00+01:00"
PEOPLE = """
cleo:
  name: Cleo Zqthanked
  team: Warehouse
  role: Picker
  location: Zaragoza
  languages: [es, en]
  topics: [Picking, Night shift]
  pronouns: she/her
  ambassador: true
  why: "Our night shift deserves to be seen."
  buddy: true
"""


def _story(slug: str, date: str, extra: str = "", authors: str = "[ana]") -> str:
    return (
        f"---\ntitle: Story {slug}\ndate: {date}\nteam: Fleet\nauthors: {authors}\n{extra}---\n"
        f"Body of {slug}.\n"
    )


def _add_people(hub: Site, text: str = PEOPLE) -> None:
    authors = hub.content / "authors.yml"
    authors.write_text(authors.read_text(encoding="utf-8") + text, encoding="utf-8")


def _text(page: str) -> str:
    return " ".join(html.fromstring(page).text_content().split())


def cls(tree: html.HtmlElement, name: str, tag: str = "*") -> list[html.HtmlElement]:
    """The elements under ``tree`` of class ``name``."""
    found: list[html.HtmlElement] = tree.xpath(
        f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    )
    return found


def links(tree: html.HtmlElement, name: str) -> list[str]:
    """The addresses (or, for people, names) linked inside the elements of class ``name``."""
    return [a.get("href") for element in cls(tree, name) for a in element.xpath(".//a")]


# Validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            "zed:\n  name: Zed\n  why: I like it\n",
            "content/authors.yml:11: zed.why: is only shown for ambassadors (add 'ambassador: "
            "true' if the person chose to be one, or remove why)",
        ),
        (
            "zed:\n  name: Zed\n  languages: [es, Spanish]\n",
            "content/authors.yml:11: zed.languages: item 2: 'Spanish' is not a language code "
            "(use a language code such as en, es or pt-BR)",
        ),
        (
            "zed:\n  name: Zed\n  ambassador: yes please\n",
            "content/authors.yml:11: zed.ambassador: expected true or false",
        ),
    ],
)
def test_bad_people_entries_name_file_line_field_and_hint(
    site: Callable[[str], Site], entry: str, expected: str
) -> None:
    hub = site("basic")
    _add_people(hub, entry)
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 1
    assert expected in result.output


def test_thanks_must_name_people_of_the_directory(site: Callable[[str], Site]) -> None:
    hub = site("basic")
    hub.write("stories/thanks.md", _story("thanks", "2026-04-01", "thanks: [ana, bem]\n"))
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 1
    assert (
        "content/stories/thanks.md:6: thanks: 'bem' is not in authors.yml (did you mean `ben`?)"
    ) in result.output


def test_today_s_people_files_stay_valid(site: Callable[[str], Site]) -> None:
    hub = site("basic")  # name, team, role, links only
    assert hub.run("check", "--now", NOW).exit_code == 0


# Milestones ------------------------------------------------------------------------------


def _dated(*days: str) -> list[Item]:
    return [
        story(
            src=f"stories/{d}.md",
            url=f"stories/{d}/",
            date=datetime.fromisoformat(d).replace(tzinfo=UTC),
            authors=("ana",),
        )
        for d in days
    ]


def _profiles(items: list[Item], moment: datetime, *, preview: bool) -> tuple[Milestone, ...]:
    hub = Hub(items=tuple(items), authors={"ana": Author(id="ana", name="Ana")}, assets=frozenset())
    views = build_views(hub, Settings(organisation="O"), moment, preview=preview, hub_feeds=[])
    (person,) = [v for v in views if v.url == "authors/ana/"]
    found: tuple[Milestone, ...] = person.data["profile"].milestones
    return found


def test_milestones_come_from_the_stories_counted() -> None:
    assert milestones([]) == ()
    assert milestones(_dated("2026-01-05")) == (Milestone(key="first-story"),)
    five = _dated("2026-01-05", "2026-02-05", "2026-04-05", "2026-07-05", "2026-10-05")
    assert milestones(five) == (
        Milestone(key="first-story"),
        Milestone(key="five-stories"),
        Milestone(key="every-quarter", year=2026),
    )
    # Four quarters, but of two years: no year had a story in every quarter.
    spread = _dated("2025-01-05", "2025-04-05", "2026-07-05", "2026-10-05")
    assert [m.key for m in milestones(spread)] == ["first-story"]


def test_an_embargoed_story_earns_no_milestone_even_in_a_preview() -> None:
    # Four public stories in three quarters, and a fifth, in the fourth, embargoed.
    items = _dated("2026-01-05", "2026-04-05", "2026-07-05", "2026-08-05", "2026-12-01")
    moment = datetime(2026, 11, 23, tzinfo=UTC)
    for preview in (False, True):
        assert _profiles(items, moment, preview=preview) == (Milestone(key="first-story"),)
    later = _profiles(items, datetime(2026, 12, 2, tzinfo=UTC), preview=False)
    assert [m.key for m in later] == ["first-story", "five-stories", "every-quarter"]


def test_milestone_badges_show_on_the_person_s_page_once_published(
    site: Callable[[str], Site],
) -> None:
    hub = site("basic")  # ana has stories in January, February and March 2026
    hub.write("stories/q2.md", _story("q2", "2026-05-01"))
    hub.write("stories/q3.md", _story("q3", "2026-08-01"))
    hub.write("stories/q4.md", _story("q4", "2026-12-01"))  # embargoed at NOW
    hub.build("--now", NOW)
    page = html.fromstring(hub.page("authors/ana"))
    badges = [" ".join(li.text_content().split()) for li in cls(page, "bh-milestone")]
    assert badges == ["★ First story", "★ Five stories"]
    (badge_list,) = cls(page, "bh-milestones", "ul")
    assert badge_list.get("aria-label") == "Milestones"
    hub.build("--now", "2026-12-01T09:00:00+01:00")
    page = html.fromstring(hub.page("authors/ana"))
    badges = [" ".join(li.text_content().split()) for li in cls(page, "bh-milestone")]
    assert badges[-1] == "★ A story in every quarter of 2026"


# Pages -----------------------------------------------------------------------------------


@pytest.fixture
def thanked(site: Callable[[str], Site]) -> Site:
    hub = site("basic")
    _add_people(hub)
    hub.write("stories/night.md", _story("night", "2026-04-01", "thanks: [cleo]\n"))
    hub.write(
        "stories/wh.md",
        _story("wh", "2026-04-02", authors="[cleo]").replace("team: Fleet", "team: Warehouse"),
    )
    hub.build("--now", NOW)
    return hub


def test_who_s_who_shows_everything_a_person_chose_to_say(thanked: Site) -> None:
    page = html.fromstring(thanked.page("authors"))
    (card,) = [li for li in page.xpath("//*[@data-bh-person]") if "Cleo" in li.text_content()]
    text = " ".join(card.text_content().split())
    for shown in (
        "Cleo Zqthanked (she/her)",
        "Picker",
        "Warehouse",
        "Zaragoza",
        "Ambassador",
        "New-hire buddy",
        "“Our night shift deserves to be seen.”",
        "Spanish, English",
        "Picking, Night shift",
    ):
        assert shown in text, shown
    assert card.get("data-bh-language") == "es en"
    assert card.get("data-bh-topic") == "picking night-shift"
    assert card.get("data-bh-team") == "teams/warehouse/"
    assert cls(card, "bh-person__team", "a")[0].get("href") == "../teams/warehouse/"
    # The filter's controls are labelled form controls, hidden until the script runs.
    form = page.xpath("//form[@data-bh-people-filter]")[0]
    assert form.get("hidden") is not None
    for select in form.xpath(".//select"):
        assert form.xpath(f".//label[@for='{select.get('id')}']"), select.get("id")
    assert "2 people" in _text(thanked.page("authors"))  # ana and cleo; ben is hidden


def test_the_thanked_person_s_page_lists_the_stories_that_thank_them(thanked: Site) -> None:
    page = html.fromstring(thanked.page("authors/cleo"))
    (section,) = cls(page, "bh-thanked", "section")
    assert "Thanked in" in section.text_content()
    assert [a.get("href") for a in section.xpath(".//a")] == ["../../stories/night/"]
    signed = links(page, "bh-card__title")
    assert signed == ["../../stories/wh/"]
    story_page = _text(thanked.page("stories/night"))
    assert "With thanks to Cleo Zqthanked" in story_page


def test_a_team_page_shows_its_people_small_wins_and_thanks(thanked: Site) -> None:
    team = html.fromstring(thanked.page("teams/warehouse"))
    assert team.xpath("//h1")[0].text_content() == "Warehouse"
    people = links(team, "bh-person__name")
    assert people == ["../../authors/cleo/"]
    wins = links(team, "bh-card__title")
    assert wins == ["../../stories/wh/"]
    thanks = " ".join(cls(team, "bh-thanks-list")[0].text_content().split())
    assert "Story night" in thanks and "With thanks to Cleo Zqthanked" in thanks
    fleet = html.fromstring(thanked.page("teams/fleet"))
    fleet_wins = links(fleet, "bh-card__title")
    assert fleet_wins == ["../../stories/night/", "../../stories/win-3/"]  # paged by 2
    # Stories link their team; the list of teams links each team.
    byline = cls(html.fromstring(thanked.page("stories/wh")), "bh-byline__team", "a")[0]
    assert byline.get("href") == "../../teams/warehouse/"
    listed = links(html.fromstring(thanked.page("teams")), "bh-teams")
    assert listed == ["fleet/", "warehouse/"]


def test_a_team_named_only_by_an_unpublished_story_has_no_page(site: Callable[[str], Site]) -> None:
    hub = site("basic")
    hub.write(
        "stories/zq.md",
        _story("zq", "2027-01-01").replace("team: Fleet", "team: Zqsecret Team"),
    )
    hub.build("--now", NOW)
    assert leaks(hub.site, ["zqsecret", "Zqsecret"]) == set()


def test_a_person_thanked_only_by_an_embargoed_story_appears_with_it(
    site: Callable[[str], Site],
) -> None:
    hub = site("basic")
    shutil.copy(hub.content / "stories/images/truck.png", hub.content / "zqface.png")
    _add_people(hub, "zqhelper:\n  name: Zqhelper Person\n  team: Zqcrew\n  avatar: zqface.png\n")
    hub.write("stories/soon.md", _story("soon", "2027-01-04", "thanks: [zqhelper]\n"))
    hub.build("--now", NOW)
    assert leaks(hub.site, ["zqhelper", "Zqhelper", "zqface", "Zqcrew", "zqcrew"]) == set()
    hub.build("--now", "2027-01-04T09:00:00+01:00")
    assert "Zqhelper Person" in hub.page("authors/zqhelper")
    assert "Zqhelper Person" in hub.page("teams/zqcrew")
    assert (hub.site / "zqface.png").is_file()


def test_a_person_removed_from_the_directory_leaves_no_trace(site: Callable[[str], Site]) -> None:
    hub = site("basic")
    _add_people(hub, "zqgone:\n  name: Zqgone Person\n  team: Zqgoneteam\n")
    hub.write("stories/signed.md", _story("signed", "2026-04-01", authors="[ana, zqgone]"))
    hub.write("stories/thank.md", _story("thank", "2026-04-02", "thanks: [zqgone]\n"))
    hub.build("--now", NOW)
    assert "Zqgone Person" in hub.page("authors/zqgone")
    assert any("Zqgone" in r["meta"]["title"] for r in search_records(hub.site).values())
    feed = feedparser.parse((hub.site / "feeds/stories.atom.xml").read_bytes())
    assert any(a.get("name") == "Zqgone Person" for e in feed.entries for a in e.get("authors", []))
    # The person leaves: out of the directory, and out of what they signed or were thanked in.
    authors = hub.content / "authors.yml"
    authors.write_text(authors.read_text(encoding="utf-8").split("zqgone:")[0], encoding="utf-8")
    hub.write("stories/signed.md", _story("signed", "2026-04-01"))
    hub.write("stories/thank.md", _story("thank", "2026-04-02"))
    hub.build("--now", NOW)
    assert not (hub.site / "authors/zqgone").exists()
    assert "Zqgone" not in hub.page("authors")
    assert not any("zqgone" in json.dumps(r).lower() for r in search_records(hub.site).values())
    feed = feedparser.parse((hub.site / "feeds/stories.atom.xml").read_bytes())
    assert all(a.get("name") != "Zqgone Person" for e in feed.entries for a in e.get("authors", []))
    assert leaks(hub.site, ["zqgone", "Zqgone"]) == set()


def test_a_preview_of_people_is_the_same_shape(tmp_path: Path) -> None:
    # The views of people and teams are plain records: a preview shows unpublished signers.
    items = (story(authors=("ben",), team="Fleet", date=datetime(2027, 1, 1, tzinfo=UTC)),)
    hub = Hub(items=items, authors={"ben": Author(id="ben", name="Ben")}, assets=frozenset())
    moment = datetime(2026, 11, 23, tzinfo=UTC)
    shown = {v.url for v in build_views(hub, Settings(organisation="O"), moment, preview=True)}
    assert {"authors/ben/", "teams/fleet/"} <= shown
    hidden = {v.url for v in build_views(hub, Settings(organisation="O"), moment, preview=False)}
    assert not {"authors/ben/", "teams/fleet/"} & hidden


def test_names_in_any_script_get_their_own_team_page_and_filter_value(
    site: Callable[[str], Site],
) -> None:
    hub = site("basic")
    _add_people(
        hub,
        "kyiv:\n  name: Olena\n  team: Київ\n  location: Київ\n  topics: [Склад]\n"
        "tokyo:\n  name: Haruto\n  team: 東京\n  location: 東京\n  topics: [倉庫]\n",
    )
    hub.build("--now", NOW)
    teams = links(html.fromstring(hub.page("teams")), "bh-teams")
    assert len(set(teams)) == 3  # Fleet, Київ, 東京: one page each
    page = html.fromstring(hub.page("authors"))
    for facet in ("team", "location", "topic"):
        values = [o.get("value") for o in page.xpath(f"//select[@name='{facet}']/option")]
        assert len(values) == len(set(values)) and values[0] == "", (facet, values)
        assert all(values[1:]), (facet, values)


def test_content_may_not_take_the_teams_folder(site: Callable[[str], Site]) -> None:
    hub = site("basic")
    hub.write("teams/fleet.md", "---\ntitle: Our fleet\n---\nHello.\n")
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 1
    assert "its address /teams/fleet/ is made by the hub itself" in result.output
