// Where keyboard focus is and how it shows: a description, its indicator and whether it can be seen.
// null when nothing in the page has the focus.
() => {
  // Judge the settled state: jump the transitions that focus started (menus, overlays, the skip link's
  // fade-in) to their end. getAnimations() first applies the pending style changes.
  for (const animation of document.getAnimations()) {
    try { animation.finish(); } catch { /* an endless animation has no end to jump to */ }
  }
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const label = (el.getAttribute("href") || el.getAttribute("aria-label") || el.textContent || "").trim();
  let opacity = 1;
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    opacity *= Number(getComputedStyle(node).opacity);
  }
  return {
    element: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}`
      + `${el.classList.length ? "." + [...el.classList].join(".") : ""} "${label.slice(0, 60)}"`,
    outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, boxShadow: s.boxShadow,
    rect: {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height},
    viewport: {width: innerWidth, height: innerHeight},
    visibility: s.visibility, opacity,
  };
}
