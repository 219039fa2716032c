// The policy of the Content Security Policy meta tag (the given selector finds it), and what <head> has
// before it, which the policy does not cover (the charset declaration may come first).
(selector) => {
  const meta = document.querySelector(selector);
  const before = [];
  for (let el = document.head.firstElementChild; el && el !== meta; el = el.nextElementSibling) {
    const isCharset = el.tagName === "META" && el.hasAttribute("charset");
    if (!isCharset) before.push(el.outerHTML.slice(0, 80));
  }
  return {policy: meta ? meta.content : null, before};
}
