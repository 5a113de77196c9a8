// A test double of dwolla-web.js, served in place of https://cdn.dwolla.com/vX.Y.Z/dwolla-web.js
// in the browser tests. It keeps the library's documented contract (shared/DOMAIN.md):
// dwolla.configure records its options; each drop-in element, when upgraded, reads its
// attributes and requests one client token per action of its component, through tokenUrl or the
// token function, with the body the library sends; failures go to the error callback. It writes
// what happened into window.__double for the test to read.
//
// The page's address steers it: ?double-outcome=success or api-error makes each element call
// the success callback once its tokens arrived; ?double-extra-action=NAME adds an action, as a
// tampered page would.
(function () {
  "use strict";
  var ACTIONS = {
    "dwolla-customer-create": ["customer.create"],
    "dwolla-customer-update": ["customer.read", "customer.update"],
    "dwolla-personal-vcr": ["customer.create", "customer.read", "customer.update", "customer.documents.create"],
    "dwolla-business-vcr": ["customer.create", "customer.read", "customer.update", "customer.documents.create",
      "businessclassifications.read"],
    "dwolla-beneficial-owners": ["beneficialowners.create", "beneficialowners.read", "beneficialowners.update",
      "beneficialowners.delete", "beneficialownership.read", "beneficialownership.certify",
      "beneficialowner.documents.create", "customer.read", "customer.update"],
    "dwolla-document-upload": ["customer.read", "customer.documents.create", "customer.documents.read",
      "beneficialowners.read", "beneficialowner.documents.create"],
    "dwolla-funding-source-create": ["customer.fundingsources.create"],
    "dwolla-micro-deposits-verify": ["customer.fundingsources.read", "customer.microdeposits.verify"],
    "dwolla-balance-display": ["customer.fundingsources.read"],
    "dwolla-payin": ["customer.fundingsources.read", "customer.transfers.send"],
  };
  var query = new URLSearchParams(window.location.search);
  var state = { configured: null, elements: [], events: [] };
  var options = null;
  window.__double = state;

  ["dropin:success", "dropin:api-error", "dropin:error"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var target = event.composedPath()[0];
      state.events.push({ name: name, target: target && target.tagName ? target.tagName.toLowerCase() : "document" });
    });
  });

  window.dwolla = {
    configure: function (given) {
      options = given;
      state.configured = {
        environment: given.environment,
        styles: given.styles,
        tokenUrl: given.tokenUrl || null,
        tokenFunction: typeof given.token === "function",
        success: typeof given.success === "function",
        error: typeof given.error === "function",
      };
    },
  };

  function api() {
    return options.environment === "production" ? "https://api.dwolla.com" : "https://api-sandbox.dwolla.com";
  }

  function requestToken(body) {
    if (typeof options.token === "function") return Promise.resolve(options.token(body));
    return fetch(options.tokenUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (!response.ok) throw new Error("the token URL answered " + response.status);
      return response.json();
    });
  }

  function outcome(record) {
    var wanted = query.get("double-outcome");
    if (wanted === "success") {
      return options.success({ resource: "customers", response: { location: api() + "/customers/" + record.attributes.customerid } });
    }
    if (wanted === "api-error") {
      return options.success({
        resource: "customers",
        response: {
          code: "ValidationError",
          message: "Validation error(s) present. See embedded errors list for more details.",
          _embedded: { errors: [{ code: "Invalid", message: "Invalid parameter.", path: "/email" }] },
        },
      });
    }
    return Promise.resolve();
  }

  Object.keys(ACTIONS).forEach(function (tag) {
    customElements.define(tag, class extends HTMLElement {
      connectedCallback() {
        var element = this;
        var record = { tag: tag, attributes: {}, tokens: {}, failures: {}, done: false };
        Array.prototype.forEach.call(this.attributes, function (attribute) {
          record.attributes[attribute.name] = attribute.value;
        });
        state.elements.push(record);
        if (!options) {
          record.failures.configure = "used before dwolla.configure";
          record.done = true;
          return;
        }
        var actions = ACTIONS[tag].slice();
        if (tag === "dwolla-funding-source-create" && this.hasAttribute("initiatemicrodeposits")) {
          actions.push("customer.microdeposits.create");
        }
        if (query.get("double-extra-action")) actions.push(query.get("double-extra-action"));
        var customer = this.getAttribute("customerid");
        Promise.all(actions.map(function (action) {
          var body = { action: action };
          if (customer && action !== "customer.create") {
            var links = { customer: { href: api() + "/customers/" + customer } };
            body._links = links;
            body.links = links;
          }
          return requestToken(body).then(function (answer) {
            record.tokens[action] = answer.token;
          }, function (error) {
            record.failures[action] = String(error && error.message || error);
            return options.error(String(error && error.message || error));
          });
        })).then(function () {
          element.textContent = tag + ": " + Object.keys(record.tokens).length + " of " + actions.length + " tokens";
          return outcome(record);
        }).then(function () {
          record.done = true;
        });
      }
    });
  });
})();
