// The focused element as a keyboard user meets it: its box, the part of it that can be seen (not
// scrolled, clipped or covered away), whether it is shown and opaque, and what lies on top at its
// centre when none of it can be seen; for each of the given selectors, whether the element lies inside
// it. null when no element of the page has the focus.
(selectors) => {
  // Judge the settled state: jump the transitions that focus started (menus, overlays, the skip link's
  // fade-in) to their end. getAnimations() first applies the pending style changes.
  for (const animation of document.getAnimations()) {
    try { animation.finish(); } catch { /* an endless animation has no end to jump to */ }
  }
  const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}`
    + `${el.classList.length ? "." + [...el.classList].join(".") : ""}`;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  let opacity = 1;
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    opacity *= Number(getComputedStyle(node).opacity);
  }
  // The part of the element that can be seen: the box around the points of a grid over it (within the
  // viewport) where the element, or something inside it, lies on top. Hit testing knows what
  // clips the element (a scrolled list, a closed panel) and what covers it (an overlay, a menu).
  const hits = [];
  let covering = null;
  const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
  const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
  if (right > left && bottom > top) {
    for (let i = 0; i < 9; i++) {
      for (let j = 0; j < 5; j++) {
        const x = left + (right - left) * (i + 0.5) / 9, y = top + (bottom - top) * (j + 0.5) / 5;
        const hit = document.elementFromPoint(x, y);
        if (hit && el.contains(hit)) hits.push([x, y]);
        else if (i === 4 && j === 2 && hit) covering = describe(hit);
      }
    }
  }
  const cell = [(right - left) / 18, (bottom - top) / 10];  // half a grid cell: out to the box's edges
  const xs = hits.map(([x]) => x), ys = hits.map(([, y]) => y);
  const shown = hits.length ? {
    left: Math.max(Math.min(...xs) - cell[0], left), top: Math.max(Math.min(...ys) - cell[1], top),
    right: Math.min(Math.max(...xs) + cell[0], right), bottom: Math.min(Math.max(...ys) + cell[1], bottom),
  } : null;
  const label = (el.getAttribute("href") || el.getAttribute("aria-label") || el.textContent || "").trim();
  return {
    element: `${describe(el)} "${label.replace(/\s+/g, " ").slice(0, 60)}"`,
    rect: {left: r.left, top: r.top, width: r.width, height: r.height},
    shown: shown && {left: shown.left, top: shown.top, width: shown.right - shown.left,
                     height: shown.bottom - shown.top},
    viewport: {width: innerWidth, height: innerHeight},
    visibility: s.visibility, opacity, inView: right > left && bottom > top, covering,
    outlined: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none",
    within: selectors.map((selector) => !!el.closest(selector)),
  };
}
