"""Helpers shared by the build hooks. Not a hook: mkdocs.yml's `hooks:` list does not name it.

The hooks read the languages with the same code as the scripts (scripts/site_config.py), make
the steering group with the same pipeline (scripts/roster/) and fingerprint translations with the
same function (scripts/translation_status.py). MkDocs puts a hook's folder on sys.path only while it
loads that hook, so those modules are imported here, once, with scripts/ on the path; the hooks'
own `import roster.pipeline` and the like then find them loaded.
"""

from __future__ import annotations

import sys
from pathlib import Path

SCRIPTS_DIR = Path(__file__).resolve().parents[3] / "scripts"
sys.path.append(str(SCRIPTS_DIR))
try:
    import finishing  # noqa: F401
    import markdown_source  # noqa: F401
    import roster.pipeline  # noqa: F401
    import site_config  # noqa: F401
    import translation_status  # noqa: F401
finally:
    sys.path.remove(str(SCRIPTS_DIR))
