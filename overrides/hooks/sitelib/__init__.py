"""Helpers shared by the build hooks. Not a hook: mkdocs.yml's `hooks:` list does not name it.

The hooks read the languages with the same code as the scripts (scripts/site_config.py), make the
steering group with the same pipeline (scripts/roster/), read a page's Markdown with the same reader
(scripts/markdown_source.py) and fingerprint translations with the same function
(scripts/translation_status.py).

This is the one place that puts scripts/ on the import path, because MkDocs leaves no other: it
loads each hook from its file with only the hook's own folder on sys.path, for that moment, and has
no setting for another folder. So those modules are imported here, once, with scripts/ on the path
while they load; the hooks' own `import roster.pipeline` and the like then find them loaded. The
scripts need no such step (Python puts a script's folder on the path), nor do the tests (pytest's
`pythonpath` in pyproject.toml).
"""

from __future__ import annotations

import sys
from pathlib import Path

SCRIPTS_DIR = str(Path(__file__).resolve().parents[3] / "scripts")
_added = SCRIPTS_DIR not in sys.path  # under pytest it is there already
if _added:
    sys.path.append(SCRIPTS_DIR)
try:
    import finishing  # noqa: F401
    import markdown_source  # noqa: F401
    import roster.pipeline  # noqa: F401
    import site_config  # noqa: F401
    import translation_status  # noqa: F401
finally:
    if _added:
        sys.path.remove(SCRIPTS_DIR)
