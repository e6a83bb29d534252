"""A company adopts Brandhub: the package as pip installs it, `brandhub init`, and the hub it
writes (built, checked, its workflows audited), in English and in Spanish."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from hub import __version__
from hub.cli import cli
from hub.newhub import DEMO, SHARED, STARTER, render
from tests.conftest import ROOT
from tests.test_workflows import CHECKERS, tool

CLEAN_ENV = {"LANG": "C.UTF-8", "LC_ALL": "", "LANGUAGE": "", "LC_MESSAGES": ""}


def brandhub(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env={**CLEAN_ENV, **(env or {})}, input=input)


def init(folder: Path, *args: str, **kwargs: object) -> Result:
    result = brandhub("init", str(folder), *args, **kwargs)  # type: ignore[arg-type]
    return result


def in_hub(folder: Path, *args: str) -> Result:
    command, *rest = args
    return brandhub(command, "-f", str(folder / "mkdocs.yml"), *rest)


# The package: built the way pip builds it, from the files git would publish.


def _sources(target: Path) -> Path:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        source = ROOT / rel
        if source.is_file() and not rel.startswith(("tests/", "bench/", "docs/screenshots/")):
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    return target


def _wheel(source: Path, out: Path) -> None:
    """Build a wheel of ``source`` (a folder or an sdist) into ``out``, offline."""
    offline = ["--no-deps", "--no-build-isolation", "--no-index", "-w", str(out), "--quiet"]
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), *offline],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel and an sdist of this checkout, built with the venv's setuptools (no network)."""
    base = tmp_path_factory.mktemp("package")
    source = _sources(base / "source")
    out = base / "dist"
    _wheel(source, out)
    # The PEP 517 hook pip calls for an sdist (`python -m build --sdist` calls the same).
    sdist = subprocess.run(
        [
            sys.executable,
            "-c",
            f"from setuptools import build_meta; build_meta.build_sdist({str(out)!r})",
        ],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert sdist.returncode == 0, sdist.stdout + sdist.stderr
    return out


def _starter_files() -> set[str]:
    return {
        str(p.relative_to(ROOT))
        for p in STARTER.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_the_wheel_holds_everything_a_command_reads(dist: Path) -> None:
    (wheel,) = dist.glob("brandhub-*.whl")
    assert wheel.name.startswith(f"brandhub-{__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "hub/templates/fragments/home.html",
        "hub/templates/theme/search.html",
        "hub/theme/partials/source.html",
        "hub/static/brandhub.js",
        "hub/schemas/snippets.schema.json",
        "hub/locale/en/LC_MESSAGES/brandhub.mo",
        "hub/locale/es/LC_MESSAGES/brandhub.mo",
        "hub/locale/es/LC_MESSAGES/brandhub.po",
        "hub/fonts/NotoSans-Regular.ttf",
        "hub/fonts/NotoSans-Bold.ttf",
        "hub/fonts/OFL.txt",
        "hub/py.typed",
    ):
        assert needed in names, needed
    missing = _starter_files() - names
    assert not missing, f"the starter's files are not all in the wheel: {sorted(missing)}"


def test_the_sdist_holds_the_sources_of_everything(dist: Path) -> None:
    (sdist,) = dist.glob("brandhub-*.tar.gz")
    assert sdist.name == f"brandhub-{__version__}.tar.gz"
    with tarfile.open(sdist) as archive:
        prefix = f"brandhub-{__version__}/"
        names = {n.removeprefix(prefix) for n in archive.getnames()}
    for needed in (
        "setup.py",
        "pyproject.toml",
        "hub/locale/es/LC_MESSAGES/brandhub.po",
        "hub/fonts/NotoSans-Regular.ttf",
        "hub/theme/partials/source.html",
        "hub/templates/fragments/home.html",
    ):
        assert needed in names, needed
    missing = _starter_files() - names
    assert not missing, f"the starter's files are not all in the sdist: {sorted(missing)}"
    # What pip installs from the sdist has the compiled catalogues too (setup.py makes them).
    out = dist.parent / "from-sdist"
    _wheel(sdist, out)
    (wheel,) = out.glob("brandhub-*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    assert {"hub/locale/es/LC_MESSAGES/brandhub.mo", "hub/fonts/OFL.txt"} <= inside
    assert not _starter_files() - inside


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed (pip, no index). Brandhub's
    dependencies are not downloaded again: a .pth file lets the new environment import them
    from the development one (.venv), whose site-packages directory it appends as a plain
    path, so .venv's editable install of this checkout (a .pth hook) is not read."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    (wheel,) = dist.glob("brandhub-*.whl")
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(site) / "brandhub-tests-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


def run_installed(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "PYTHONPATH")}
    return subprocess.run(
        [str(venv / "bin" / "brandhub"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**env, **CLEAN_ENV},
    )


def test_the_installed_wheel_starts_a_hub_that_builds(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import hub; print(hub.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(installed)), f"the test imports this checkout: {where}"
    version = run_installed(installed, tmp_path, "--version")
    assert version.stdout.strip() == f"brandhub, version {__version__}"

    made = run_installed(installed, tmp_path, "init", "hub", "--yes", "--primary-colour", "#336699")
    assert made.returncode == 0, made.stderr
    assert "Wrote a new hub into hub" in made.stdout
    hub = tmp_path / "hub"
    assert (hub / "requirements.txt").read_text().splitlines()[-1] == f"brandhub=={__version__}"
    built = run_installed(installed, hub, "build")
    assert built.returncode == 0, built.stderr
    assert built.stderr.startswith("Checked: 6 pages"), built.stderr
    home = (hub / "site" / "index.html").read_text(encoding="utf-8")
    assert "Welcome to Example Company" in home
    assert 'lang="en"' in home
    story = (hub / "site" / "stories" / "our-hub-is-live" / "index.html").read_text()
    assert "Our hub is live" in story and "#ExampleCompanyTeam" in story
    assert "--md-primary-fg-color: #336699;" in (hub / "site/assets/brand/brand.css").read_text()
    assert 'card_background: "#336699"' in (hub / "mkdocs.yml").read_text()
    # The override from the package: no widget that asks GitHub's API from readers' browsers,
    # although the hub names its repository.
    assert "repo_url: https://github.com/example-company/hub" in (hub / "mkdocs.yml").read_text()
    assert "md-source" not in home
    journey = (hub / "site" / "campaigns" / "welcome" / "index.html").read_text()
    for step in ("../../guidelines/voice-and-tone/", "../../stories/our-hub-is-live/"):
        assert f'href="{step}' in journey, step


# `brandhub init`, in process.


def test_init_in_spanish_writes_a_spanish_hub(tmp_path: Path) -> None:
    folder = tmp_path / "hub"
    result = init(folder, "--yes", "--language", "es", "--timezone", "Europe/Madrid")
    assert result.exit_code == 0, result.output
    assert "Nuevo hub escrito en" in result.stdout
    assert "language: es" in (folder / "mkdocs.yml").read_text()
    assert 'site_name: "Hub de Empresa Ejemplo"' in (folder / "mkdocs.yml").read_text()
    assert "Hola" in (folder / "content/index.md").read_text()
    form = yaml.safe_load((folder / ".github/ISSUE_TEMPLATE/small-win.yml").read_text())
    assert form["name"] == "Comparte un pequeño logro"
    built = in_hub(folder, "build")
    assert built.exit_code == 0, built.output
    home = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert 'lang="es"' in home and "Te damos la bienvenida a Empresa Ejemplo" in home
    story = (folder / "site/stories/our-hub-is-live/index.html").read_text(encoding="utf-8")
    assert "Ya tenemos hub" in story and "Compartir en X" in story


def test_init_asks_each_setting_and_asks_again_when_an_answer_is_wrong(tmp_path: Path) -> None:
    # The terminal's language asks first, and is the default language of the hub.
    answers = ["", "Logística Norte", "", "https://norte.example.org/hub", "Marte/Base"]
    answers += ["America/Mexico_City", "#123", "#0a7e8c", ""]
    spanish = {"LANG": "es_ES.UTF-8"}
    result = init(tmp_path / "hub", input="\n".join(answers) + "\n", env=spanish)
    assert result.exit_code == 0, result.output
    assert "Idioma del hub (en, es) [es]" in result.output
    assert "Nombre del hub [Hub de Logística Norte]" in result.output
    assert "'Marte/Base' no es una zona horaria" in result.output
    assert "'#123' no es un color" in result.output
    config = (tmp_path / "hub" / "mkdocs.yml").read_text()
    for line in (
        'site_name: "Hub de Logística Norte"',
        'site_url: "https://norte.example.org/hub/"',
        "timezone: America/Mexico_City",
        'card_background: "#0A7E8C"',
        'organisation: "Logística Norte"',
    ):
        assert line in config
    assert "repo_url" not in config  # not a github.io address, and no --repo


def test_a_wrong_option_is_a_clear_error(tmp_path: Path) -> None:
    result = init(tmp_path / "hub", "--yes", "--timezone", "Mars/Base")
    assert result.exit_code == 1
    assert "error: --timezone: 'Mars/Base' is not a time zone" in result.stderr
    assert not (tmp_path / "hub").exists()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    folder = tmp_path / "hub"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    refused = init(folder, "--yes")
    assert refused.exit_code == 1
    assert "is not empty (notes.txt)" in refused.stderr and "--force" in refused.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    forced = init(folder, "--yes", "--force")
    assert forced.exit_code == 0, forced.output
    assert (folder / "notes.txt").read_text() == "mine"
    assert (folder / "mkdocs.yml").is_file()
    # A new repository's clone holds only .git: that is empty enough.
    clone = tmp_path / "clone"
    (clone / ".git").mkdir(parents=True)
    assert init(clone, "--yes").exit_code == 0


@pytest.mark.parametrize("language", ["en", "es"])
def test_new_keeps_an_initialised_hub_green(tmp_path: Path, language: str) -> None:
    folder = tmp_path / "hub"
    assert init(folder, "--yes", "--language", language).exit_code == 0
    for args in (
        ("guideline", "Our logo"),
        ("page", "About this hub"),
        ("campaign", "Welcome, engineers", "--campaign-kind", "welcome"),
        ("story", "A first small win"),
    ):
        written = in_hub(folder, "new", *args)
        assert written.exit_code == 0, written.output
    assert (folder / "content/guidelines/our-logo.md").is_file()
    assert (folder / "content/about-this-hub.md").is_file()
    welcome = (folder / "content/campaigns/welcome-engineers.md").read_text()
    assert "    link: index.md" in welcome
    checked = in_hub(folder, "check")
    assert checked.exit_code == 0, checked.output
    built = in_hub(folder, "build")
    assert built.exit_code == 0, built.output


# The hub's .github/: the same checks as this repository's own.


@pytest.fixture(scope="module", params=["en", "es"])
def github(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp(f"hub-{request.param}") / "hub"
    assert init(folder, "--yes", "--language", request.param).exit_code == 0
    return folder / ".github"


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.mark.parametrize("checker", list(CHECKERS))
def test_the_hubs_workflows_pass_every_checker(github: Path, checker: str) -> None:
    workflows = sorted(str(p) for p in (github / "workflows").glob("*.yml"))
    assert len(workflows) == 4  # pr, publish, intake, digest
    result = _run(CHECKERS[checker](workflows), github.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_passes_the_hubs_whole_github_folder(github: Path) -> None:
    command = [tool("zizmor"), "--offline", "--no-progress", "--persona", "auditor", str(github)]
    result = _run(command, github.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "dependabot.yml" in result.stdout + result.stderr


def test_the_hubs_github_files_are_valid(github: Path) -> None:
    forms = sorted(p for p in (github / "ISSUE_TEMPLATE").glob("*.yml") if p.stem != "config")
    for schema, paths in {
        "vendor.dependabot": [github / "dependabot.yml"],
        "vendor.github-issue-forms": forms,
        "vendor.github-issue-config": [github / "ISSUE_TEMPLATE/config.yml"],
    }.items():
        assert paths
        command = [tool("check-jsonschema"), "--builtin-schema", schema, *map(str, paths)]
        result = _run(command, github.parent)
        assert result.returncode == 0, result.stdout + result.stderr
    assert (github / "CODEOWNERS").is_file() and (github / "pull_request_template.md").is_file()


def test_the_hubs_workflows_install_the_pinned_release(github: Path) -> None:
    for path in sorted((github / "workflows").glob("*.yml")):
        text = path.read_text()
        workflow = yaml.safe_load(text)
        assert "make " not in text and "hub/**" not in text and ".venv" not in text, path.name
        assert "pip install --quiet -r requirements.txt" in text, path.name
        for name, job in workflow["jobs"].items():
            assert 1 <= job.get("timeout-minutes", 0) <= 60, f"{path.name}: {name}"
    publish = yaml.safe_load((github / "workflows/publish.yml").read_text())
    assert "requirements.txt" in publish[True]["push"]["paths"]  # `on:` reads as True
    updates = yaml.safe_load((github / "dependabot.yml").read_text())["updates"]
    assert {u["package-ecosystem"] for u in updates} == {"pip", "github-actions"}
    assert all(u["cooldown"]["default-days"] >= 7 for u in updates)


# No drift: what this repository shares with the template is the template's.


def test_this_repositorys_shared_files_are_the_templates() -> None:
    files = render(DEMO, today=date(2026, 1, 1))
    for rel in SHARED:
        assert (ROOT / rel).is_file() and (ROOT / rel).read_bytes() == files[rel], (
            f"{rel} is not what hub/starter/ writes for the demo: edit the template, then run "
            "scripts/starter_sync.py"
        )


def test_the_starters_settings_are_the_demos() -> None:
    def settings(text: str) -> dict[str, object]:
        config = yaml.safe_load(text)
        return {k: config[k] for k in ("markdown_extensions", "use_directory_urls", "strict")} | {
            "features": config["theme"]["features"],
            "font": config["theme"]["font"],
        }

    ours = render(DEMO, today=date(2026, 1, 1))["mkdocs.yml"].decode()
    assert settings(ours) == settings((ROOT / "mkdocs.yml").read_text())


def test_init_leaves_the_process_speaking_as_before(tmp_path: Path) -> None:
    from hub import i18n

    before = i18n.active()
    assert init(tmp_path / "hub", "--yes", "--language", "es").exit_code == 0
    assert i18n.active() == before


def test_buttons_on_a_light_brand_colour_get_dark_text(tmp_path: Path) -> None:
    from hub.cli import cli

    light = CliRunner().invoke(
        cli, ["init", str(tmp_path / "light"), "--yes", "--accent-colour", "#F2B705"]
    )
    assert light.exit_code == 0, light.output
    css = (tmp_path / "light/theme/assets/brand/brand.css").read_text(encoding="utf-8")
    assert "--md-accent-bg-color: #000000;" in css  # black on yellow, not white (1.9:1)
    dark = CliRunner().invoke(
        cli, ["init", str(tmp_path / "dark"), "--yes", "--accent-colour", "#5B2A86"]
    )
    assert dark.exit_code == 0, dark.output
    css = (tmp_path / "dark/theme/assets/brand/brand.css").read_text(encoding="utf-8")
    assert "--md-accent-bg-color: #ffffff;" in css
    assert "--md-primary-bg-color: #ffffff;" in css
