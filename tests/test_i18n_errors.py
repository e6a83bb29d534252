"""Content errors and the command line's messages in the hub's language (theme.language).

An editor of a Spanish hub reads every problem in Spanish, in the same shape as in English:
``file:line: field: message (hint)``; field names and YAML keys stay as the editor types them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from babel.messages.pofile import read_po

from hub import i18n
from hub.channels import CHANNELS
from tests.conftest import ROOT, Hub

NOW = "2026-11-23T12:00+01:00"

# A story with one problem each: (file, its text, the line in English, the line in Spanish).
BROKEN = [
    (
        "stories/broken.md",
        "---\ntitle: Broken\ndate: 2026-01-01\ntags: [a\n---\nBody\n",
        "content/stories/broken.md:4: a [ opened on line 4 is not closed (end it with ] on "
        "the same line, or put the value in quotes if the [ is part of the text)",
        "content/stories/broken.md:4: un [ abierto en la línea 4 no se cierra (ciérralo con ] "
        "en la misma línea, o pon el valor entre comillas si el [ forma parte del texto)",
    ),
    (
        "stories/bad-date.md",
        "---\ntitle: Bad date\ndate: 2026-02-30\nteam: Fleet\nauthors: [ana]\n---\nBody\n",
        "content/stories/bad-date.md:3: date: '2026-02-30' is not a date "
        "(use YYYY-MM-DD, or YYYY-MM-DDTHH:MM+01:00 with a time)",
        "content/stories/bad-date.md:3: date: '2026-02-30' no es una fecha "
        "(usa AAAA-MM-DD, o AAAA-MM-DDTHH:MM+01:00 con hora)",
    ),
    (
        "stories/no-team.md",
        "---\ntitle: No team\ndate: 2026-01-01\nauthors: [ana]\n---\nBody\n",
        "content/stories/no-team.md:2: team: is required (add 'team: …')",
        "content/stories/no-team.md:2: team: es obligatorio (añade 'team: …')",
    ),
    (
        "stories/unknown-author.md",
        "---\ntitle: Who\ndate: 2026-01-01\nteam: Fleet\nauthors: [anna]\n---\nBody\n",
        "content/stories/unknown-author.md:5: authors: 'anna' is not in authors.yml "
        "(did you mean `ana`?)",
        "content/stories/unknown-author.md:5: authors: 'anna' no está en authors.yml "
        "(¿querías decir `ana`?)",
    ),
    (
        "stories/quoted-draft.md",
        '---\ntitle: Q\ndate: 2026-01-01\nteam: Fleet\nauthors: [ana]\ndraft: "yes"\n---\nB\n',
        "content/stories/quoted-draft.md:6: draft: expected true or false, got 'yes' "
        "(write true or false without quotes)",
        "content/stories/quoted-draft.md:6: draft: se esperaba true o false, no 'yes' "
        "(escribe true o false sin comillas)",
    ),
    (
        "stories/number-team.md",
        "---\ntitle: N\ndate: 2026-01-01\nteam: 10:30\nauthors: [ana]\n---\nB\n",
        "content/stories/number-team.md:4: team: expected text, got the number 630 "
        "(put the value in quotes: YAML reads some text, like 10:30, as numbers)",
        "content/stories/number-team.md:4: team: se esperaba texto, no el número 630 "
        "(pon el valor entre comillas: YAML lee algunos textos, como 10:30, como números)",
    ),
    (
        "stories/link.md",
        "---\ntitle: L\ndate: 2026-01-01\nteam: Fleet\nauthors: [ana]\n---\n"
        "See [the guide](../guidelines/missing.md).\n",
        "content/stories/link.md:7: links to content/guidelines/missing.md, which does not "
        "exist (check the file name and folder)",
        "content/stories/link.md:7: enlaza a content/guidelines/missing.md, que no existe "
        "(revisa el nombre del archivo y la carpeta)",
    ),
    (
        "campaigns/welcome/share-kit.zip",
        "not a kit",
        "content/campaigns/welcome/share-kit.zip: is where the hub writes the share kit of "
        "content/campaigns/welcome.md (rename the file or move it to another folder; the hub "
        "makes this file itself)",
        "content/campaigns/welcome/share-kit.zip: está donde el hub escribe el kit para "
        "compartir de content/campaigns/welcome.md (cambia el nombre del archivo o muévelo a "
        "otra carpeta; el hub crea este archivo por sí mismo)",
    ),
]


def spanish(hub: Hub) -> Hub:
    """The hub, written in Spanish: theme.language es, as Material reads it."""
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  name: material\n", "  name: material\n  language: es\n"))
    return hub


def problem_lines(hub: Hub) -> list[str]:
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 1, result.output
    return result.stderr.strip().splitlines()


@pytest.mark.parametrize(
    ("rel", "text", "english", "spanish_line"), BROKEN, ids=[b[0] for b in BROKEN]
)
def test_a_spanish_hub_reads_its_content_errors_in_spanish(
    site: Callable[[str], Hub], rel: str, text: str, english: str, spanish_line: str
) -> None:
    hub = spanish(site("basic"))
    hub.write(rel, text)
    assert problem_lines(hub) == [
        spanish_line,
        "Se ha encontrado 1 problema; corrígelo y vuelve a intentarlo.",
    ]


@pytest.mark.parametrize(
    ("rel", "text", "english", "spanish_line"), BROKEN, ids=[b[0] for b in BROKEN]
)
def test_an_english_hub_reads_the_same_errors_as_before(
    site: Callable[[str], Hub], rel: str, text: str, english: str, spanish_line: str
) -> None:
    hub = site("basic")
    hub.write(rel, text)
    assert problem_lines(hub) == [english, "1 problem found; fix it and run again."]


def test_every_problem_of_a_spanish_hub_is_counted_in_spanish(site: Callable[[str], Hub]) -> None:
    hub = spanish(site("basic"))
    for rel, text, _english, _spanish in BROKEN[:3]:
        hub.write(rel, text)
    lines = problem_lines(hub)
    assert lines[-1] == "Se han encontrado 3 problemas; corrígelos y vuelve a intentarlo."
    build = hub.run("build", "-d", str(hub.site), "--now", NOW)
    assert build.stderr.strip().splitlines()[-1] == (
        "Se han encontrado 3 problemas; no se ha generado nada."
    )


def test_a_spanish_hub_reads_its_settings_errors_in_spanish(site: Callable[[str], Hub]) -> None:
    hub = spanish(site("basic"))
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("Europe/Madrid", "Mars/Olympus"))
    assert problem_lines(hub)[0] == (
        "mkdocs.yml: brandhub.timezone: 'Mars/Olympus' no es una zona horaria "
        "(usa un nombre como Europe/Madrid o UTC)"
    )


def test_a_spanish_hub_without_the_plugin_is_told_so_in_spanish(
    site: Callable[[str], Hub],
) -> None:
    hub = spanish(site("basic"))
    config = hub.root / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text[: text.index("plugins:")])
    result = hub.run("check")
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("mkdocs.yml: añade 'brandhub' a la lista de plugins"), (
        result.stderr
    )


def test_a_spanish_check_summarises_the_hub_in_spanish(site: Callable[[str], Hub]) -> None:
    hub = spanish(site("basic"))
    result = hub.run("check", "--now", NOW)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        "Todo bien: 11 páginas (1 campaña, 1 guía, 1 portada, 1 mensaje clave, "
        "1 texto para compartir, 6 historias); 8 publicadas a fecha de 2026-11-23 12:00 +0100"
    )


def test_a_new_story_in_a_spanish_hub_has_spanish_placeholders(
    site: Callable[[str], Hub],
) -> None:
    hub = spanish(site("basic"))
    result = hub.run("new", "story", "Récord del turno de noche")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Se ha creado content/stories/record-del-turno-de-noche.md")
    text = (hub.content / "stories/record-del-turno-de-noche.md").read_text()
    assert "draft: true  # quita esta línea cuando el texto esté listo para publicarse" in text
    assert 'team: "Tu equipo"' in text
    assert "hashtags: [PequeñosLogros]" in text
    assert text.endswith("Nombra a las personas y da una cifra.\n")
    assert hub.run("check").exit_code == 0


def test_the_email_channel_is_named_in_the_hub_language() -> None:
    i18n.activate(i18n.language("es"))
    assert CHANNELS["email"].label == "Correo"
    assert CHANNELS["linkedin"].label == "LinkedIn"  # a network keeps its own name
    i18n.activate(i18n.language("en"))
    assert CHANNELS["email"].label == "Email"


# Messages whose Spanish is rightly the English: names and words the two languages share,
# and messages of placeholders and punctuation only.
SAME_IN_SPANISH = {
    "%(organisation)s: %(feed)s",
    "error: %(problem)s",
    "error: %(option)s: %(problem)s",  # the option is a name, the problem a translated text
}


def test_no_spanish_message_is_left_in_english() -> None:
    with (ROOT / "hub/locale/es/LC_MESSAGES/brandhub.po").open("rb") as handle:
        catalog = read_po(handle, locale="es")
    untranslated = []
    for message in catalog:
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        strings = (message.string,) if isinstance(message.string, str) else message.string
        if ids[0] in SAME_IN_SPANISH:
            continue
        if any(string in ids for string in strings):
            untranslated.append(ids[0])
    assert untranslated == []
