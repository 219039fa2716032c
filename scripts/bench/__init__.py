"""The parts of `make bench` (scripts/benchmark.py), one job each.

- `builds`: run one `mkdocs build` as a fresh process, timed, with its peak memory; summarise repeated runs;
- `synthetic`: the synthetic pages and their `nav:` sections;
- `project`: throw-away copies of the project, with synthetic pages and the stock configuration;
- `scaling`: ours and stock built alternately at each size, and the figures derived from the times;
- `page_weight`: what a first visit to a page downloads in headless Chromium, by type;
- `static_weight`: what a page's HTML references by itself, from the files (the tests' weight budget);
- `lighthouse`: Lighthouse's scores, when the npm package is installed;
- `preview`: how long `mkdocs serve` takes to serve a saved change;
- `report`: the printed table;
- `budgets`: the first-load budgets, shared with the tests;
- `targets`: each performance target, the figure and whether it holds.
`stock-mkdocs.yml` is the stock configuration the site is compared with. The built sites are served as GitHub
Pages serves them by scripts/pages_server.py, the browser tests' stand-in too.
"""
