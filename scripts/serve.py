"""The preview (`make serve`): the site at http://127.0.0.1:8000/, rebuilt and reloaded on every save.

Before the generator starts, mkdocs.yml is read and the port tried, so that a mistake in the settings
or a port already in use is told in Danish with what to do, not as an English error or a traceback.
Then it runs `mkdocs serve` (or ProperDocs', site_config.GENERATOR) with live reload and --no-strict:
a mistake is shown in a box at the top of every page (overrides/hooks/preview.py) instead of stopping
the preview.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
from collections.abc import Sequence

from site_config import MKDOCS_YML, ROOT, SiteConfigError, generator_command, script_parser, site_languages

EXIT_BAD_INPUT = 2
DEFAULT_PORT = 8000
HOST = "127.0.0.1"


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError as error:
            return error.errno == errno.EADDRINUSE
    return False


def main(argv: Sequence[str] | None = None) -> int:
    parser = script_parser(
        "serve.py",
        __doc__,
        "exit codes:\n  2  mkdocs.yml cannot be read, or the port is in use (nothing started)\n"
        "otherwise it runs until stopped with Ctrl+C",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default: {DEFAULT_PORT}")
    arguments = parser.parse_args(argv)
    try:
        site_languages(MKDOCS_YML)
    except SiteConfigError as error:
        print(f"{error}\nForhåndsvisningen er ikke startet.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if port_in_use(arguments.port):
        print(
            f"Port {arguments.port} er optaget, så forhåndsvisningen kan ikke starte. Kører 'make serve' "
            "allerede i et andet vindue? Så brug det, eller stop det med Ctrl+C. Ellers vælg en anden "
            f"port: make serve PORT={arguments.port + 1} (og åbn http://{HOST}:{arguments.port + 1}/).",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    address = f"{HOST}:{arguments.port}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.setdefault("SITE_URL", f"http://{address}/")
    command = generator_command("serve", "--livereload", "--no-strict", "--dev-addr", address)
    os.chdir(ROOT)
    os.execve(command[0], command, env)


if __name__ == "__main__":
    sys.exit(main())
