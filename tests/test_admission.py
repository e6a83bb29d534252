"""Issue #24: one rule for which files may enter the site. A file's name cannot become markup,
content cannot replace the theme's or the hub's own files, other Markdown endings and pages
of other kinds are not published, and a drawing that runs script is refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hub.load import safe_name
from tests.conftest import Hub

NOW = "2026-03-01T12:00:00+01:00"
STORY = "---\ntitle: A win\ndate: 2026-01-10\nteam: Fleet\nauthors: [ana]\n---\nDone.\n"


def _refused(hub: Hub) -> str:
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    built = hub.run("build", "-d", str(hub.site), "--now", NOW)
    assert built.exit_code == 1 and not hub.site.exists()  # never a half-written site
    return result.output


@pytest.mark.parametrize(
    "name",
    [
        'guidelines/zz"><img src=x onerror=alert(1)>.md',
        "guidelines/it's.md",
        "stories/a&b.md",
        "stories/a`b.md",
        "stories/100%.md",
        "stories/why?.md",
        "stories/tab\there.md",
        "stories/line\nbreak.md",
        'stories/images/x"onload=alert(1).png',
        "stories/<folder>/win.md",
    ],
)
def test_a_name_that_markup_could_read_is_refused(site: Callable[[str], Hub], name: str) -> None:
    hub = site("basic")
    hub.write(name, STORY if name.endswith(".md") else b"\x89PNG")
    output = _refused(hub)
    assert "its name has characters that pages and links cannot carry safely" in output
    assert ": " in output.split("cannot carry safely", 1)[1]  # and says which characters


@pytest.mark.parametrize(
    "name",
    [
        "assets/javascripts/bundle.0123abcd.min.js",
        "assets/stylesheets/main.0123abcd.min.css",
        "assets/brand/brand.css",
        "assets/brandhub/brandhub.js",
        "assets/brandhub/icon-512.png",  # the web app's icons (hub.webapp)
        "manifest.webmanifest",
        "assets/cards/0123456789abcdef.png",
        "assets/images/favicon.png",
        "pagefind/pagefind.js",
        "feeds/stories.rss.xml.txt",
        "api/snippets.json",
        "sitemap.xml",
        "404.html",
    ],
)
def test_content_cannot_take_the_place_of_the_theme_s_or_the_hub_s_files(
    site: Callable[[str], Hub], name: str
) -> None:
    hub = site("basic")
    hub.write(name, "planted")
    output = _refused(hub)
    assert f"content/{name}: " in output
    assert (
        "is where the theme or the hub writes a file of its own" in output
        or "are not published" in output
    )


EVENT = (
    "---\ntitle: Open day\ndate: 2026-01-01\nkind: event\nslug: open-day\n"
    "starts: 2026-12-10\nends: 2026-12-12\n---\nCome and see.\n"
)


@pytest.mark.parametrize(
    ("name", "output"),
    [
        ("campaigns/welcome/share-kit.zip", "the share kit of content/campaigns/welcome.md"),
        ("campaigns/open-day/open-day.ics", "the calendar of content/campaigns/event.md"),
        ("campaigns/open-day/Share-Kit.ZIP", "the share kit of content/campaigns/event.md"),
    ],
)
def test_content_cannot_take_the_place_of_a_campaign_s_kit_or_calendar(
    site: Callable[[str], Hub], name: str, output: str
) -> None:
    hub = site("basic")
    hub.write("campaigns/event.md", EVENT)  # its address is its slug's, not its file's
    hub.write(name, "planted")
    assert f"content/{name}: is where the hub writes {output} (rename the file or move it " in (
        _refused(hub)
    )


def test_files_beside_a_campaign_that_the_hub_does_not_write_pass(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    hub.write("campaigns/event.md", EVENT)
    hub.write("campaigns/open-day/agenda.ics", "BEGIN:VCALENDAR\n")
    hub.write("campaigns/event/share-kit.zip", "PK")  # the file's name, not its address
    hub.write("campaigns/welcome/welcome.ics", "BEGIN:VCALENDAR\n")  # no start: no calendar
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("ending", [".markdown", ".mdown", ".mkd", ".mkdn", ".MD"])
def test_markdown_with_another_ending_is_refused(site: Callable[[str], Hub], ending: str) -> None:
    hub = site("basic")
    hub.write(f"stories/sneaky{ending}", "---\ntitle: <script>alert(1)</script>\n---\nHi\n")
    assert f"content/stories/sneaky{ending}: is Markdown with an ending other than .md" in (
        _refused(hub)
    )


@pytest.mark.parametrize("ending", ["html", "htm", "xhtml", "xht", "xml", "xsl", "js", "css"])
def test_pages_scripts_and_styles_are_not_published(
    site: Callable[[str], Hub], ending: str
) -> None:
    hub = site("basic")
    hub.write(f"stories/images/page.{ending}", "<script>alert(document.domain)</script>")
    output = _refused(hub)
    assert f"content/stories/images/page.{ending}: files of this type (.{ending})" in output


@pytest.mark.parametrize(
    ("svg", "named"),
    [
        ("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "<script>"),
        ("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "onload="),
        (
            "<svg xmlns='http://www.w3.org/2000/svg' xmlns:x='http://www.w3.org/1999/xlink'>"
            "<a x:href=' java\tscript:alert(1)'><text>x</text></a></svg>",
            "href=",
        ),
        (
            "<svg xmlns='http://www.w3.org/2000/svg'><foreignObject><iframe/></foreignObject>"
            "</svg>",
            "<foreignObject>",
        ),
        (
            "<svg xmlns='http://www.w3.org/2000/svg'><a><animate attributeName='href' "
            "to='javascript:alert(1)'/></a></svg>",
            "to=",
        ),
        ("<!DOCTYPE svg [<!ENTITY x 'y'>]><svg>&x;</svg>", "<!DOCTYPE>"),
        ("<svg", "text that is not a valid drawing"),
    ],
)
def test_a_drawing_that_runs_script_is_refused(
    site: Callable[[str], Hub], svg: str, named: str
) -> None:
    hub = site("basic")
    hub.write("stories/images/logo.svg", svg)
    output = _refused(hub)
    assert "content/stories/images/logo.svg: the drawing holds" in output
    assert named in output


def test_plain_drawings_and_everyday_names_pass(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    hub.write(
        "stories/images/Logo final (v2).svg",
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:x='http://www.w3.org/1999/xlink'>"
        "<defs><circle id='c' r='4'/></defs><use x:href='#c'/><image href='truck.png'/></svg>",
    )
    hub.write("stories/Camión día 1.md", STORY)
    hub.write("CNAME", "hub.testorg.com\n")
    hub.write("docs/plan_2026+.pdf", b"%PDF-1.4")
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 0, result.output


@given(st.text(min_size=1, max_size=30))
def test_no_admitted_name_carries_markup_or_a_line_break(name: str) -> None:
    if safe_name(name):
        assert not set(name) & set("\"'<>&`#%?\\\n\r\t/=;:"), name
        assert name == name.strip()
