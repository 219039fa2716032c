// The longest line, in characters, of each element the selector finds (the page's paragraphs and list
// items): its text is walked character by character, and a line ends where the next character's box
// lies lower. Text inside a nested match counts for that match only.
(selector) => {
  const blocks = [...document.querySelectorAll(selector)];
  const range = document.createRange();
  return blocks.filter((block) => block.getClientRects().length).map((block) => {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => node.parentElement.closest(selector) === block
        ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
    });
    let longest = 0, count = 0, lineBottom = -Infinity;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box || box.width === 0) continue;  // white space the browser collapsed
        if (box.top >= lineBottom) {
          longest = Math.max(longest, count);
          count = 0;
          lineBottom = box.bottom;
        }
        count++;
      }
    }
    return {text: block.textContent.trim().replace(/\s+/g, " ").slice(0, 60), longest: Math.max(longest, count)};
  });
}
