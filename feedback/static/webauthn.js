/* Heard security keys and passkeys (WebAuthn).
 *
 * Two uses, each marked in the page: [data-webauthn-register] adds a key on the
 * security page, [data-webauthn-sign-in] uses one for the second step of signing in.
 * The server sends options as JSON (binary values base64url-encoded); this file turns
 * them into ArrayBuffers for the browser, and the browser's answer back into JSON.
 * Without JavaScript or WebAuthn the parts stay hidden and the code form still works.
 */
(function () {
  "use strict";

  function toBuffer(value) {
    var base64 = value.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var raw = window.atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = "";
    for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    return window.btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function post(url, csrf, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body || {})
    }).then(function (reply) {
      return reply.json().then(function (data) {
        if (!reply.ok) throw new Error(data.error || "refused");
        return data;
      });
    });
  }

  function descriptors(list) {
    return (list || []).map(function (item) {
      return { type: item.type, id: toBuffer(item.id), transports: item.transports };
    });
  }

  function credentialJSON(credential) {
    var response = credential.response;
    var out = {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: { clientDataJSON: toBase64url(response.clientDataJSON) }
    };
    if (response.attestationObject) {
      out.response.attestationObject = toBase64url(response.attestationObject);
      if (response.getTransports) out.response.transports = response.getTransports();
    } else {
      out.response.authenticatorData = toBase64url(response.authenticatorData);
      out.response.signature = toBase64url(response.signature);
      if (response.userHandle) out.response.userHandle = toBase64url(response.userHandle);
    }
    return out;
  }

  function register(options) {
    options.challenge = toBuffer(options.challenge);
    options.user.id = toBuffer(options.user.id);
    options.excludeCredentials = descriptors(options.excludeCredentials);
    return navigator.credentials.create({ publicKey: options });
  }

  function signIn(options) {
    options.challenge = toBuffer(options.challenge);
    options.allowCredentials = descriptors(options.allowCredentials);
    return navigator.credentials.get({ publicKey: options });
  }

  function wire(box, ask, wrap) {
    var button = box.querySelector("[data-webauthn-go]");
    var error = box.querySelector("[data-webauthn-error]");
    var csrf = box.getAttribute("data-csrf");
    button.addEventListener("click", function () {
      error.hidden = true;
      button.disabled = true;
      post(box.getAttribute("data-options-url"), csrf)
        .then(ask)
        .then(function (credential) {
          return post(box.getAttribute("data-url"), csrf, wrap(credentialJSON(credential), box));
        })
        .then(function (data) { window.location.assign(data.redirect); })
        .catch(function (problem) {
          error.textContent = problem.message;
          error.hidden = false;
          button.disabled = false;
        });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var usable = !!(window.PublicKeyCredential && navigator.credentials);
    Array.prototype.forEach.call(document.querySelectorAll("[data-webauthn-register]"), function (box) {
      if (!usable) { box.hidden = true; return; }
      wire(box, register, function (credential, where) {
        var name = where.querySelector("[data-webauthn-name]");
        return { credential: credential, name: name ? name.value : "" };
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-webauthn-sign-in]"), function (box) {
      if (!usable) { box.hidden = true; return; }
      wire(box, signIn, function (credential) { return credential; });
    });
  });
})();
