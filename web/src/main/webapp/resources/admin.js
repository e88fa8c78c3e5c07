/* Copy-to-clipboard for the one-time secret dialog: the text of an element, then "Kopiert" on the button. */
function erpCopy(elementId, button, copiedLabel) {
    var text = document.getElementById(elementId).textContent.trim();
    var label = button.querySelector('.ui-button-text') || button;
    var done = function () {
        label.textContent = copiedLabel;
        button.classList.add('copied');
    };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () {
            fallbackCopy(text) && done();
        });
    } else if (fallbackCopy(text)) {
        done();
    }
}

function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.left = '-10000px';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
        ok = document.execCommand('copy');
    } finally {
        document.body.removeChild(area);
    }
    return ok;
}

/*
 * ANMELDEN / AKTUALISIEREN: the tab for Seller Central's consent page is opened on the click itself
 * (a tab opened after the answer would be blocked as a pop-up) and gets the URL when it arrives;
 * without a URL (a refusal) it is closed again.
 */
var erpConsentWindow = null;

function erpOpenConsentTab() {
    erpConsentWindow = window.open('about:blank', '_blank');
}

function erpConsent(args) {
    if (erpConsentWindow && args && args.consentUrl) {
        erpConsentWindow.opener = null;
        erpConsentWindow.location.href = args.consentUrl;
    } else if (erpConsentWindow) {
        erpConsentWindow.close();
    }
    erpConsentWindow = null;
}
