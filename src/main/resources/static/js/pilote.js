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
