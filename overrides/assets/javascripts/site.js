// Loads Material's script (and with it search) when the reader starts a search, not with every page.
// Everything else on the page works without JavaScript: links, the menu drawer (a checkbox), the
// language links. Kept small: this file is part of every first visit.
(() => {
  const loader = document.currentScript;
  const query = () => document.querySelector("[data-md-component=search-query]");
  let started = false;

  function startMaterial() {
    if (started) return;
    started = true;
    const script = document.createElement("script");
    script.src = loader.dataset.material;
    script.onload = () => {
      // Material starts on DOMContentLoaded, which has passed: announce it again for Material alone.
      document.dispatchEvent(new Event("DOMContentLoaded"));
      const input = query();
      if (input && document.activeElement === input) {
        // Let Material see the focus and the words typed while it loaded.
        input.blur();
        input.focus();
        input.dispatchEvent(new KeyboardEvent("keyup"));
      }
    };
    document.body.append(script);
  }

  function openSearch() {
    document.getElementById("__search").checked = true;
    query()?.focus();
    startMaterial();
  }

  // A page opened from a search result highlights the words found: Material does that.
  if (new URLSearchParams(location.search).has("h")) startMaterial();

  document.addEventListener("focusin", (event) => {
    if (event.target === query()) startMaterial();
  });
  document.addEventListener("change", (event) => {
    // The search button ticks Material's checkbox; once Material runs, it opens search itself.
    if (!started && event.target.id === "__search" && event.target.checked) openSearch();
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    // Menu and search buttons are labels: Space and Enter work on them as on any button.
    if (target instanceof HTMLLabelElement && target.tabIndex >= 0 && !event.repeat) {
      // Once Material runs, it clicks the focused label on Enter itself.
      if (event.key === " " || (event.key === "Enter" && !started)) {
        event.preventDefault();
        target.click();
      }
      return;
    }
    // Material's shortcuts for search, before Material is there to hear them.
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    if (!started && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (["/", "s", "f", "S", "F"].includes(event.key)) {
        event.preventDefault();
        openSearch();
      }
    }
  });
})();
