"""`make audit`: the built site, served by nginx with gzip, checked page by page.

The audit imports the site's own package, `backguide`, like any library: the same CSP
judge, the same addresses and the same optimiser as the build.
"""

from backguide.site import ROOT

__all__ = ["ROOT"]
