// Material's configuration of the page (its #__config block): base path, search worker, translations.
() => JSON.parse(document.getElementById("__config").textContent)
