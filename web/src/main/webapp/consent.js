// The consent page is answered once. Browsers may show it again from their back/forward cache
// (also with Cache-Control: no-store) when the user comes back from the application: ask the server
// instead, which then says that the request was answered.
window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
        window.location.reload();
    }
});
