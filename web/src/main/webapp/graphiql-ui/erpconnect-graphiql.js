/*
 * GraphiQL for ERP Connect (DESIGN §7). The page is behind the FORM login, but /graphql takes
 * bearer tokens only: this script gets a short-lived access token through the built-in public
 * client with the authorization-code flow and PKCE S256 (RFC 7636). The logged-in session makes
 * the authorization step immediate; the token lives in this page's memory only, never in storage.
 * What the user typed survives a renewal because GraphiQL keeps its editors in localStorage.
 */
(function () {
    'use strict';

    var config = document.body.dataset;
    var root = document.getElementById('graphiql');
    var PENDING = 'erpconnect.graphiql.pending';
    var RENEW_BEFORE_MS = 15000;

    function show(message, retry) {
        root.className = 'message';
        root.textContent = message;
        if (retry) {
            var again = document.createElement('p');
            var link = document.createElement('a');
            link.href = location.pathname;
            link.textContent = 'Erneut anmelden';
            again.appendChild(link);
            root.appendChild(again);
        }
    }

    function base64url(bytes) {
        var text = '';
        for (var i = 0; i < bytes.length; i++) {
            text += String.fromCharCode(bytes[i]);
        }
        return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function randomString() {
        var bytes = new Uint8Array(32);
        crypto.getRandomValues(bytes);
        return base64url(bytes);
    }

    function authorize(search) {
        if (!window.crypto || !crypto.subtle) {
            show('GraphiQL braucht eine sichere Verbindung (https), um sich anzumelden.', false);
            return;
        }
        var verifier = randomString();
        var state = randomString();
        crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (digest) {
            sessionStorage.setItem(PENDING, JSON.stringify({ verifier: verifier, state: state, search: search }));
            var params = new URLSearchParams({
                response_type: 'code',
                client_id: config.clientId,
                redirect_uri: config.redirect,
                scope: 'graphql graphql.write',
                state: state,
                code_challenge: base64url(new Uint8Array(digest)),
                code_challenge_method: 'S256'
            });
            location.assign(config.authorize + '?' + params.toString());
        });
    }

    function redeem(params, pending) {
        return fetch(config.token, {
            method: 'POST',
            credentials: 'omit',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
            body: new URLSearchParams({
                grant_type: 'authorization_code',
                code: params.get('code'),
                redirect_uri: config.redirect,
                client_id: config.clientId,
                code_verifier: pending.verifier
            }).toString()
        }).then(function (response) {
            return response.json().then(function (body) {
                if (!response.ok || !body.access_token) {
                    throw new Error(body.error_description || body.error || 'HTTP ' + response.status);
                }
                return body;
            });
        });
    }

    function render(token, expiresAt, initial) {
        var fetcher = function (graphQLParams, options) {
            if (Date.now() > expiresAt - RENEW_BEFORE_MS) {
                authorize(location.search);
                return Promise.resolve({ errors: [{ message: 'Das Token wird erneuert …' }] });
            }
            var headers = Object.assign(
                { 'Content-Type': 'application/json', Accept: 'application/json' },
                (options && options.headers) || {},
                { Authorization: 'Bearer ' + token });
            return fetch(config.endpoint, {
                method: 'POST',
                credentials: 'omit',
                headers: headers,
                body: JSON.stringify(graphQLParams)
            }).then(function (response) {
                return response.text().then(function (text) {
                    try {
                        return JSON.parse(text);
                    } catch (e) {
                        return { errors: [{ message: 'HTTP ' + response.status + ': ' + text }] };
                    }
                });
            });
        };
        root.className = '';
        root.textContent = '';
        ReactDOM.render(
            React.createElement(GraphiQL, {
                fetcher: fetcher,
                query: initial.get('query') || undefined,
                variables: initial.get('variables') || undefined,
                defaultEditorToolsVisibility: true,
                shouldPersistHeaders: false
            }),
            root);
    }

    var params = new URLSearchParams(location.search);
    if (!params.has('code') && !params.has('error')) {
        authorize(location.search);
        return;
    }
    var pending = null;
    try {
        pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    } catch (e) {
        pending = null;
    }
    sessionStorage.removeItem(PENDING);
    if (!pending || pending.state !== params.get('state')) {
        history.replaceState(null, '', location.pathname);
        show('Die Anmeldung gehört nicht zu dieser Seite (state stimmt nicht).', true);
        return;
    }
    if (params.has('error')) {
        history.replaceState(null, '', location.pathname);
        show('Anmeldung nicht möglich: ' + (params.get('error_description') || params.get('error')), true);
        return;
    }
    redeem(params, pending).then(function (body) {
        history.replaceState(null, '', location.pathname + (pending.search || ''));
        render(body.access_token, Date.now() + body.expires_in * 1000, new URLSearchParams(pending.search || ''));
    }).catch(function (error) {
        history.replaceState(null, '', location.pathname);
        show('Kein Zugriffstoken erhalten: ' + error.message, true);
    });
})();
