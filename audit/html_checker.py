"""Check every built HTML file with the Nu Html Checker (npm vnu-jar, on Java): 0 errors.

It checks the files, not the served pages: the checker refuses local addresses. That is
also why it adds CSP notes for "file:" pages; they are not errors and are not counted.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

VNU_JAR = Path(__file__).with_name("node_modules") / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material puts autocomplete="off" on its drawer and search checkboxes so that Firefox does
# not restore them ticked (the menu or search left open) when a reader comes back to a
# page. The HTML standard allows the attribute only on text-like inputs, so the checker
# reports it. The two inputs sit in Material's base.html outside any block, so an override
# would mean copying the whole base template; this one message, on checkboxes only, is let through.
MATERIAL_CHECKBOX_AUTOCOMPLETE = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”,"
    " “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."
)


def is_known_material_error(message: dict) -> bool:
    return message.get("message") == MATERIAL_CHECKBOX_AUTOCOMPLETE and 'type="checkbox"' in message.get("extract", "")


def errors_by_page(report: dict, site: Path) -> dict[str, list[str]]:
    """The checker's errors, by page path below the site root, without the one known Material error."""
    problems: dict[str, list[str]] = {}
    for message in report.get("messages", []):
        if message.get("type") not in {"error", "non-document-error"} or is_known_material_error(message):
            continue
        file = Path(unquote(urlsplit(message.get("url", "")).path))
        page = file.relative_to(site).as_posix() if file.is_relative_to(site) else str(file)
        line = f"line {message['lastLine']}: " if "lastLine" in message else ""
        problems.setdefault(page, []).append(f"{line}{message.get('message', '')}")
    return problems


def check_html(files: list[Path], site: Path) -> dict[str, list[str]]:
    """Run the checker once over all files (one Java start) and return its errors by page."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        raise RuntimeError(f"the HTML checker needs Java and {VNU_JAR} (make audit installs it with npm ci)")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    return errors_by_page(json.loads(result.stdout), site)
