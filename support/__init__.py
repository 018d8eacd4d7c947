"""What the tests, `make audit` and `make bench` share, and readers never get.

Imported from the project's root, as `python -m pytest`, `python -m audit` and
`python -m bench…` run: copies of the project to build, and a free port to serve one on.
The site itself is the `backguide` package's.
"""
