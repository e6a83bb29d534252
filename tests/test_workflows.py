"""The GitHub workflows, checked without GitHub: linted, audited, schema-valid, and in step
with the README's commands. The broken fixture proves each checker can fail."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
BROKEN = ROOT / "tests/fixtures/workflows/broken.yml"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    assert found, f"{name} is not installed (make test installs it)"
    return found


CHECKERS = {
    "actionlint": lambda files: [tool("actionlint"), *files],
    "zizmor": lambda files: [tool("zizmor"), "--offline", "--no-progress", *files],
    "check-jsonschema": lambda files: [
        tool("check-jsonschema"),
        "--builtin-schema",
        "vendor.github-workflows",
        *files,
    ],
}


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("checker", list(CHECKERS))
def test_workflows_pass_every_checker(checker: str) -> None:
    result = run(CHECKERS[checker]([str(p) for p in WORKFLOWS]))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("checker", list(CHECKERS))
def test_each_checker_rejects_a_broken_workflow(checker: str) -> None:
    result = run(CHECKERS[checker]([str(BROKEN)]))
    assert result.returncode != 0, f"{checker} accepted the broken workflow"


def test_repository_files_for_github_are_valid() -> None:
    checks = {
        "vendor.dependabot": ROOT / ".github/dependabot.yml",
        "vendor.github-issue-forms": ROOT / ".github/ISSUE_TEMPLATE/small-win.yml",
    }
    for schema, path in checks.items():
        result = run([tool("check-jsonschema"), "--builtin-schema", schema, str(path)])
        assert result.returncode == 0, result.stdout + result.stderr


def make_targets(path: Path) -> set[str]:
    workflow = yaml.safe_load(path.read_text())
    commands = [
        step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", [])
    ]
    return {m for c in commands for m in re.findall(r"\bmake [a-z]+\b", c)}


def test_workflows_run_the_readme_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    publish = make_targets(ROOT / ".github/workflows/publish.yml")
    pr = make_targets(ROOT / ".github/workflows/pr.yml")
    assert "make site" in publish
    assert {"make check", "make site", "make test"} <= pr
    for command in publish | pr:
        assert command in readme, f"{command} is run by CI but not shown in the README"
    assert "make test" in (ROOT / ".ci/run").read_text()


def test_every_action_is_pinned_to_a_commit() -> None:
    for path in WORKFLOWS:
        for uses in re.findall(r"uses:\s*(\S+)", path.read_text()):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w.-]+)*@[0-9a-f]{40}", uses), (path.name, uses)
