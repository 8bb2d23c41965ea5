// Forms that remove something ask first: <form data-confirmation="Retirer … ?">.
document.addEventListener('submit', function (evenement) {
    var message = evenement.target.getAttribute('data-confirmation');
    if (message && !window.confirm(message)) {
        evenement.preventDefault();
    }
});

// Print buttons: <button data-imprimer>.
document.addEventListener('click', function (evenement) {
    if (evenement.target.closest && evenement.target.closest('[data-imprimer]')) {
        window.print();
    }
});
