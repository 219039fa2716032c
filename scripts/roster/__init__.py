"""The steering-group roster: read and check data/steering-group.yml, then render pages and open data.

Modules, in the order the command uses them:
  problems  - the messages an editor sees (file:line:column: what is wrong and how to fix it)
  source    - reads the file into a YAML node tree, refusing YAML features an editor never needs
  syntax    - a YAML syntax error told at the line the editor has to change, with the fix
  schema    - checks the node tree field by field and turns it into a Roster
  render    - the generated page block, the JSON-LD and the open-data JSON and CSV
  outputs   - splices the block into the pages and writes every file atomically, or diffs for --check
"""
