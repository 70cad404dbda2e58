// Review page: ask before a step that cannot be taken back (approve, return, publish, open a correction).
// Without scripts the forms still work; the publish form's secrecy checkbox is its own confirmation.
(function () {
    'use strict';

    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (!window.confirm(form.getAttribute('data-confirm'))) {
                event.preventDefault();
            }
        });
    });
}());
