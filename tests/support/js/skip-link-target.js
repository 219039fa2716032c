// Where activating the skip link went: the address's #fragment, whether its target (the given id) is in
// the main content, and where the target now is in the viewport.
(id) => {
  const target = document.getElementById(id);
  if (!target) return {error: `the skip link points to #${id}, which does not exist`};
  const r = target.getBoundingClientRect();
  return {
    hash: decodeURIComponent(location.hash), inMain: !!target.closest("main .md-content"),
    top: r.top, height: innerHeight,
  };
}
