"""Which of the site's own files a refusal points at, when one can be named.

The optimiser merges the stylesheets into one file, so a rule is traced back by its
selector: a rule of docs/stylesheets/*.css whose selector names the warning's box, the
safety panel or the view's safety line is the likely cause. A script is named when the
problem appears only while scripts run (the same page passes with scripts off), and the
site's scripts (docs/javascripts/) that touch the same parts are listed.
"""

from __future__ import annotations

import re
from pathlib import Path

# The parts of a page a refusal can be about, as the stylesheets and scripts name them.
PARTS = ("safety-panel", "admonition", "danger", "warning", "admonition-title", "red-flags", "follow-along__safety",
         "before-you-start", "md-typeset", "article")
_SELECTOR = re.compile(r"([^{}]+)\{([^{}]*)\}")


def _files(project: Path, folder: str, suffix: str) -> list[Path]:
    return sorted((project / "docs" / folder).glob(f"*{suffix}")) if (project / "docs" / folder).is_dir() else []


def blame(project: Path, finding) -> str:
    problem = finding.problem
    visit = finding.moment.visit
    part = "follow-along__safety" if "follow-along" in finding.subject else None
    named = []
    for sheet in _files(project, "stylesheets", ".css"):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        for match in _SELECTOR.finditer(re.sub(r"/\*.*?\*/", "", text, flags=re.S)):
            selector, body = match.group(1).strip(), match.group(2)
            parts = (part,) if part else PARTS
            if any(re.search(rf"(?<![\w-]){re.escape(one)}(?![\w-])", selector) for one in parts) and _relevant(problem, body):
                line = text[: match.start()].count("\n") + 1 + (len(match.group(1)) - len(match.group(1).lstrip("\n")) if False else 0)
                named.append(f"docs/stylesheets/{sheet.name}:{line} ({' '.join(selector.split())[-60:]})")
    scripts: list[tuple[int, str]] = []
    if visit.scripts:
        # A script naming the warnings' parts first; one that scrolls or keeps state after.
        for script in _files(project, "javascripts", ".js"):
            text = script.read_text(encoding="utf-8", errors="replace")
            if any(one in text for one in ("safety-panel", "admonition", "follow-along__safety")):
                scripts.append((0, f"docs/javascripts/{script.name}"))
            elif any(one in text for one in ("scrollTo", "scrollIntoView", "localStorage")):
                scripts.append((1, f"docs/javascripts/{script.name}"))
    scripts = [name for _, name in sorted(scripts)]
    found = named[:2] + scripts[:2]
    return ("look at " + ", ".join(found)) if found else ""


# Which declarations can cause which problem.
_CAUSES = {
    "not readable": ("color", "background", "opacity", "fill"),
    "faded": ("opacity",),
    "filtered": ("filter",),
    "blended": ("mix-blend-mode",),
    "clipped": ("clip",),
    "masked": ("mask",),
    "invisible": ("visibility",),
    "px text": ("font", "transform", "zoom"),
    "not shown": ("display", "content-visibility"),
    "off the screen": ("transform", "translate", "margin", "left", "right", "text-indent", "position", "width"),
    "cut off": ("overflow", "height", "max-height", "transform", "text-indent"),
    "covered": ("position", "content", "inset", "background", "z-index", "top"),
    "words added": ("content",),
    "below the first step": ("order", "position", "float", "grid", "flex", "display"),
    "no size": ("height", "width", "font-size", "display"),
    "scrolled into view": ("position", "transform", "margin", "top"),
}


def _relevant(problem: str, body: str) -> bool:
    for key, properties in _CAUSES.items():
        if key in problem:
            return any(prop in body for prop in properties)
    return True
