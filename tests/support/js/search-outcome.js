// True once Material's search shows its outcome: the result count line reads one of the given messages
// ("No matching documents", "1 matching document", "# matching documents" with # for the count).
(outcomes) => {
  const meta = document.querySelector(".md-search-result__meta");
  if (!meta) return false;
  const text = meta.textContent.trim();
  const matches = (o) => o.includes("#") ? new RegExp("^" + o.replace("#", "\\d+") + "$").test(text)
                                         : o === text;
  return outcomes.some(matches);
}
