// Wait two frames (so that pending style changes have started their transitions), then jump every
// transition to its end: checks then see the settled page, not a menu or overlay halfway faded in.
async () => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  for (const animation of document.getAnimations()) {
    try { animation.finish(); } catch { /* an endless animation has no end to jump to */ }
  }
}
