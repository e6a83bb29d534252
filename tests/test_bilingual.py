"""A hub in several languages: one content folder, one full hub per language at /<code>/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hub.cli import cli
from tests.conftest import SITES, Elements, output_text, search_records

NOW = "2026-02-01T12:00:00+01:00"
SITE = "https://hub.testorg.com/"


@pytest.fixture(scope="module")
def hub_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bilingual") / "hub"
    shutil.copytree(SITES / "bilingual", root)
    return root


@pytest.fixture(scope="module")
def site(hub_root: Path) -> Path:
    """tests/sites/bilingual (languages: [es, en]) built once; tests only read it."""
    out = hub_root / "site"
    result = CliRunner().invoke(
        cli, ["build", "-f", str(hub_root / "mkdocs.yml"), "-d", str(out), "--now", NOW]
    )
    assert result.exit_code == 0, result.output
    return out


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def switcher(html: str) -> dict[str, str]:
    """Material's language switcher: its link for each language."""
    links = Elements(html).find("a", class_="md-select__link")
    return {str(a["hreflang"]): str(a["href"]) for a in links}


def hreflang(html: str) -> dict[str, str]:
    links = Elements(html).find("link", rel="alternate")
    return {str(a["hreflang"]): str(a["href"]) for a in links if a.get("hreflang")}


def test_each_language_is_a_full_hub_in_its_own_language(site: Path) -> None:
    es, en = page(site, "es/stories/win-1"), page(site, "en/stories/win-1")
    assert '<html lang="es"' in es and '<html lang="en"' in en
    assert "Un pequeño logro" in es and "A small win" in en
    assert "10 de enero de 2026" in es and "January 10, 2026" in en
    assert 'property="og:locale" content="es_ES"' in es
    assert 'property="og:locale" content="en_US"' in en
    assert "<title>Pequeños logros - Test Hub</title>" in page(site, "es/stories")
    assert "<title>Small wins - Test Hub</title>" in page(site, "en/stories")
    assert 'placeholder="Búsqueda"' in es and 'placeholder="Search"' in en  # Material's words
    # The canonical address and the share links are the language's own.
    assert f'<link rel="canonical" href="{SITE}es/stories/win-1/">' in es
    assert f'data-bh-link="{SITE}es/stories/win-1/?utm_source=' in es
    assert "El equipo de flota lo ha conseguido." in es and "The fleet team did it." in en


def test_the_switcher_leads_from_an_item_to_its_translation(site: Path) -> None:
    es, en = page(site, "es/stories/win-1"), page(site, "en/stories/win-1")
    assert switcher(es) == {"es": "../../../es/stories/win-1/", "en": "../../../en/stories/win-1/"}
    assert switcher(en)["es"] == "../../../es/stories/win-1/"
    assert hreflang(es) == {
        "es": f"{SITE}es/stories/win-1/",
        "en": f"{SITE}en/stories/win-1/",
        "x-default": f"{SITE}es/stories/win-1/",
    }
    assert switcher(page(site, "en"))["es"] == "../es/"  # the homes are versions of each other
    assert switcher(page(site, "es/stories"))["en"] == "../../en/stories/"


def test_a_link_between_pages_stays_in_the_language(site: Path) -> None:
    es, en = page(site, "es/stories/win-1"), page(site, "en/stories/win-1")
    assert 'href="../../guidelines/voice/">guía de voz</a>' in es
    assert 'href="../../guidelines/voice/">voice guide</a>' in en
    assert "Voz y tono" in page(site, "es/guidelines/voice")


def test_the_welcome_journey_is_in_each_language(site: Path) -> None:
    es, en = page(site, "es/campaigns/welcome"), page(site, "en/campaigns/welcome")
    assert "Día 0" in es and "Tu itinerario" in es and "Lee la guía de voz" in es
    assert "Day 0" in en and "Your journey" in en and "Read the voice guide" in en


def test_an_untranslated_item_is_shown_in_its_own_language_only(site: Path) -> None:
    assert (site / "es/stories/solo-es/index.html").is_file()
    assert not (site / "en/stories/solo-es").exists()
    assert (site / "en/stories/only-en/index.html").is_file()
    assert not (site / "es/stories/only-en").exists()
    assert "zqxsoloes" not in output_text(site / "en")
    assert "zqxonlyen" not in output_text(site / "es")
    alone = page(site, "es/stories/solo-es")
    assert switcher(alone)["en"] == "../../../en/"  # to the other language's home
    assert hreflang(alone) == {}  # no version of the same page to name


def test_an_unpublished_translation_leaks_into_no_language(site: Path) -> None:
    everything = output_text(site)
    for canary in ("zqxdraften", "zqxembargoen", "zqxdraftes"):
        assert canary not in everything
    assert not (site / "en/stories/launch").exists()
    assert not (site / "es/stories/secret").exists()
    # The published version's switcher does not link to its embargoed or draft translation.
    for published in ("es/stories/soon", "es/stories/launch"):
        assert switcher(page(site, published))["en"] == "../../../en/"
        assert hreflang(page(site, published)) == {}


def test_feeds_and_search_are_per_language(site: Path) -> None:
    es = (site / "es/feeds/stories.rss.xml").read_text(encoding="utf-8")
    en = (site / "en/feeds/stories.rss.xml").read_text(encoding="utf-8")
    assert "<title>Test Org: Pequeños logros</title>" in es
    assert f"<link>{SITE}es/stories/win-1/</link>" in es and "A small win" not in es
    assert f"<link>{SITE}en/stories/win-1/</link>" in en and "Un pequeño logro" not in en
    spanish, english = search_records(site / "es"), search_records(site / "en")
    assert "/stories/solo-es/" in spanish and "/stories/solo-es/" not in english
    assert spanish["/stories/win-1/"]["meta"]["title"] == "Un pequeño logro"
    assert english["/stories/win-1/"]["meta"]["title"] == "A small win"
    assert not (site / "pagefind").exists()  # each language's index is in its folder


def test_the_top_leads_to_the_default_language_and_indexes_the_sitemaps(site: Path) -> None:
    top = (site / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=es/">' in top
    assert '<a href="es/" hreflang="es">' in top  # without a refresh, a reader follows it
    assert '<a href="en/" hreflang="en" lang="en">English</a>' in top
    assert '<html lang="es">' in top and "El hub se abre en español" in top
    index = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<sitemapindex" in index
    assert f"<loc>{SITE}es/sitemap.xml</loc>" in index
    assert f"<loc>{SITE}en/sitemap.xml</loc>" in index
    spanish = (site / "es/sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE}es/stories/win-1/</loc>" in spanish
    assert (site / "404.html").is_file()


def test_check_reports_untranslated_items_as_information(hub_root: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "-f", str(hub_root / "mkdocs.yml"), "--now", NOW])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    solo = [line for line in lines if "stories/solo-es.md" in line]
    assert len(solo) == 1 and solo[0].startswith("información: ")  # the default language
    assert "no tiene versión en inglés (en)" in solo[0]
    assert "stories/solo-es.en.md" in solo[0]  # the file that would translate it
    assert any("stories/only-en.en.md" in line and "español (es)" in line for line in lines)
    assert not any("win-1" in line for line in lines)  # translated: nothing to say


def test_a_repeated_language_is_a_clear_settings_problem(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("[es, en]", "[es, en, es]"), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["check", "-f", str(config)])
    assert result.exit_code == 1
    assert "brandhub.languages: nombra es más de una vez" in result.output
    assert "Traceback" not in result.output


def test_a_page_written_twice_in_one_language_is_a_problem(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    shutil.copy(root / "content/guidelines/voice.md", root / "content/guidelines/voice.es.md")
    result = CliRunner().invoke(cli, ["check", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 1
    assert "guidelines/voice.es.md" in result.output and "guidelines/voice.md" in result.output


def test_a_link_to_a_page_missing_in_the_language_says_so_and_stops_the_build(
    tmp_path: Path,
) -> None:
    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    story = root / "content/stories/only-en.en.md"
    with story.open("a", encoding="utf-8") as text:
        text.write("\nSee [the Spanish story](solo-es.md).\n")
    out = root / "site"
    result = CliRunner().invoke(cli, ["build", "-f", str(root / "mkdocs.yml"), "-d", str(out)])
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if "only-en.en.md" in line)
    assert "links to content/stories/solo-es.md, which has no version in English (en)" in line
    assert "content/stories/solo-es.en.md" in line  # the translation that would answer it
    assert "does not exist" not in result.output  # it does, in another language
    assert not out.exists()


def test_in_github_actions_an_untranslated_item_is_a_notice(hub_root: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["check", "-f", str(hub_root / "mkdocs.yml"), "--now", NOW],
        env={"GITHUB_ACTIONS": "true"},
    )
    assert result.exit_code == 0, result.output
    notices = [line for line in result.output.splitlines() if line.startswith("::notice ")]
    assert any("stories/solo-es.md" in line for line in notices)
    assert not any(line.startswith("::error") for line in result.output.splitlines())


def test_the_preview_shows_the_language_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import Hub
    from tests.test_serve import Preview

    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    monkeypatch.chdir(root)
    running = Preview(Hub(root), "--language", "en")
    try:
        story = running.get("stories/win-1/")
        assert '<html lang="en"' in story and "A small win" in story
        assert "January 10, 2026" in story
        assert "Only in English" in running.get("stories/")
        assert running.get("stories/solo-es/") == "HTTP 404"  # Spanish only
        # Share links point where the build publishes the page: the language's address.
        assert 'data-bh-link="https://hub.testorg.com/en/stories/win-1/?utm_source=' in story
        running.save(
            "stories/win-1.en.md",
            (running.hub.content / "stories/win-1.en.md")
            .read_text(encoding="utf-8")
            .replace("A small win", "A retitled win"),
        )
        assert "A retitled win" in running.get("stories/win-1/")
    finally:
        running.stop()


def test_the_preview_of_a_language_the_hub_does_not_have_is_refused(hub_root: Path) -> None:
    result = CliRunner().invoke(
        cli, ["serve", "-f", str(hub_root / "mkdocs.yml"), "--language", "fr"]
    )
    assert result.exit_code == 1
    assert "--language fr" in result.output and "es, en" in result.output
    assert "Traceback" not in result.output


def test_the_schedule_counts_every_language(hub_root: Path) -> None:
    # The only future moment of the hub is its English translation's embargo (soon.en.md).
    result = CliRunner().invoke(
        cli, ["schedule", "-f", str(hub_root / "mkdocs.yml"), "--now", NOW, "--next"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip().startswith("2030-01-01T00:00:00")
    listed = CliRunner().invoke(cli, ["schedule", "-f", str(hub_root / "mkdocs.yml"), "--now", NOW])
    assert "stories/soon.en.md" in listed.output


def test_diff_compares_each_language_with_its_own_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import Hub
    from tests.test_review import git

    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    monkeypatch.chdir(root)
    hub = Hub(root)
    git(hub, "init", "-q", "-b", "main")
    git(hub, "add", ".")
    git(hub, "commit", "-q", "-m", "base")
    hub.write(
        "stories/fresh.en.md",
        "---\ntitle: A fresh English story\ndate: 2026-01-20\nteam: Fleet\nauthors: [ana]\n"
        "---\nNew.\n",
    )
    result = hub.run("diff", "--base", "main", "--now", NOW)
    assert result.exit_code == 0, result.output
    spanish, english = result.stdout.split("Language: en")
    assert "A fresh English story" in english and "A fresh English story" not in spanish
    assert "**1 added, 0 changed, 0 removed**" in english
    # Nothing in either language reads as removed: each is compared with itself.
    assert "Removed" not in spanish and "Removed" not in english


def test_a_lang_key_that_contradicts_the_file_name_is_a_problem(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    story = root / "content/stories/win-1.en.md"
    story.write_text(
        story.read_text(encoding="utf-8").replace("team: Fleet\n", "team: Fleet\nlang: es\n"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if "win-1.en.md" in line)
    assert "lang: is es, but the file's name makes it a page in en" in line
    assert "win-1.md" in line  # where a Spanish page goes


def test_new_writes_in_the_language_asked_for(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    config = str(root / "mkdocs.yml")
    result = CliRunner().invoke(
        cli, ["new", "-f", config, "story", "Night shift", "--language", "en"]
    )
    assert result.exit_code == 0, result.output
    written = list((root / "content/stories").glob("*night-shift*"))
    assert [path.name[-len(".en.md") :] for path in written] == [".en.md"]
    assert "brandhub serve --language en" in result.output
    assert "remove this line when the text is ready to publish" in written[0].read_text("utf-8")
    spanish = CliRunner().invoke(cli, ["new", "-f", config, "story", "Turno de noche"])
    assert spanish.exit_code == 0, spanish.output
    (default,) = (root / "content/stories").glob("*turno-de-noche*")
    assert default.name.count(".") == 1  # the default language's file has no ending


@pytest.mark.parametrize(("language", "other"), [("es", "en"), ("en", "es")])
def test_no_page_of_a_language_shows_a_message_of_the_other(
    site: Path, language: str, other: str
) -> None:
    from tests.test_i18n_pages import _messages, _shown

    foreign = _messages(other, language)
    assert len(foreign) > 40
    urls = ["", "stories/", "stories/win-1/", "tags/", "authors/", "campaigns/welcome/", "feeds/"]
    for url in urls:
        shown = _shown(site / language / url / "index.html")
        leaks = [piece for piece in foreign if piece in shown]
        assert not leaks, f"/{language}/{url} shows {other}: {leaks}"


def test_each_language_needs_its_home(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    (root / "content/index.en.md").unlink()
    welcome = root / "content/campaigns/welcome.en.md"
    welcome.write_text(
        welcome.read_text(encoding="utf-8").replace("link: index.md", "link: guidelines/voice.md"),
        encoding="utf-8",
    )
    out = root / "site"
    result = CliRunner().invoke(cli, ["build", "-f", str(root / "mkdocs.yml"), "-d", str(out)])
    assert result.exit_code == 1
    assert "index.en.md: the hub has no published home page in English (en)" in result.output
    assert not out.exists()  # the language menu would lead to a missing page


def test_plain_mkdocs_build_makes_the_default_language_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    monkeypatch.setenv("BRANDHUB_NOW", NOW)
    out = root / "site"
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out)))
    story = (out / "stories/win-1/index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in story and "Un pequeño logro" in story
    assert not (out / "stories/only-en").exists() and not (out / "es").exists()
    assert not list(out.rglob("*.en*"))  # no English file became a page of its own


def test_a_stopped_build_of_several_languages_keeps_the_previous_site(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    from tests.test_reproducible import tree_hash

    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    site = tmp_path / "out" / "site"
    command = [sys.executable, "-m", "hub", "build", "-f", str(root / "mkdocs.yml")]
    command += ["-d", str(site), "--now", NOW]
    first = subprocess.run(command, capture_output=True, text=True, cwd=root, timeout=300)
    assert first.returncode == 0, first.stderr
    before = tree_hash(site)
    shutil.rmtree(root / ".cache")  # every page is written again: time to stop it mid-way
    build = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and build.poll() is None:
        staging = [p for p in site.parent.glob(f".{site.name}.building-*") if p.is_dir()]
        if staging and (staging[0] / "es" / "stories").is_dir():  # the first language's pages
            build.send_signal(signal.SIGTERM)
            break
        time.sleep(0.005)
    output, _ = build.communicate(timeout=120)
    assert build.returncode == 128 + signal.SIGTERM, output
    assert "Traceback" not in output
    assert tree_hash(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]  # no staging left


def test_the_digest_links_to_the_default_language_s_pages(hub_root: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["digest", "-f", str(hub_root / "mkdocs.yml"), "--now", "2026-01-12T12:00:00+01:00"],
    )
    assert result.exit_code == 0, result.output
    assert f"{SITE}es/stories/win-1/" in result.stdout
    assert f"{SITE}stories/" not in result.stdout  # no address outside a language's folder


def test_the_build_speaks_the_default_language_for_every_language(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    result = CliRunner().invoke(
        cli, ["build", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site"), "--now", NOW]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Revisado (es): 8 páginas")
    assert lines[1].startswith("Revisado (en): 7 páginas")
    assert lines[2].startswith("Hub generado en ")


def test_what_mkdocs_yml_says_once_is_said_in_each_language(site: Path) -> None:
    es, en = page(site, "es/stories/win-1"), page(site, "en/stories/win-1")
    # brandhub.translations: the footer and the description in the page's language
    assert "© Test Org · todos los derechos" in es and "all rights reserved" not in es
    assert "© Test Org · all rights reserved" in en and "todos los derechos" not in en
    manifest = (site / "en" / "manifest.webmanifest").read_text(encoding="utf-8")
    assert '"description": "Test Org\'s hub."' in manifest
    # A colour toggle without a name is labelled in each language, and the theme's credit too.
    assert 'aria-label="Cambiar al modo oscuro"' in es and "Hecho con" in es
    assert 'aria-label="Switch to dark mode"' in en and "Made with" in en
    assert "Made with" not in es and "Switch to" not in es


def test_each_language_has_its_own_glossary(site: Path) -> None:
    es, en = page(site, "es/stories/win-1"), page(site, "en/stories/win-1")
    assert '<abbr title="Los camiones y furgonetas de Test Org.">flota</abbr>' in es
    assert '<abbr title="Test Org\'s trucks and vans.">fleet</abbr>' in en
    assert "Test Org's trucks" not in es and "Los camiones" not in en
    assert "flota" in page(site, "es/glossary") and "fleet" not in page(site, "es/glossary")
    assert "fleet" in page(site, "en/glossary") and "flota" not in page(site, "en/glossary")
    published = {path.name for path in site.rglob("glossary*.yml")}
    assert published == set()  # the files themselves stay in the repository


def test_a_person_speaks_each_language(site: Path) -> None:
    es, en = page(site, "es/authors/ana"), page(site, "en/authors/ana")
    assert "Jefa de tráfico" in es and "Traffic manager" not in es
    assert "Traffic manager" in en and "Jefa de tráfico" not in en
    assert "Routing" in page(site, "en/authors") and "Routing" not in page(site, "es/authors")
    assert "Ana Ruiz" in en  # the name is authors.yml's, in every language
    assert {path.name for path in site.rglob("authors*.yml")} == set()


def test_a_person_missing_from_authors_yml_is_named_with_its_file(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    words = root / "content/authors.en.yml"
    words.write_text("anna:\n  role: Traffic manager\n  name: Anna\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 1
    assert "content/authors.en.yml:1: anna: 'anna' is not in authors.yml" in result.output
    assert "ana" in result.output.split("'anna' is not in authors.yml", 1)[1]  # did you mean
    words.write_text("ana:\n  name: Anna\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 1
    assert "content/authors.en.yml:2: ana.name: unknown key" in result.output


def test_translations_name_only_the_hubs_languages(hub_root: Path, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        (hub_root / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("docs_dir: content", f"docs_dir: {hub_root / 'content'}")
        .replace("        en:\n", "        fr:\n"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", "-f", str(config), "--now", NOW])
    assert result.exit_code == 1
    assert (
        "brandhub.translations: traduce a fr, que no está en brandhub.languages "
        "(añade el idioma a brandhub.languages, o quita sus traducciones)"
    ) in result.output


def test_a_welcome_step_to_a_page_missing_in_the_language_says_so(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(SITES / "bilingual", root)
    journey = root / "content/campaigns/welcome.en.md"
    journey.write_text(
        journey.read_text(encoding="utf-8").replace(
            "link: guidelines/voice.md", "link: stories/solo-es.md"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "welcome.en.md" in line]
    assert len(lines) == 1, result.output
    assert "links to content/stories/solo-es.md, which has no version in English (en)" in lines[0]
    assert "is not a page of the hub" not in result.output


def test_each_languages_sitemap_names_the_pages_versions(site: Path) -> None:
    from lxml import etree

    def versions(code: str) -> dict[str, dict[str, str]]:
        tree = etree.parse(str(site / code / "sitemap.xml"))
        ns = {
            "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
            "x": "http://www.w3.org/1999/xhtml",
        }
        return {
            url.findtext("s:loc", namespaces=ns): {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
            }
            for url in tree.findall("s:url", ns)
        }

    base = "https://hub.testorg.com/"
    es, en = versions("es"), versions("en")
    both = {"es": f"{base}es/stories/win-1/", "en": f"{base}en/stories/win-1/"}
    assert es[f"{base}es/stories/win-1/"] == {**both, "x-default": both["es"]}
    assert en[f"{base}en/stories/win-1/"] == {**both, "x-default": both["es"]}
    assert es[f"{base}es/stories/solo-es/"] == {}  # one language: no alternates
    # Nothing unpublished is named: the English draft of "launch" is no version of it.
    assert es[f"{base}es/stories/launch/"] == {}
