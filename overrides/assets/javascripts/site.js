// Makes the menu drawer and the search work by keyboard (README, "Keyboard"), and loads Material's script
// (and with it search) when the reader starts a search, not with every page.
// Everything else on the page works without JavaScript: links, the menu drawer (a checkbox), the
// language links. Kept small: this file is part of every first visit.
(() => {
  const loader = document.currentScript;
  const byId = (id) => document.getElementById(id);
  const query = () => document.querySelector("[data-md-component=search-query]");
  const headerButton = (toggle) => document.querySelector(`label.md-header__button[for=${toggle}]`);
  const drawerPanel = () => document.querySelector(".md-sidebar--primary");
  const tocPanel = () => byId("__toc")?.parentElement.querySelector(":scope > .md-nav");
  // Below Material's breakpoint the navigation is a drawer over the page.
  const drawerScreen = matchMedia("(max-width: 76.234375em)");
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible";
  // Material's script, when the finishing step search_on_demand has named it here instead of loading it
  // with the page (scripts/finishing/search_on_demand.py); switched off, it is already running.
  let started = !loader.dataset.material;

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
    byId("__search").checked = true;
    query()?.focus();
    startMaterial();
  }

  // A toggle (checkbox) is changed by a click, as Material does it: its "change" event follows.
  function untick(id) {
    if (byId(id)?.checked) byId(id).click();
  }

  // An open menu (and its table of contents) is a dialog: everything outside it is inert, out of reach
  // of Tab, clicks and screen readers, until it closes. The overlay stays clickable: it closes the menu.
  function isolate(element) {
    const made = [];
    for (let node = element; node !== document.body; node = node.parentElement) {
      for (const other of node.parentElement.children) {
        if (other !== node && !other.inert && !other.matches(".md-overlay, input, script")) {
          other.inert = true;
          made.push(other);
        }
      }
    }
    return () => made.forEach((other) => (other.inert = false));
  }

  function focusFirst(element) {
    const candidates = element.querySelectorAll("a[href], input, button, [tabindex]:not([tabindex='-1'])");
    [...candidates].find(shown)?.focus();
  }

  let releaseDrawer = null;
  let releaseToc = null;
  let followingLink = false;

  function drawerChanged(open, returnFocus = true) {
    if (open && drawerScreen.matches && !releaseDrawer) {
      releaseDrawer = isolate(drawerPanel());
      focusFirst(drawerPanel());
    } else if (!open && releaseDrawer) {
      untick("__toc");
      releaseDrawer();
      releaseDrawer = null;
      if (returnFocus && drawerPanel().contains(document.activeElement)) headerButton("__drawer").focus();
    }
  }

  function tocChanged(open) {
    const toggle = document.querySelector(".md-nav--primary label.md-nav__link[for=__toc]");
    if (open && releaseDrawer && !releaseToc) {
      releaseToc = isolate(tocPanel());
      focusFirst(tocPanel());
    } else if (!open && releaseToc) {
      releaseToc();
      releaseToc = null;
      if (releaseDrawer && toggle && shown(toggle)) toggle.focus();
    }
  }

  // The drawer's table of contents opens and closes with labels, like the menu: put them in Tab's reach.
  for (const label of document.querySelectorAll(".md-nav--primary label[for=__toc]")) label.tabIndex = 0;

  // Material renders search results out of Tab's reach (arrow keys only): put them in it.
  const results = document.querySelector(".md-search-result__list");
  if (results) {
    new MutationObserver(() => {
      for (const el of results.querySelectorAll("[tabindex='-1']")) el.removeAttribute("tabindex");
    }).observe(results, {childList: true, subtree: true});
  }

  function closeSearch() {
    untick("__search");
    // Back to the search button where there is one (phones); elsewhere focus leaves the search field.
    const button = headerButton("__search");
    if (button && shown(button)) button.focus();
    else if (document.activeElement?.closest(".md-search")) document.activeElement.blur();
  }

  // The search closes when the focus moves on to the page (Tab past the last result, Shift+Tab past the
  // search field), so that nothing the search covers is ever focused.
  document.addEventListener("focusout", (event) => {
    const search = document.querySelector(".md-search");
    const to = event.relatedTarget;
    if (byId("__search").checked && search.contains(event.target) && to && !search.contains(to)) {
      untick("__search");
      to.scrollIntoView({block: "nearest"});  // the open search kept the page from scrolling to it
    }
  });

  // A link in the drawer to a part of this page (the table of contents) shows it: the drawer closes,
  // and the focus stays where the link led.
  addEventListener("hashchange", () => {
    followingLink = true;
    untick("__drawer");
    followingLink = false;
  });
  drawerScreen.addEventListener("change", () => drawerChanged(false, false));

  if (new URLSearchParams(location.search).has("h")) startMaterial();

  // The search field opens the search when it gets the focus (as Material does once it runs).
  document.addEventListener("focusin", (event) => {
    if (event.target !== query()) return;
    byId("__search").checked = true;
    startMaterial();
  });
  document.addEventListener("change", (event) => {
    const id = event.target.id;
    if (id === "__drawer") drawerChanged(event.target.checked, !followingLink);
    if (id === "__toc") tocChanged(event.target.checked);
    // The search button ticks Material's checkbox: the search opens with the focus in its field.
    if (id === "__search" && event.target.checked) openSearch();
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (byId("__search").checked) {
      if (event.key === "Escape") {
        event.stopPropagation();
        closeSearch();
      } else if (event.key === "Tab" || ["Shift", "Alt", "AltGraph", "CapsLock"].includes(event.key)) {
        // Material closes the search on Tab, and pulls the focus back into the search field on any other
        // key: Tab and Shift+Tab move through the results instead (Material listens on window, after us).
        event.stopPropagation();
      }
      return;
    }
    if (event.key === "Escape" && releaseDrawer) {
      untick("__drawer");
      headerButton("__drawer").focus();
      return;
    }
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
    if (!started && !releaseDrawer && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (["/", "s", "f", "S", "F"].includes(event.key)) {
        event.preventDefault();
        openSearch();
      }
    }
  });
})();
