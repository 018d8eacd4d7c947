"""What an author sees when the site cannot be published: one message, file by file, with no traceback.

Every check of the build (the safety gate, front matter, includes, drawings, links, published
addresses, CONTENT.md) adds `Problem`s to the build's list instead of stopping at the first.
At the end of the build's reading phase they are reported together:

- `mkdocs build` (and so `make build`) stops with one message, before any page is written;
- `mkdocs serve` keeps serving: a page with a problem shows it in place of its content, a
  problem of the whole site (CONTENT.md, mkdocs.yml) shows at the top of every page, and the
  terminal prints the message on every rebuild (MkDocs' log drops a message it has shown once,
  so it is printed, not logged).
"""

from __future__ import annotations

from html import escape

from backguide.rules import Problem

SERVE_NOTE = "(mkdocs serve keeps serving, and shows this on the page; mkdocs build and make build stop here.)"
# Rendered instead of a page that cannot be read as written (its front matter, a missing
# include): MkDocs would publish broken front matter as text, and snippets would stop the build.
PLACEHOLDER = "This page has a problem to fix; the build's message says which.\n"


def file_of(problem: Problem) -> str:
    """The file a problem is in, without its line: docs/rules.md:3 -> docs/rules.md."""
    path, _, line = problem.path.rpartition(":")
    return path if path and line.isdigit() else problem.path


def problem_from(text: str, where: str) -> Problem:
    """A Problem from a message that starts with its file (and line), 'docs/x.poses.yml:4: …'; else one of `where`."""
    path, separator, message = text.partition(": ")
    if separator and " " not in path and ("/" in path or path.endswith((".md", ".yml", ".txt"))):
        return Problem(path, message)
    return Problem(where, text)


def error_message(problems: list[Problem]) -> str:
    """The build's message: how many files, then one line per problem with the file, the rule and the fix."""
    files = len({file_of(problem) for problem in problems})
    lines = "\n".join(f"  {problem}" for problem in problems)
    return f"Cannot publish yet, {files} file{'' if files == 1 else 's'} to fix:\n{lines}"


def refusal_html(problems: list[Problem]) -> str:
    """The content `mkdocs serve` shows instead of a page that cannot be published: each problem and its fix."""
    items = "".join(f"<li><code>{escape(problem.path)}</code>: {escape(problem.message)}</li>" for problem in problems)
    return (
        '<h1 id="refused">This page cannot be published yet</h1>\n'
        '<div class="admonition danger build-problems">'
        '<p class="admonition-title">Fix this first</p>\n'
        f"<ul>{items}</ul>\n"
        "<p>Save the file and this preview reloads by itself.</p>\n"
        "</div>\n"
        "<p><code>mkdocs build</code> and <code>make build</code> refuse to publish the site until it is fixed.</p>"
    )


def site_banner_html(problems: list[Problem]) -> str:
    """Problems of the whole site, shown above a page's content under `mkdocs serve`."""
    items = "".join(f"<li><code>{escape(problem.path)}</code>: {escape(problem.message)}</li>" for problem in problems)
    return (
        '<div class="admonition danger build-problems">'
        '<p class="admonition-title">The site cannot be published yet</p>\n'
        f"<ul>{items}</ul></div>\n"
    )
