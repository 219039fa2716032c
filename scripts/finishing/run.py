"""Running the finishing steps on a folder, in the order of steps.STEPS.

The page steps that follow each other in the list run in one pass over the pages, so that each page is
read and written once for them, in the same order as the list.
"""

from __future__ import annotations

from collections.abc import Sequence

from .site import FinishingError, Site
from .steps import STEPS, SWITCHES, PageStep, Step


def enabled(step: Step, site: Site) -> bool:
    return not step.optional or bool(site.settings.switches.get(step.name, True))


def check_switches(site: Site) -> None:
    unknown = sorted(set(site.settings.switches) - set(SWITCHES))
    if unknown:
        raise FinishingError(
            f"mkdocs.yml, extra: finishing: {', '.join(unknown)} is no finishing step that can be switched "
            f"off. The switches: {', '.join(SWITCHES)}."
        )


def failure(step: Step, error: FinishingError) -> FinishingError:
    """The step's error, naming the step, its upstream text and what a maintainer can do."""
    remedy = (
        f"switch it off with `{step.name}: false` under `extra: finishing:` in mkdocs.yml (the site stays "
        "complete, only heavier), or update"
        if step.optional
        else "it cannot be switched off: update"
    )
    return FinishingError(
        f"Finishing step '{step.name}' ({step.does}) stopped: {error}. It is written against "
        f"{step.upstream}. To go on, {remedy} scripts/finishing/{step.module}.py for the new upstream "
        "(README, 'On upgrade')."
    )


def run_page_steps(site: Site, steps: Sequence[tuple[Step, PageStep]]) -> None:
    for page in site.pages():
        original = page.path.read_text(encoding="utf-8")
        html = original
        for step, function in steps:
            try:
                html = function(html, page)
            except FinishingError as error:
                raise failure(step, error) from None
        if html != original:
            page.path.write_text(html, encoding="utf-8")


def finish(site: Site) -> list[str]:
    """Run every step that is on, and the stand-in of each that is off; what ran, in order."""
    check_switches(site)
    ran: list[str] = []
    pages: list[tuple[Step, PageStep]] = []  # page steps waiting for their pass over the pages

    def pass_over_pages() -> None:
        if pages:
            run_page_steps(site, pages)
            ran.extend(f"{step.name}: {step.does}" for step, _ in pages)
            pages.clear()

    for step in STEPS:
        on = enabled(step, site)
        if step.page is not None:
            if on:
                pages.append((step, step.page))
            continue
        pass_over_pages()
        action = step.site if on else step.off
        if action is not None:
            try:
                action(site)
            except FinishingError as error:
                raise failure(step, error) from None
            ran.append(f"{step.name}: {step.does}" if on else f"{step.name}: off")
    pass_over_pages()
    return ran
