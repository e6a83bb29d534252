"""Keep the message catalogues in step with the code (``make catalogue``).

    python scripts/catalogue.py            extract the messages and update every catalogue
    python scripts/catalogue.py --check    fail, listing them, when a catalogue misses a message
    python scripts/catalogue.py --new fr   start a catalogue for another language

Messages are what ``_()`` and ``n_()`` are given in ``hub/**.py`` and what ``{{ _() }}`` and
``{% trans %}`` hold in ``hub/templates/``. English is the language the code is written in: its
catalogue takes every new message as it is, to be reworded there if need be. Every other
language must translate each one, keeping its ``%(name)s`` placeholders.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "hub" / "locale"
DOMAIN = "brandhub"
SOURCE = "en"
METHODS = [("hub/**.py", "python"), ("hub/templates/**.html", "jinja2")]
OPTIONS = {
    "hub/templates/**.html": {
        "extensions": "jinja2.ext.i18n",
        "trim_blocks": "true",
        "lstrip_blocks": "true",
    }
}
KEYWORDS = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "n_": (1, 2),
    "plural_forms": (1, 2),
}


def _path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def extract() -> Catalog:
    """Every message the code and templates hold, with where each stands."""
    template = Catalog(domain=DOMAIN, project="Brandhub", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), METHODS, OPTIONS, KEYWORDS, ("Translators:",), strip_comment_tags=True
    ):
        template.add(
            message,
            None,
            [(filename, lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def _read(language: str) -> Catalog:
    with _path(language).open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def _write(catalog: Catalog, language: str) -> None:
    path = _path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        # Sorted, without line numbers: an edit elsewhere in a file does not touch the catalogue.
        write_po(
            handle, catalog, width=100, sort_output=True, ignore_obsolete=True, include_lineno=False
        )


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE_DIR.iterdir() if _path(p.name).is_file())


def update() -> None:
    for language in languages():
        catalog = _read(language)
        # A template of its own: Catalog.update shares new messages with the template.
        catalog.update(extract(), no_fuzzy_matching=True, update_creation_date=False)
        if language == SOURCE:  # the code's own words, until someone rewords them here
            for message in catalog:
                if message.id and not _translated(message.string):
                    message.string = message.id
        _write(catalog, language)
        print(f"{_shown(_path(language))}: {len(catalog)} messages")


def _translated(string: str | tuple[str, ...] | None) -> bool:
    if isinstance(string, tuple):
        return all(string)
    return bool(string)


def check() -> list[str]:
    """What is wrong with the catalogues, one line each; nothing when they are complete."""
    template = extract()
    wanted = {(m.id if isinstance(m.id, str) else m.id[0]): m for m in template if m.id}
    problems: list[str] = []
    for language in languages():
        catalog = _read(language)
        where = _shown(_path(language))
        have = {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}
        for key, message in sorted(wanted.items()):
            found = have.get(key)
            origin = ", ".join(f"{f}:{n}" for f, n in message.locations[:1])
            if found is None:
                problems.append(f"{where}: missing {key!r} (from {origin})")
            elif found.fuzzy or not _translated(found.string):
                problems.append(f"{where}: not translated {key!r} (from {origin})")
        for key in sorted(set(have) - set(wanted)):
            problems.append(f"{where}: {key!r} is no longer in the code (run make catalogue)")
        for message, errors in catalog.check():
            for error in errors:
                problems.append(f"{where}:{message.lineno}: {message.id!r}: {error}")
    return problems


def new(language: str) -> None:
    if _path(language).exists():
        sys.exit(f"{_shown(_path(language))} exists already")
    Locale.parse(language)  # refuses a code Babel does not know
    catalog = Catalog(
        locale=language,
        domain=DOMAIN,
        project="Brandhub",
        copyright_holder="Brandhub contributors",
        header_comment=f"# Brandhub's messages in {Locale.parse(language).english_name}.\n",
        fuzzy=False,
    )
    catalog.update(extract(), no_fuzzy_matching=True)
    _write(catalog, language)
    print(f"wrote {_shown(_path(language))}: translate every msgstr, then make test")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a message is missing")
    parser.add_argument("--new", metavar="LANG", help="start a catalogue for LANG")
    args = parser.parse_args()
    if args.new:
        new(args.new)
    elif args.check:
        problems = check()
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            sys.exit(f"{len(problems)} catalogue problems: translate them, or run make catalogue")
        print(f"catalogues complete: {', '.join(languages())}")
    else:
        update()


if __name__ == "__main__":
    main()
