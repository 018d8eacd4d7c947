"""Installable, and the whole guide offline after one visit.

- `app`: the web app manifest and its icons, drawn at build time from the site's own logo
  (the favicon of mkdocs.yml), so a reader can put the guide on a home screen.
- `precache`: after the optimiser has written the site as it ships, the list of its files
  with their content hashes, and the service worker (`worker.js`, served as /sw.js) that
  keeps one version of them in the browser; `check` fails the build when a shipped file is
  missing from the list or differs from it.
- The worker is registered by docs/javascripts/share.js, the script every page loads,
  after the page has loaded (README, "Offline").
"""
