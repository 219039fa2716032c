// The results Material's search lists: each result's address and its text (title and teaser).
() => [...document.querySelectorAll(".md-search-result__list .md-search-result__link")]
  .map((a) => ({href: a.href, text: a.textContent.replace(/\s+/g, " ").trim()}))
