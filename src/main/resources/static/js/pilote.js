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
