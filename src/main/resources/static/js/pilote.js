// Forms that remove something ask first: <form data-confirmation="Retirer … ?">.
document.addEventListener('submit', function (evenement) {
    var message = evenement.target.getAttribute('data-confirmation');
    if (message && !window.confirm(message)) {
        evenement.preventDefault();
    }
});

// A « tout cocher » box: <input type="checkbox" data-tout-cocher="NAME"> checks or unchecks every box named NAME of its form.
document.addEventListener('change', function (evenement) {
    var nom = evenement.target.getAttribute('data-tout-cocher');
    if (!nom || !evenement.target.form) {
        return;
    }
    evenement.target.form.querySelectorAll('input[type=checkbox][name="' + nom + '"]').forEach(function (caseACocher) {
        caseACocher.checked = evenement.target.checked;
    });
});

// Print buttons: <button data-imprimer>.
document.addEventListener('click', function (evenement) {
    if (evenement.target.closest && evenement.target.closest('[data-imprimer]')) {
        window.print();
    }
});

// Printing: a browser without CSS « field-sizing » would print only the visible rows of a text field; the fields of the
// printed forms (class « imprimable ») are grown to their whole text before printing, and given back after.
window.addEventListener('beforeprint', function () {
    if (window.CSS && CSS.supports && CSS.supports('field-sizing', 'content')) {
        return;
    }
    document.querySelectorAll('form.imprimable textarea').forEach(function (champ) {
        champ.style.setProperty('height', (champ.scrollHeight + 4) + 'px', 'important');
    });
});
window.addEventListener('afterprint', function () {
    document.querySelectorAll('form.imprimable textarea').forEach(function (champ) {
        champ.style.removeProperty('height');
    });
});

// Links that generate a document: <a data-generation href="….docx">. The link reads « Génération en cours… » and
// ignores further clicks until the download has had time to start (no double generation).
document.addEventListener('click', function (evenement) {
    var lien = evenement.target.closest ? evenement.target.closest('[data-generation]') : null;
    if (!lien) {
        return;
    }
    if (lien.getAttribute('aria-disabled') === 'true') {
        evenement.preventDefault();
        return;
    }
    var libelle = lien.textContent;
    lien.setAttribute('aria-disabled', 'true');
    lien.setAttribute('aria-busy', 'true');
    lien.classList.add('disabled');
    lien.textContent = 'Génération en cours…';
    setTimeout(function () {
        lien.textContent = libelle;
        lien.removeAttribute('aria-disabled');
        lien.removeAttribute('aria-busy');
        lien.classList.remove('disabled');
    }, 8000);
});
