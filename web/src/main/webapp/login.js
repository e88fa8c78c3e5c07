// Shows the error text after a failed attempt (login.html?error=1); kept external for the CSP.
if (new URLSearchParams(window.location.search).has("error")) {
    document.getElementById("error").hidden = false;
}
