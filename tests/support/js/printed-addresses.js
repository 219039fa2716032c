// The links of the page's text and footer that a printed page leaves without their address: where a
// link leads must follow it (its ::after) unless its words already are the address. Addresses as a
// reader of paper needs them: an e-mail address without "mailto:", a page of the site at its published
// address ([served root, published root]: the first is replaced by the second).
([servedRoot, publishedRoot]) => {
  const bare = (text) => text.trim().toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/\/$/, "");
  return [...document.querySelectorAll(".md-content a[href], .md-footer a[href]")]
    .filter((a) => !a.getAttribute("href").startsWith("#") && a.getClientRects().length)  // printed
    .map((a) => {
      const href = a.getAttribute("href");
      const address = /^(mailto|tel):/.test(href)
        ? decodeURIComponent(href.slice(href.indexOf(":") + 1).split("?")[0])
        : a.href.replace(servedRoot, publishedRoot);
      return {address, words: a.textContent.trim(), after: getComputedStyle(a, "::after").content};
    })
    .filter(({address, words, after}) => bare(words) !== bare(address)
      && !after.includes(address.replace(/\/$/, "")))
    .map(({address, words, after}) => `"${words}" (${address}) shows ${after}`);
}
