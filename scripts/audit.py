"""`make audit`: Lighthouse on the demo's home and a story page; scores go to docs/audit.md.

Lighthouse comes from npm (installed by the Makefile into .tools/) and drives Debian's
chromium through CHROME_PATH; the demo is served from 127.0.0.1 and nothing else is fetched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from demo import ROOT, served_demo

LIGHTHOUSE = ROOT / ".tools/node_modules/.bin/lighthouse"
PAGES = {
    "Home": "en/",
    "Story": "en/stories/2026-11-monterrey-driver-academy/",
    "Inicio (es)": "es/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def audit(url: str, chromium: str, out: Path) -> dict[str, int]:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--chrome-flags={FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={out}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": chromium},
        timeout=300,
    )
    report = json.loads(out.read_text())
    return {k: round(report["categories"][k]["score"] * 100) for k in CATEGORIES}


def main() -> None:
    chromium = os.environ.get("BRANDHUB_CHROMIUM") or shutil.which("chromium")
    if not chromium or not LIGHTHOUSE.exists():
        sys.exit("make audit installs what it needs: chromium (apt) and lighthouse (npm)")
    rows = []
    with served_demo() as base, tempfile.TemporaryDirectory() as folder:
        for name, path in PAGES.items():
            scores = audit(base + path, chromium, Path(folder) / "report.json")
            print(name, scores)
            rows.append(f"| {name} | " + " | ".join(str(scores[k]) for k in CATEGORIES) + " |")
    version = subprocess.run(
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True
    ).stdout.strip()
    (ROOT / "docs/audit.md").write_text(
        "# Lighthouse scores of the demo hub\n\n"
        f"Measured by `make audit` on {date.today().isoformat()} with Lighthouse {version} "
        "(mobile emulation, simulated slow 4G) and Debian's chromium, against the demo served\n"
        "from 127.0.0.1 with gzip and cache headers like GitHub Pages. Targets: 95 in each.\n\n"
        "| page | performance | accessibility | best practices | SEO |\n"
        "| --- | ---: | ---: | ---: | ---: |\n" + "\n".join(rows) + "\n"
    )
    print("wrote docs/audit.md")


if __name__ == "__main__":
    main()
