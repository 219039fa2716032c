"""Run one `mkdocs build` as a fresh process and measure it; summarise repeated measurements."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from site_config import generator_command

# Every proxy points at a closed port, so any download during a build fails it (as in the tests).
OFFLINE = {
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "NO_PROXY": "",
    "no_proxy": "",
}
# Settings of the caller's shell that would change what is built (one language only, another address).
IGNORED_ENV = ("BUILD_ONLY_LOCALE", "SITE_URL", "SITE_EDIT_URI")


class BuildFailed(RuntimeError):
    """A build exited with an error; the message holds the command and the end of its output."""


class MeasurementFailed(RuntimeError):
    """Something other than a build failed: the browser, Lighthouse, the preview server."""


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock, from starting the process to its exit
    peak_rss_mb: float  # the largest resident set of the process or any child it waited for


@dataclass(frozen=True)
class Summary:
    """Repeated measurements of one thing: median and spread of the times, the largest peak memory."""

    seconds: tuple[float, ...]
    peak_rss_mb: float

    @classmethod
    def of(cls, runs: Sequence[Run]) -> Summary:
        return cls(tuple(run.seconds for run in runs), max(run.peak_rss_mb for run in runs))

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def low(self) -> float:
        return min(self.seconds)

    @property
    def high(self) -> float:
        return max(self.seconds)

    def as_json(self) -> dict[str, object]:
        return {
            "runs": len(self.seconds),
            "seconds": [round(s, 3) for s in self.seconds],
            "median_s": round(self.median, 3),
            "min_s": round(self.low, 3),
            "max_s": round(self.high, 3),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
        }


def build_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of every benchmark build: offline, no MkDocs 2 banner, the site's own defaults."""
    env = {key: value for key, value in os.environ.items() if key not in IGNORED_ENV}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **OFFLINE, **(extra or {})}


def build_command(site_dir: Path, config_file: str | None = None) -> list[str]:
    """`python -m mkdocs build --strict` into site_dir, with another configuration file if given."""
    command = generator_command("build", "--strict", "--site-dir", str(site_dir))
    return [*command, "--config-file", config_file] if config_file else command


def run_measured(command: Sequence[str], cwd: Path, log: Path) -> Run:
    """Run command to its end, output to log; wall clock and peak RSS (Linux: wait4's ru_maxrss, in KB)."""
    with log.open("w", encoding="utf-8") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=build_env(), stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if process.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        raise BuildFailed(f"{' '.join(command)} (in {cwd}) exited with {process.returncode}:\n{tail}")
    return Run(seconds, usage.ru_maxrss / 1024)


def build(project: Path, site_dir: Path, config_file: str | None = None) -> Run:
    """One strict build of project into site_dir, measured; its output goes to <site_dir>.log."""
    return run_measured(build_command(site_dir, config_file), project, site_dir.with_suffix(".log"))
