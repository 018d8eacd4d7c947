"""The guide "How to crack your own back" as a site: its pages, rules and features.

MkDocs renders the Markdown; the thin files in hooks/ hand its events to this package.
Tests, `make audit`, `make bench` and the `check-site` command import it like any other.
"""
