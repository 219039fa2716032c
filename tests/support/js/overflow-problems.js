// Elements matching the given selectors that stick out of the viewport sideways, or whose box cuts off
// its content. Content inside a horizontally scrollable box (a wide table) is exempt (WCAG 1.4.10 allows
// it for data tables); the scrollable box itself must fit, and axe checks that it can be scrolled with
// the keyboard.
(selectors) => {
  const width = document.documentElement.clientWidth;
  const inScroller = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(node).overflowX)) return true;
    }
    return false;
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.classList.length ? "." + [...el.classList].join(".") : "");
  const problems = [];
  for (const el of document.querySelectorAll(selectors.join(","))) {
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;  // empty, or visually hidden on purpose
    const s = getComputedStyle(el);
    if (s.visibility === "hidden" || s.position === "fixed" || inScroller(el)) continue;
    if (r.right > width + 1 || r.left < -1) {
      const span = `x=${Math.round(r.left)}..${Math.round(r.right)}`;
      problems.push(`${describe(el)} spans ${span}, viewport ${width}px`);
    }
    const axes = [["X", "clientWidth", "scrollWidth"], ["Y", "clientHeight", "scrollHeight"]];
    for (const [axis, size, scroll] of axes) {
      const overflow = s["overflow" + axis];
      if ((overflow === "hidden" || overflow === "clip") && el[scroll] > el[size] + 1) {
        problems.push(`${describe(el)} cuts off its content (${axis}: ${el[scroll]}px in ${el[size]}px)`);
      }
    }
  }
  return problems;
}
