// True if the focused element comes after the element with the given id in the document.
(id) => {
  const el = document.activeElement;
  return !!el && el !== document.body
    && !!(document.getElementById(id).compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
}
