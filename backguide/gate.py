"""What the safety gate does with a refused page: stop the build, or, under `mkdocs serve`, show why.

`mkdocs build` must never write a method page without its warnings, so it stops. A preview
that stopped would leave `mkdocs serve` hanging on every request until the page is fixed,
so there the refused page is replaced by an error page that says what to fix, the other
pages keep serving, and the message is printed again on every rebuild (MkDocs' log drops
a message it has already shown once).
"""

from __future__ import annotations

from html import escape

from backguide.rules import Problem

SERVE_NOTE = "(mkdocs serve keeps serving, and shows this on the page; mkdocs build and make build stop here.)"


def refusal_html(problems: list[Problem]) -> str:
    """The content `mkdocs serve` shows instead of a refused page: the file, each rule broken and its fix."""
    path = escape(problems[0].path)
    items = "".join(f"<li>{escape(problem.message)}</li>" for problem in problems)
    return (
        '<h1 id="refused">This page cannot be published yet</h1>\n'
        '<div class="admonition danger safety-gate-refusal">'
        '<p class="admonition-title">Refused by the safety gate</p>\n'
        f"<p><code>{path}</code>:</p>\n<ul>{items}</ul>\n"
        "<p>Fix the page and save it: this preview reloads by itself.</p>\n"
        "</div>\n"
        "<p><code>mkdocs build</code> and <code>make build</code> refuse to publish this page until it is fixed.</p>"
    )
