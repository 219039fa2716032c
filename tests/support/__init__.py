"""Everything the tests share (no tests here): the site and its languages, HTML, links, the roster,
and the browser (the GitHub Pages stand-in and the Chromium settings are in scripts/).

The tests import the project's own code from scripts/ (site_config, roster, bench) by bare name, as
the scripts import each other: pytest puts scripts/ on the import path (`pythonpath` in
pyproject.toml).
"""
