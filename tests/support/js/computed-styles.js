// Styles the page twice, with its cut stylesheet and then with the full stylesheets it was cut from
// (hrefs, relative to the cut one), and lists every element whose computed style differs (with its
// ::before and ::after): "element: property is cut-value, with the full stylesheets full-value".
// Custom properties (--md-…) are left out: they show only through the properties that read them.
async (hrefs) => {
  const name = (el) => {
    const parts = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const index = node.parentElement ? [...node.parentElement.children].indexOf(node) : 0;
      const cls = node.classList.length ? "." + [...node.classList].join(".") : "";
      parts.unshift(`${node.localName}${node.id ? "#" + node.id : ""}${cls}:${index}`);
    }
    return parts.join(" > ");
  };
  const snapshot = () => {
    const styles = new Map();
    for (const el of document.querySelectorAll("body *")) {
      for (const pseudo of [null, "::before", "::after"]) {
        const style = getComputedStyle(el, pseudo);
        if (pseudo && style.content === "none") continue;
        const values = {};
        for (let i = 0; i < style.length; i++) {
          if (!style[i].startsWith("--")) values[style[i]] = style.getPropertyValue(style[i]);
        }
        styles.set(name(el) + (pseudo || ""), values);
      }
    }
    return styles;
  };
  const useFullStylesheets = () => new Promise((resolve, reject) => {
    const cut = document.querySelector('link[rel=stylesheet][href$="styles.css"]');
    if (!cut) { reject(new Error("no styles.css <link> on the page")); return; }
    let waiting = hrefs.length;
    for (const href of hrefs) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL(href, cut.href).href;
      link.onload = () => { if (--waiting === 0) { cut.remove(); resolve(); } };
      link.onerror = () => reject(new Error(`${link.href} did not load`));
      cut.before(link);
    }
  });
  const finishTransitions = () => document.getAnimations().forEach((a) => { try { a.finish(); } catch {} });

  finishTransitions();
  const cut = snapshot();
  await useFullStylesheets();
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  finishTransitions();
  const full = snapshot();
  const found = [];
  for (const [element, values] of full) {
    const cutValues = cut.get(element);
    if (!cutValues) { found.push(`${element}: only with the full stylesheets`); continue; }
    for (const [prop, value] of Object.entries(values)) {
      if (cutValues[prop] !== value) {
        found.push(`${element}: ${prop} is ${JSON.stringify(cutValues[prop])}, with the full stylesheets ${JSON.stringify(value)}`);
      }
    }
  }
  for (const element of cut.keys()) if (!full.has(element)) found.push(`${element}: only with the cut stylesheet`);
  return found;
}
