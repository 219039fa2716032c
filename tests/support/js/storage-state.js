// Everything the page keeps in the browser's local and session storage.
() => ({local: {...localStorage}, session: {...sessionStorage}})
