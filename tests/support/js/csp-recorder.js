// An init script (context.add_init_script): collects Content Security Policy violations into
// window.__cspViolations. Playwright injects init scripts through the DevTools protocol, so this runs
// although the page's own policy forbids inline scripts.
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(
    `${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`
    + (e.sample ? ` sample=${JSON.stringify(e.sample)}` : ""));
});
