"""Put a Content Security Policy on every page.

GitHub Pages cannot send headers, so the policy goes in a <meta> tag right after <meta charset>.
Only the site's own origin is allowed. The theme's few inline scripts are allowed by their SHA-256
hash, computed from the finished page, so the policy is always exact.
"""

from __future__ import annotations

import base64
import hashlib
import re

from .site import FinishingError, Page

UPSTREAM = 'every page\'s <meta charset="utf-8"> (where the policy goes)'
CHARSET = '<meta charset="utf-8">'
EXISTING_POLICY = re.compile(r'\n?<meta http-equiv="Content-Security-Policy" content="[^"]*">')
# Inline <script> elements that run as JavaScript (JSON data blocks do not need a hash).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
DATA_TYPES = ("application/json", "application/ld+json")


def script_hashes(page_html: str) -> list[str]:
    hashes = []
    for match in INLINE_SCRIPT.finditer(page_html):
        if any(data_type in match["attrs"] for data_type in DATA_TYPES):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def policy(page_html: str) -> str:
    scripts = " ".join(["'self'", *script_hashes(page_html)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def add_policy(html: str, page: Page) -> str:
    """The page with its policy right after <meta charset> (replacing one a former run put there)."""
    if 'http-equiv="Content-Security-Policy"' in html:  # a former run's; the regex alone scans slowly
        html = EXISTING_POLICY.sub("", html)
    if CHARSET not in html:
        raise FinishingError(f"{page.relative}: no {CHARSET} to put the policy after")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(CHARSET, f"{CHARSET}\n{meta}", 1)
