/// TypeScript declarations for one dwolla-web release, from dropin's catalog (which follows
/// Dwolla's documentation where its own typings differ): each drop-in element with exactly the
/// attributes that release takes, required ones required and choices as literal unions; the
/// `dwolla.configure` options; and the details of the `dropin:*` events configure.js sends.
struct TypeDeclarations {
    let catalog: Catalog
    let version: DwollaWebVersion
    let header: String

    /// The components this release has, in catalog order.
    private var components: [ComponentSpec] {
        catalog.components.filter { $0.since <= version }
    }

    /// For the DOM and for any framework: the attribute interfaces, `HTMLElementTagNameMap`,
    /// the global `dwolla` and the events.
    var dom: String {
        var text = """
            // \(header)
            // Types for dwolla-web.js \(version) (https://cdn.dwolla.com/v\(version)/dwolla-web.js), from dropin's
            // catalog. React apps also include dwolla-web-react.d.ts.

            export {};

            declare global {

            """
        for component in components {
            text += attributesInterface(component) + "\n"
            text += "  /** <\(component.tag)>: \(comment(component.summary)) */\n"
            text += "  interface \(typeName(component))Element extends HTMLElement {}\n\n"
        }
        text += "  /** The attributes of each drop-in element in dwolla-web \(version). */\n"
        text += "  interface DwollaWebElementAttributes {\n"
        text += components.map { "    \(literal($0.tag)): \(typeName($0))Attributes;\n" }.joined()
        text += "  }\n\n  interface HTMLElementTagNameMap {\n"
        text += components.map { "    \(literal($0.tag)): \(typeName($0))Element;\n" }.joined()
        text += "  }\n\n" + Self.configureAndEvents + "}\n"
        return text
    }

    /// JSX for React 18 (the global `JSX` namespace) and React 19 (`React.JSX`).
    var react: String {
        """
        // \(header)
        // JSX types for the drop-in elements of dwolla-web.js \(version), for React 18 and 19; needs
        // dwolla-web.d.ts beside it.

        import type * as React from "react";

        type DwollaWebJSXElements = {
          [Tag in keyof DwollaWebElementAttributes]: React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement> &
            DwollaWebElementAttributes[Tag];
        };

        declare global {
          namespace JSX {
            interface IntrinsicElements extends DwollaWebJSXElements {}
          }
        }

        declare module "react" {
          namespace JSX {
            interface IntrinsicElements extends DwollaWebJSXElements {}
          }
        }

        """
    }

    /// The ES module form of configure.js.
    var moduleDeclarations: String {
        """
        // \(header)
        /// <reference path="./dwolla-web.d.ts" />

        /** Configures dwolla-web.js as this site's pages do; call it once the library has loaded. */
        export declare function configureDropin(): void;

        """
    }

    private func attributesInterface(_ component: ComponentSpec) -> String {
        var text = "  /** The attributes of <\(component.tag)> in dwolla-web \(version). */\n"
        text += "  interface \(typeName(component))Attributes {\n"
        for attribute in component.attributes where (attribute.since ?? component.since) <= version {
            if let note = attribute.note {
                text += "    /** \(comment(note)) */\n"
            }
            text += "    \(attribute.name)\(attribute.isRequired ? "" : "?"): \(valueType(attribute.kind));\n"
        }
        return text + "  }\n"
    }

    private func valueType(_ kind: AttributeKind) -> String {
        switch kind {
        case .text, .url, .uuid, .amount: "string"
        // dwolla-web reads an attribute's text: JSX writes `true` as "true".
        case .boolean: "boolean | \"true\" | \"false\""
        case .choice(let values): values.map(literal).joined(separator: " | ")
        }
    }

    /// `dwolla-balance-display` as `DwollaBalanceDisplay`.
    private func typeName(_ component: ComponentSpec) -> String {
        component.tag.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A TypeScript string literal: the catalog's values are plain, but a declaration file must
    /// hold whatever it is given.
    private func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                result += scalar.value < 0x20 ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
            }
        }
        return result + "\""
    }

    /// Text for a `/** */` comment on one line.
    private func comment(_ text: String) -> String {
        text.replacingOccurrences(of: "*/", with: "* /").split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private static let configureAndEvents = """
          /** What dwolla-web.js asks the token route for. */
          interface DwollaTokenRequest {
            action: string;
            _links?: Record<string, { href: string }>;
            links?: Record<string, { href: string }>;
          }

          /** What a drop-in element reports when Dwolla has answered. */
          interface DwollaResult {
            resource: string;
            response: unknown;
          }

          /** `dwolla.configure`'s options, as dropin's catalog knows them. */
          interface DwollaConfigureOptions {
            environment: "sandbox" | "production";
            /** The stylesheet the elements' shadow DOM loads. */
            styles?: string;
            /** The token route, which dwolla-web.js posts each token request to... */
            tokenUrl?: string;
            /** ...or a function that gets the token itself. */
            token?: (request: DwollaTokenRequest) => Promise<{ token: string }>;
            /** How your app names itself to Dwolla, such as "acme-marketplace/2.3". */
            userAgent?: string;
            success?: (result: DwollaResult) => Promise<void> | void;
            error?: (error: unknown) => Promise<void> | void;
          }

          interface DwollaWeb {
            configure(options: DwollaConfigureOptions): void;
          }

          /** Set by dwolla-web.js once it has loaded. */
          var dwolla: DwollaWeb | undefined;

          /** `dropin:success`: Dwolla's answer, with no error in it. */
          type DropinSuccessEvent = CustomEvent<DwollaResult>;
          /** `dropin:api-error`: an answer that carries Dwolla's error code or validation errors. */
          type DropinApiErrorEvent = CustomEvent<{ resource: string; response: { code?: string; message?: string } }>;
          /** `dropin:error`: dwolla-web.js failed or did not load, or a page parameter is missing. */
          type DropinErrorEvent = CustomEvent<{ message: string; reason?: "unavailable"; missing?: string[] }>;

          interface DropinEventMap {
            "dropin:success": DropinSuccessEvent;
            "dropin:api-error": DropinApiErrorEvent;
            "dropin:error": DropinErrorEvent;
          }

          interface HTMLElementEventMap extends DropinEventMap {}
          interface DocumentEventMap extends DropinEventMap {}

        """
}
