"""HTML validity of every built page with the Nu Html Checker (vnu.jar), run once for the whole site."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from support.vnu import ALLOWED_FILE, allowed_patterns, reported_file, run_vnu


@pytest.mark.java
def test_every_page_is_valid_html(java_path: str, vnu_jar: Path, site_dir: Path) -> None:
    messages = run_vnu(java_path, vnu_jar, site_dir)
    patterns = allowed_patterns(ALLOWED_FILE)
    used: Counter[str] = Counter()
    errors, warnings = [], []
    for message in messages:
        line = f"{reported_file(message, site_dir)}:{message.get('lastLine', '?')}: {message['message']}"
        if message["type"] == "info":
            warnings.append(line)
            continue
        match = next((p for p in patterns if p.search(message["message"])), None)
        if match is None:
            errors.append(f"{line}\n    {message.get('extract', '').strip()[:160]!r}")
        else:
            used[match.pattern] += 1
    if warnings:
        print(
            f"vnu: {len(warnings)} warnings (allowed):\n"
            + "\n".join(sorted(set(w.split(": ", 1)[1] for w in warnings)))
        )
    print(f"vnu: allowed errors: {dict(used)}")
    assert not errors, f"vnu.jar: {len(errors)} HTML errors in the built site:\n" + "\n".join(errors)
    stale = [p.pattern for p in patterns if not used[p.pattern]]
    assert not stale, f"{ALLOWED_FILE.name}: exceptions that no longer match any error, remove them: {stale}"


# ---- The exceptions file itself: every exception must say why. --------------------------------------


def test_vnu_exceptions_need_a_justification(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("# Why: the theme does it.\n^Attribute x\n")
    assert [p.pattern for p in allowed_patterns(good)] == ["^Attribute x"]
    bad = tmp_path / "bad.txt"
    bad.write_text("# Why: the theme does it.\n^Attribute x\n^Attribute y\n")
    with pytest.raises(AssertionError, match="no comment"):
        allowed_patterns(bad)
