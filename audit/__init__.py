"""`make audit`: the built site, served by nginx with gzip, checked page by page.

The audit judges pages with the same functions as the build and the tests, imported from
the backguide package.
"""

from backguide.site import ROOT  # noqa: F401  (the project root, for the audit's modules)
