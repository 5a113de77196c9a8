import DropinCore
import Foundation
import Testing

/// One manifest per validation rule, each with the exact diagnostics a user sees.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let name: String
    let yaml: String
    let expected: [Expected]
    var testDescription: String { name }
}

let ruleCases: [RuleCase] = [
    RuleCase(name: "unknown top-level key, with a suggestion", yaml: manifest(components: """
          - component: dwolla-personal-vcr
        """, header: "enviroment: production\n"), expected: [
        Expected("unknown-key", "unknown key 'enviroment'; did you mean 'environment'?", at: 1, 1, path: "enviroment"),
    ]),
    RuleCase(name: "unknown nested key, listing the keys when nothing is close", yaml: """
        version: 1
        environment: sandbox
        token:
          url: /t
          refresh: always
        pages:
          - path: a.html
            title: A
            components:
              - component: dwolla-personal-vcr
                attribute: {}
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("unknown-key", "unknown key 'refresh' in token; the keys here are url, mode, csrf", at: 5, 3, path: "token.refresh"),
        Expected("unknown-key", "unknown key 'attribute' in pages[0].components[0]; did you mean 'attributes'?", at: 11, 9,
                 path: "pages[0].components[0].attribute"),
    ]),
    RuleCase(name: "wrong types", yaml: """
        version: "1"
        environment: [sandbox]
        token: /api/token
        pages:
          - path: a.html
            title: true
            components: dwolla-personal-vcr
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("wrong-type", "'version' must be one of 1, not the text '1'", at: 1, 10, path: "version"),
        Expected("wrong-type", "'environment' must be one of sandbox, production, not a list", at: 2, 14, path: "environment"),
        Expected("wrong-type", "'token' must be a mapping, not the text '/api/token'", at: 3, 8, path: "token"),
        Expected("wrong-type", "'title' must be text, not the boolean true; put it in quotes if you mean the text", at: 6, 12,
                 path: "pages[0].title"),
        Expected("wrong-type", "'components' must be a list, not the text 'dwolla-personal-vcr'", at: 7, 17,
                 path: "pages[0].components"),
    ]),
    RuleCase(name: "missing required keys", yaml: """
        version: 1
        pages:
          - title: A
            components:
              - attributes: {}
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("missing-key", "missing required key 'environment': add it (one of sandbox, production)", at: 1, 1, path: "environment"),
        Expected("missing-key", "missing required key 'token': add it (a mapping)", at: 1, 1, path: "token"),
        Expected("missing-key", "missing required key 'path' in pages[0]: add it (text)", at: 3, 5, path: "pages[0].path"),
        Expected("missing-key", "missing required key 'component' in pages[0].components[0]: add it (one of dwolla-customer-create, dwolla-customer-update, dwolla-personal-vcr and 8 more)", at: 5, 9,
                 path: "pages[0].components[0].component"),
    ]),
    RuleCase(name: "unsupported manifest version", yaml: manifest(components: """
          - component: dwolla-personal-vcr
        """).replacingFirst("version: 1", with: "version: 2"), expected: [
        Expected("invalid-value", "version 2 is not supported; use 1", at: 1, 10, path: "version"),
    ]),
    RuleCase(name: "environment outside its choices", yaml: manifest(components: """
          - component: dwolla-personal-vcr
        """).replacingFirst("environment: sandbox", with: "environment: prod"), expected: [
        Expected("invalid-value", "'prod' is not allowed for 'environment'; use one of sandbox, production", at: 2, 14,
                 path: "environment"),
    ]),
    RuleCase(name: "unknown component tag, with a suggestion", yaml: manifest(components: """
          - component: dwolla-balance-dispaly
        """), expected: [
        Expected("invalid-value", "'dwolla-balance-dispaly' is not allowed for 'component'; did you mean 'dwolla-balance-display'?",
                 at: 9, 20, path: "pages[0].components[0].component"),
    ]),
    RuleCase(name: "attribute the component does not take", yaml: manifest(components: """
          - component: dwolla-balance-display
            attributes:
              customerId: {param: customerId}
              hideZeroBalances: true
              color: red
        """), expected: [
        Expected("unknown-attribute", "dwolla-balance-display has no attribute 'hideZeroBalances'; did you mean 'hideZeroBalance'?",
                 at: 12, 11, path: "pages[0].components[0].attributes.hideZeroBalances"),
        Expected("unknown-attribute", "dwolla-balance-display has no attribute 'color'; it takes customerId, hideZeroBalance",
                 at: 13, 11, path: "pages[0].components[0].attributes.color"),
    ]),
    RuleCase(name: "missing required attributes", yaml: manifest(components: """
          - component: dwolla-micro-deposits-verify
            attributes:
              customerId: {param: customerId}
        """), expected: [
        Expected("missing-attribute",
                 "dwolla-micro-deposits-verify needs the attribute 'fundingSourceId': add it under attributes, e.g. fundingSourceId: {param: fundingSourceId}",
                 at: 9, 20, path: "pages[0].components[0].attributes.fundingSourceId"),
    ]),
    RuleCase(name: "text where a boolean attribute is expected", yaml: manifest(components: """
          - component: dwolla-funding-source-create
            attributes:
              customerId: {param: customerId}
              initiateMicroDeposits: "true"
        """), expected: [
        Expected("expected-boolean",
                 "'initiateMicroDeposits' is a boolean attribute: write true or false without quotes, not 'true'",
                 at: 12, 34, path: "pages[0].components[0].attributes.initiateMicroDeposits"),
    ]),
    RuleCase(name: "a boolean where text is expected, and a boolean from a parameter", yaml: manifest(components: """
          - component: dwolla-balance-display
            attributes:
              customerId: true
              hideZeroBalance: {param: hide}
        """), expected: [
        Expected("expected-text", "'customerId' takes a uuid, not a boolean; put the value in quotes if you mean the text",
                 at: 11, 23, path: "pages[0].components[0].attributes.customerId"),
        Expected("expected-boolean", "'hideZeroBalance' is a boolean attribute and cannot come from a parameter: write true or false",
                 at: 12, 28, path: "pages[0].components[0].attributes.hideZeroBalance"),
    ]),
    RuleCase(name: "component newer than the pinned dwolla-web", yaml: manifest(components: """
          - component: dwolla-micro-deposits-verify
            attributes:
              customerId: {param: customerId}
              fundingSourceId: {param: fundingSourceId}
        """, header: "dwollaWeb: \"2.1.9\"\n"), expected: [
        Expected("component-too-new",
                 "dwolla-micro-deposits-verify came with dwolla-web 2.2.0, but dwollaWeb pins 2.1.9: raise dwollaWeb to 2.2.0 or newer, or remove the component",
                 at: 10, 20, path: "pages[0].components[0].component"),
    ]),
    RuleCase(name: "attribute newer than the pinned dwolla-web", yaml: manifest(components: """
          - component: dwolla-balance-display
            attributes:
              customerId: {param: customerId}
              hideZeroBalance: true
        """, header: "dwollaWeb: \"2.1.8\"\n"), expected: [
        Expected("attribute-too-new",
                 "'hideZeroBalance' on dwolla-balance-display came with dwolla-web 2.1.9, but dwollaWeb pins 2.1.8: raise dwollaWeb or remove the attribute",
                 at: 13, 11, path: "pages[0].components[0].attributes.hideZeroBalance"),
    ]),
    RuleCase(name: "receive-only customer-create on 3.x without terms and privacy", yaml: manifest(components: """
          - component: dwolla-customer-create
            attributes:
              type: receive-only
              privacy: https://example.com/privacy
          - component: dwolla-customer-create
            attributes:
              type: receive-only
        """, header: "dwollaWeb: \"3.0.0\"\n"), expected: [
        Expected("missing-attribute",
                 "with type: receive-only, dwolla-customer-create on dwolla-web 3.x needs 'terms': add links to your terms of service and privacy policy",
                 at: 10, 20, path: "pages[0].components[0].attributes.terms"),
        Expected("missing-attribute",
                 "with type: receive-only, dwolla-customer-create on dwolla-web 3.x needs 'terms' and 'privacy': add links to your terms of service and privacy policy",
                 at: 14, 20, path: "pages[0].components[1].attributes.terms"),
    ]),
    RuleCase(name: "receive-only customer-create on 2.x needs no terms", yaml: manifest(components: """
          - component: dwolla-customer-create
            attributes:
              type: receive-only
        """, header: "dwollaWeb: \"2.2.2\"\n"), expected: []),
    RuleCase(name: "page paths that leave the output folder", yaml: """
        version: 1
        environment: sandbox
        token: {url: /t}
        pages:
          - path: /etc/pay.html
            title: A
            components: [{component: dwolla-personal-vcr}]
          - path: onboarding/../../pay.html
            title: B
            components: [{component: dwolla-personal-vcr}]
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("invalid-page-path",
                 "'path' must be relative to the output folder, not absolute: drop the leading '/' (or '~', or drive)",
                 at: 5, 11, path: "pages[0].path"),
        Expected("invalid-page-path", "'path' must stay inside the output folder: remove the '..' segments",
                 at: 8, 11, path: "pages[1].path"),
    ]),
    RuleCase(name: "blank titles, a control character, a backslash, and parameter names beyond ASCII letters", yaml: """
        version: 1
        environment: sandbox
        token: {url: /t}
        pages:
          - {path: a.html, title: "  \\u3000\\t", components: [{component: dwolla-personal-vcr}]}
          - {path: b.html, title: "B\\u0007", components: [{component: dwolla-personal-vcr}]}
          - {path: c\\d.html, title: "C\\u00A0", components: [{component: dwolla-balance-display, attributes: {customerId: {param: kundennümmer}}}]}
          - {path: d.html, title: D, components: [{component: dwolla-balance-display, attributes: {customerId: {param: customer_Id2}}}]}
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("empty-title", "the page title is empty: give the page a title people will see in their tab", at: 5, 27,
                 path: "pages[0].title"),
        Expected("control-character", "the page title contains a control character: remove it", at: 6, 27, path: "pages[1].title"),
        Expected("invalid-page-path", "'path' uses '\\': separate folders with '/', which works on every machine",
                 at: 7, 12, path: "pages[2].path"),
        Expected("invalid-parameter",
                 "'kundennümmer' is not a usable parameter name: use letters, digits and underscores, starting with a letter (e.g. customerId)",
                 at: 7, 114, path: "pages[2].components[0].attributes.customerId"),
    ]),
    RuleCase(name: "two pages with one path, and paths equal but for case", yaml: """
        version: 1
        environment: sandbox
        token: {url: /t}
        pages:
          - {path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}
          - {path: a.html, title: B, components: [{component: dwolla-personal-vcr}]}
          - {path: A.html, title: C, components: [{component: dwolla-personal-vcr}]}
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("duplicate-page-path", "two pages have the path 'a.html' (the first on line 5): give each page its own path",
                 at: 6, 12, path: "pages[1].path"),
        Expected("duplicate-page-path",
                 "'A.html' and 'a.html' (line 5) differ only in case, and are one file on macOS and Windows: rename one",
                 at: 7, 12, path: "pages[2].path"),
    ]),
    RuleCase(name: "page paths dropin reserves, and one that is not HTML", yaml: """
        version: 1
        environment: sandbox
        token: {url: /t}
        pages:
          - {path: index.html, title: A, components: [{component: dwolla-personal-vcr}]}
          - {path: dropin/x.html, title: B, components: [{component: dwolla-personal-vcr}]}
          - {path: page.htm, title: C, components: [{component: dwolla-personal-vcr}]}
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("invalid-page-path", "'index.html' is the site index dropin writes: choose another path for this page",
                 at: 5, 12, path: "pages[0].path"),
        Expected("invalid-page-path", "'dropin/' holds the files dropin generates beside the pages: put this page in another folder",
                 at: 6, 12, path: "pages[1].path"),
        Expected("invalid-page-path", "a page path must end in .html, like page.html", at: 7, 12, path: "pages[2].path"),
    ]),
    RuleCase(name: "terms and privacy links that are not http(s)", yaml: manifest(components: """
          - component: dwolla-personal-vcr
            attributes:
              terms: javascript:alert(1)
              privacy: data:text/html,hi
        """), expected: [
        Expected("unsafe-url",
                 "'terms' must be an http or https link (or a path starting with '/'), not 'javascript:alert(1)': other schemes such as javascript: run code when clicked",
                 at: 11, 18, path: "pages[0].components[0].attributes.terms"),
        Expected("unsafe-url",
                 "'privacy' must be an http or https link (or a path starting with '/'), not 'data:text/html,hi': other schemes such as javascript: run code when clicked",
                 at: 12, 20, path: "pages[0].components[0].attributes.privacy"),
    ]),
    RuleCase(name: "the same unsafe link on two pages, and the same text as a link and as a name", yaml: """
        version: 1
        environment: sandbox
        token: {url: /t}
        pages:
          - {path: a.html, title: A, components: [{component: dwolla-personal-vcr, attributes: {terms: "javascript:x", firstName: "javascript:x"}}]}
          - {path: b.html, title: B, components: [{component: dwolla-personal-vcr, attributes: {terms: "javascript:x", privacy: /p}}]}
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("unsafe-url",
                 "'terms' must be an http or https link (or a path starting with '/'), not 'javascript:x': other schemes such as javascript: run code when clicked",
                 at: 5, 96, path: "pages[0].components[0].attributes.terms"),
        Expected("unsafe-url",
                 "'terms' must be an http or https link (or a path starting with '/'), not 'javascript:x': other schemes such as javascript: run code when clicked",
                 at: 6, 96, path: "pages[1].components[0].attributes.terms"),
    ]),
    RuleCase(name: "an absolute http token url in production", yaml: manifest(components: """
          - component: dwolla-personal-vcr
        """).replacingFirst("environment: sandbox", with: "environment: production")
            .replacingFirst("url: /api/dwolla/client-token", with: "url: http://api.example.com/token"), expected: [
        Expected("invalid-token-url",
                 "token.url uses http in production: client tokens would cross the network unencrypted; use https or a path starting with '/'",
                 at: 4, 8, path: "token.url"),
    ]),
    RuleCase(name: "token urls that are not a path or an http(s) URL", yaml: """
        version: 1
        environment: sandbox
        token:
          url: javascript:alert(1)
        pages:
          - {path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("invalid-token-url",
                 "token.url must be a path starting with '/' or an https URL, not a 'javascript:' URL",
                 at: 4, 8, path: "token.url"),
    ]),
    RuleCase(name: "duplicate YAML keys", yaml: """
        version: 1
        environment: sandbox
        token: {url: /t}
        pages:
          - path: a.html
            title: A
            title: B
            components: [{component: dwolla-personal-vcr}]
        environment: production
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("duplicate-key", "duplicate key 'title' (first given on line 6); YAML keeps only one: remove the other",
                 at: 7, 5, path: "pages[0].title"),
        Expected("duplicate-key", "duplicate key 'environment' (first given on line 2); YAML keeps only one: remove the other",
                 at: 9, 1, path: "environment"),
    ]),
    RuleCase(name: "an undocumented component must state its actions", yaml: manifest(components: """
          - component: dwolla-account-opening
          - component: dwolla-account-opening
            actions: [customer.create, Customer Read]
        """), expected: [
        Expected(.warning, "undocumented-component",
                 "dwolla-account-opening has not been in Dwolla's docs since December 2024 and may change or disappear without notice; prefer a documented component",
                 at: 9, 20, path: "pages[0].components[0].component"),
        Expected("missing-actions",
                 "Dwolla documents no client-token actions for dwolla-account-opening: list the ones it needs under 'actions' so the token route allows exactly those",
                 at: 9, 20, path: "pages[0].components[0].actions"),
        Expected(.warning, "undocumented-component",
                 "dwolla-account-opening has not been in Dwolla's docs since December 2024 and may change or disappear without notice; prefer a documented component",
                 at: 10, 20, path: "pages[0].components[1].component"),
        Expected("invalid-action", "'Customer Read' is not a client-token action name; they look like customer.read; did you mean 'customer.read'?",
                 at: 11, 36, path: "pages[0].components[1].actions[1]"),
    ]),
    RuleCase(name: "actions on a documented component", yaml: manifest(components: """
          - component: dwolla-balance-display
            attributes: {customerId: {param: customerId}}
            actions: [customer.read]
        """), expected: [
        Expected("unexpected-actions",
                 "remove 'actions': dropin knows the actions of dwolla-balance-display (customer.fundingsources.read)",
                 at: 11, 18, path: "pages[0].components[0].actions"),
    ]),
    RuleCase(name: "an amount of zero", yaml: manifest(components: """
          - component: dwolla-payin
            attributes:
              customerId: {param: customerId}
              blob: {param: blob}
              token: {param: token}
              amount: 0.00
        """), expected: [
        Expected("invalid-amount",
                 "'amount' must be more than 0.00: a pay-in of nothing cannot be taken; write the price, such as 10.00",
                 at: 14, 19, path: "pages[0].components[0].attributes.amount"),
    ]),
    RuleCase(name: "IDs, amounts, parameters and choices", yaml: manifest(components: """
          - component: dwolla-payin
            attributes:
              customerId: 12345
              blob: {param: 1blob}
              token: {param: token}
              amount: ten
          - component: dwolla-customer-create
            attributes:
              type: personal
        """), expected: [
        Expected("invalid-id",
                 "'customerId' must be a Dwolla ID, a UUID such as 6d23bbd6-2ab4-4cba-9ba6-fa4a3fd2d9c6, not '12345'; use {param: customerId} when it is known only when the page is served",
                 at: 11, 23, path: "pages[0].components[0].attributes.customerId"),
        Expected("invalid-parameter",
                 "'1blob' is not a usable parameter name: use letters, digits and underscores, starting with a letter (e.g. customerId)",
                 at: 12, 17, path: "pages[0].components[0].attributes.blob"),
        Expected("invalid-amount", "'amount' must be an amount in dollars such as 10.00, not 'ten'",
                 at: 14, 19, path: "pages[0].components[0].attributes.amount"),
        Expected("invalid-value",
                 "'type' of dwolla-customer-create takes only 'receive-only' (omit for an unverified customer), not 'personal'",
                 at: 17, 17, path: "pages[0].components[1].attributes.type"),
    ]),
    RuleCase(name: "a fixed pay-in token is a warning", yaml: manifest(components: """
          - component: dwolla-payin
            attributes:
              customerId: {param: customerId}
              blob: {param: blob}
              token: abc
        """), expected: [
        Expected(.warning, "fixed-per-request-value",
                 "'token' of dwolla-payin is made by your server for each payment and expires; a fixed value will stop working: use {param: token}",
                 at: 13, 18, path: "pages[0].components[0].attributes.token"),
    ]),
    RuleCase(name: "one attribute written twice in different case", yaml: manifest(components: """
          - component: dwolla-balance-display
            attributes:
              customerId: {param: customerId}
              customerid: {param: other}
        """), expected: [
        Expected("duplicate-attribute",
                 "'customerid' and 'customerId' (line 11) are one attribute to a browser, which ignores case: keep one",
                 at: 12, 11, path: "pages[0].components[0].attributes.customerid"),
    ]),
    RuleCase(name: "dwollaWeb must be an exact, known version", yaml: """
        version: 1
        environment: sandbox
        dwollaWeb: v2
        token: {url: /t}
        pages:
          - {path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}
        """, expected: [
        Expected("inexact-version",
                 "dwollaWeb must be an exact version such as 3.0.0, not 'v2': Dwolla asks apps to pin one", at: 3, 12, path: "dwollaWeb"),
    ]),
    RuleCase(name: "dwollaWeb that dropin does not know", yaml: """
        version: 1
        environment: sandbox
        dwollaWeb: 2.2.3
        token: {url: /t}
        pages:
          - {path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}
        """, expected: [
        Expected("unknown-version",
                 "dropin does not know dwolla-web 2.2.3; did you mean 2.2.2? Known versions: 2.0.0, 2.1.0, 2.1.3, 2.1.6, 2.1.8, 2.1.9, 2.2.0, 2.2.1, 2.2.2, 3.0.0",
                 at: 3, 12, path: "dwollaWeb"),
    ]),
    RuleCase(name: "callbacks that are not function names, styles that are not CSS, an empty page list", yaml: """
        version: 1
        environment: sandbox
        styles: styles/dwolla.scss
        token: {url: /t}
        callbacks:
          success: "alert(document.cookie)"
          error: app.onError
        pages: []
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("invalid-path", "'styles' names a stylesheet: end it in .css", at: 3, 9, path: "styles"),
        Expected("invalid-callback",
                 "'alert(document.cookie)' is not a JavaScript function name: name a global function such as onDwollaSuccess (or app.onDwollaSuccess)",
                 at: 6, 12, path: "callbacks.success"),
        Expected("empty-list", "'pages' needs at least 1 item", at: 8, 8, path: "pages"),
    ]),
    RuleCase(name: "language, public path, partial languages, CSP additions and CSRF names", yaml: """
        version: 1
        environment: sandbox
        lang: en_US
        publicPath: static
        partials: [jinja, twig]
        csp:
          add:
            connect-srcs: [https://x.example.com]
            img-src: ["https://a.example.com; script-src *"]
        token:
          url: /t
          mode: function
          csrf: {meta: "csrf token", header: "X-CSRF:1"}
        pages:
          - {path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("invalid-lang", "'en_US' is not a language tag: write one such as en-US", at: 3, 7, path: "lang"),
        Expected("invalid-public-path",
                 "publicPath must be the URL path your app serves the output folder at, starting and ending with '/' (such as / or /static/dropin/), not 'static'",
                 at: 4, 13, path: "publicPath"),
        Expected("invalid-value", "'twig' is not allowed for 'partials[1]'; use one of mustache, jinja, erb, ejs",
                 at: 5, 19, path: "partials[1]"),
        Expected("invalid-csp", "'connect-srcs' is not a directive dropin can extend; did you mean 'connect-src'?",
                 at: 8, 5, path: "csp.add.connect-srcs"),
        Expected("invalid-csp",
                 "'https://a.example.com; script-src *' is not a CSP source: \(cspAdvice)",
                 at: 9, 15, path: "csp.add.img-src[0]"),
        Expected("invalid-csrf", "token.csrf.meta must be a meta name such as csrf-token, not 'csrf token'",
                 at: 13, 16, path: "token.csrf.meta"),
        Expected("invalid-csrf", "token.csrf.header must be a header name such as X-CSRF-Token, not 'X-CSRF:1'",
                 at: 13, 38, path: "token.csrf.header"),
    ]),
    // The security review's injection passed the old check: a quoted source that closes the
    // directive and opens another.
    RuleCase(name: "CSP additions follow CSP Level 3's source grammar", yaml: """
        version: 1
        environment: sandbox
        csp:
          add:
            default-src: ["'x; script-src data:; y'", "'none'", "https://ok.example.com/path;x"]
            img-src: ["https://*.example.com:443/images/", "data:", "'self'", "'nonce-abc+/_-=='", "'sha256-AbC='", "*"]
            connect-src: ["wss://live.example.com:*", "'sha1-abc'", "https://exa mple.com", "javascript", "http://[::1]"]
        token: {url: /t}
        pages:
          - {path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("invalid-csp", "''x; script-src data:; y'' is not a CSP source: \(cspAdvice)", at: 5, 19, path: "csp.add.default-src[0]"),
        Expected("invalid-csp", "''none'' is not a CSP source: \(cspAdvice)", at: 5, 47, path: "csp.add.default-src[1]"),
        Expected("invalid-csp", "'https://ok.example.com/path;x' is not a CSP source: \(cspAdvice)", at: 5, 57, path: "csp.add.default-src[2]"),
        Expected("invalid-csp", "''sha1-abc'' is not a CSP source: \(cspAdvice)", at: 7, 47, path: "csp.add.connect-src[1]"),
        Expected("invalid-csp", "'https://exa mple.com' is not a CSP source: \(cspAdvice)", at: 7, 61, path: "csp.add.connect-src[2]"),
        Expected("invalid-csp", "'http://[::1]' is not a CSP source: \(cspAdvice)", at: 7, 99, path: "csp.add.connect-src[4]"),
    ]),
    RuleCase(name: "a token URL that would inject into the pages' policy or carry credentials", yaml: """
        version: 1
        environment: sandbox
        token: {url: "https://x.example;sandbox/api"}
        pages:
          - {path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("invalid-token-url",
                 "token.url's origin 'https://x.example;sandbox' is not a plain scheme, host and port: write one such as https://api.example.com",
                 at: 3, 14, path: "token.url"),
    ]),
    RuleCase(name: "a token URL with a user name", yaml: """
        version: 1
        environment: sandbox
        token: {url: "https://u:p@x.example/api"}
        pages:
          - {path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("invalid-token-url",
                 "token.url must not carry a user name or password: the pages' policy and every browser would see them",
                 at: 3, 14, path: "token.url"),
    ]),
    RuleCase(name: "templates stay inside the manifest's folder; publicPath holds only URL characters", yaml: """
        version: 1
        environment: sandbox
        templates: ../../../../etc
        publicPath: "/{{7*7}}/%zz/"
        token: {url: /t}
        pages:
          - {path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}
        dwollaWeb: "3.0.0"
        """, expected: [
        Expected("invalid-path", "'templates' must stay inside the manifest's folder: remove the '..' segments", at: 3, 12, path: "templates"),
        Expected("invalid-public-path",
                 "publicPath must be the URL path your app serves the output folder at, starting and ending with '/' (such as / or /static/dropin/), not '/{{7*7}}/%zz/'",
                 at: 4, 13, path: "publicPath"),
    ]),
]

private let cspAdvice = "write one per item, an origin such as https://fonts.example.com, a scheme such as data:, a keyword such as 'unsafe-inline', or a nonce or hash source"

/// Every rule's manifest gives exactly its diagnostics.
struct ValidationRuleTests {
    @Test(arguments: ruleCases)
    func validationRule(_ rule: RuleCase) throws {
        let result = try validate(rule.yaml)
        let actual = result.diagnostics
        #expect(actual.count == rule.expected.count,
                "expected \(rule.expected.count) diagnostics, got:\n\(actual.map(\.summary).joined(separator: "\n"))")
        for (expected, diagnostic) in zip(rule.expected, actual) {
            #expect(expected.matches(diagnostic), "expected \(expected)\n     got \(diagnostic.summary)")
        }
        #expect((result.manifest == nil) == rule.expected.contains { $0.severity == .error })
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
