"""Check a built page's Content-Security-Policy tag: present, first, strict, and covering its own inline scripts."""

from __future__ import annotations

import re

from content_security_policy import SCRIPT, attributes, inline_scripts, script_hash

META = re.compile(r"<meta\b([^>]*)>", re.IGNORECASE)
# Sources that would let an injected or foreign script run.
UNSAFE_SCRIPT_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:", "blob:"}


def policy_tags(html: str) -> list[tuple[int, str]]:
    """(position, policy text) of every CSP meta tag in the page."""
    found = []
    for match in META.finditer(html):
        attrs = attributes(match.group(1))
        if attrs.get("http-equiv", "").lower() == "content-security-policy":
            found.append((match.start(), attrs.get("content", "")))
    return found


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        if name:
            parsed.setdefault(name.lower(), sources)  # the first of a repeated directive wins
    return parsed


def check_policy(html: str) -> list[str]:
    """Every way the page's policy falls short; [] for a page that is covered."""
    tags = policy_tags(html)
    if len(tags) != 1:
        return [f"has {len(tags)} Content-Security-Policy meta tags; it needs exactly one"]
    position, policy = tags[0]
    problems = []
    first_script = SCRIPT.search(html)
    if first_script and first_script.start() < position:
        problems.append("a script comes before the Content-Security-Policy tag, so the policy does not cover it")
    parsed = directives(policy)
    script_src = parsed.get("script-src", parsed.get("default-src"))
    if script_src is None:
        problems.append("the policy has no script-src (nor default-src), so any script runs")
        script_src = []
    if unsafe := sorted(UNSAFE_SCRIPT_SOURCES & {source.lower() for source in script_src}):
        problems.append(f"script-src allows {' '.join(unsafe)}")
    if parsed.get("object-src") != ["'none'"]:
        problems.append("object-src must be 'none'")
    if parsed.get("base-uri") not in (["'self'"], ["'none'"]):
        problems.append("base-uri must be 'self' or 'none'")
    for script in inline_scripts(html):
        if script_hash(script) not in script_src:
            problems.append(f"inline script not allowed by script-src: {' '.join(script.split())[:60]!r}")
    return problems
