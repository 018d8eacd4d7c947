"""What the browser reports against a page's Content-Security-Policy, collected for a test."""

from __future__ import annotations


def record_csp_violations(page) -> list[str]:
    """Policy violations the browser reports, on this page and every page it goes to next."""
    found: list[str] = []
    page.expose_function("reportCspViolation", lambda violation: found.append(violation))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', event =>"
        " reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}"
        " at ${event.sourceFile}:${event.lineNumber}`))"
    )
    return found
