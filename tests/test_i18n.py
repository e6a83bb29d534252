"""The message catalogues: complete in every language, and spoken in the hub's locale."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po, write_po

from hub import i18n

ROOT = Path(__file__).resolve().parent.parent


def _catalogue_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogue", ROOT / "scripts" / "catalogue.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_catalogue_translates_every_message() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/catalogue.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "catalogues complete: en, es" in result.stdout


def test_the_check_names_a_message_a_catalogue_does_not_translate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _catalogue_script()
    shutil.copytree(ROOT / "hub" / "locale", tmp_path / "locale")
    monkeypatch.setattr(script, "LOCALE_DIR", tmp_path / "locale")
    po = tmp_path / "locale" / "es" / "LC_MESSAGES" / "brandhub.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    dropped = next(m for m in catalog if m.id and isinstance(m.id, str))
    dropped.string = ""
    with po.open("wb") as handle:
        write_po(handle, catalog)
    problems = script.check()
    assert [p for p in problems if "not translated" in p and repr(dropped.id) in p]


@pytest.mark.parametrize(
    ("code", "locale", "written"),
    [("es", "es_ES", "5 de mayo de 2026"), ("en", "en_US", "May 5, 2026")],
)
def test_dates_are_written_in_the_hub_locale(code: str, locale: str, written: str) -> None:
    spoken = i18n.language(code)
    assert spoken.locale == locale
    i18n.activate(spoken)
    try:
        assert i18n.format_date(date(2026, 5, 5)) == written
    finally:
        i18n.activate(i18n.language("en"))


def test_a_language_without_a_catalogue_reads_english_with_its_own_locale() -> None:
    spoken = i18n.language("pt-BR")
    assert (spoken.catalogue, spoken.locale) == ("en", "pt_BR")
    assert i18n.language("es-MX").catalogue == "es"
    assert i18n.language("en", "en_GB").locale == "en_GB"
