// True if the theme's CSS has styled the page (a sticky header) and its JavaScript has run (no .no-js).
() => getComputedStyle(document.querySelector(".md-header")).position === "sticky"
  && !document.documentElement.classList.contains("no-js")
