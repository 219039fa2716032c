"""The steering-group roster: read and check data/steering-group.yml, then render the list and open data.

Modules, in the order the pipeline uses them:
  pipeline  - the one entry point: every script and hook reads the roster through it
  problems  - the messages an editor sees (file:line:column: what is wrong and how to fix it)
  source    - reads the file into a YAML node tree, refusing YAML features an editor never needs (a
              syntax error is told at its line by scripts/yaml_syntax.py)
  schema    - checks the node tree field by field and turns it into a Roster
  model     - the Roster, as everything after the schema sees it
  render    - the list for the page, the JSON-LD, and the open-data JSON and CSV
  page      - the marker line on the organisation page that the list replaces
"""
