import Foundation
import Testing

/// The TypeScript declarations and the ES module dropin writes in dropin/frontend/, and the Node
/// token route's declarations, compiled by
/// TypeScript itself (Debian's node-typescript) against React's own types (Debian's node-react,
/// @types/react 18): correct use compiles; a misspelt attribute, a missing required one, a wrong
/// choice and an attribute newer than the pinned dwolla-web each fail with TypeScript's error.
struct TypeScriptTests {
    static let reactTypes = "/usr/share/nodejs/@types/react"

    /// A TypeScript project over the output of a manifest pinning `dwollaWeb`.
    final class Project {
        let scratch: Scratch
        let tsc: URL

        init(dwollaWeb: String = "3.0.0") throws {
            scratch = try Scratch()
            tsc = try requireTool("tsc")
            try #require(FileManager.default.fileExists(atPath: TypeScriptTests.reactTypes),
                         "no React types at \(TypeScriptTests.reactTypes): scripts/test installs Debian's node-react")
            try scratch.write("dropin.yml", ValidateCommandTests.valid.replacingOccurrences(of: "dwollaWeb: \"3.0.0\"", with: "dwollaWeb: \"\(dwollaWeb)\"")
                + "server: [node]\n")
            let build = try dropin("build", in: scratch.url)
            try #require(build.status == 0, "\(build.stderr)")
            try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("node_modules/@types"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("node_modules/@types/react").path,
                                                       withDestinationPath: TypeScriptTests.reactTypes)
        }

        /// Compiles `source` as app.tsx with strict settings; React's own declarations are not
        /// checked (skipLibCheck: Debian ships them without csstype and prop-types), so
        /// `declarationsAlone` checks dropin's in full.
        func compile(_ source: String, react: Bool = true) throws -> Outcome {
            let frontend = "site-private/dropin/frontend/"
            let files = react
                ? [frontend + "dwolla-web.d.ts", frontend + "dwolla-web-react.d.ts", "app.tsx"]
                : [frontend + "dwolla-web.d.ts", frontend + "configure.d.ts", "app.ts"]
            try scratch.write(react ? "app.tsx" : "app.ts", source)
            var options: [String: Any] = [
                "strict": true, "noEmit": true, "target": "es2020", "module": "es2020", "moduleResolution": "node",
                "lib": ["dom", "es2020"], "types": [String](),
            ]
            if react {
                options.merge(["jsx": "react-jsx", "preserveSymlinks": true, "skipLibCheck": true]) { $1 }
            }
            return try compile(files: files, options: options)
        }

        func compile(files: [String], options: [String: Any]) throws -> Outcome {
            let config = try JSONSerialization.data(withJSONObject: ["compilerOptions": options, "files": files], options: [.sortedKeys])
            try scratch.write("tsconfig.json", String(decoding: config, as: UTF8.self))
            return try run(tsc, ["-p", scratch.url.path], in: scratch.url)
        }
    }

    /// A stand-in for @types/node's `node:http`, which Debian does not package: only the two
    /// classes the route's declarations name.
    static let nodeHTTP = """
        declare module "node:http" {
          export class IncomingMessage { headers: Record<string, string | string[] | undefined>; }
          export class ServerResponse { end(): void; }
        }

        """

    static let routeUse = """
        const node = createTokenRoute({
          key: "k", secret: "s",
          session: async (req: IncomingMessage) => ({ signedIn: req.headers.cookie !== undefined, customerId: null }),
          rateLimit: { requests: 10, perSeconds: 60 },
        });
        export const POST: (request: Request) => Promise<Response> = createWebTokenRoute({
          key: "k", secret: "s", address: () => undefined,
          session: (request: Request) => ({ signedIn: request.headers.has("cookie"), customerId: "c", payin: null }),
        });
        export const minted: Promise<{ token: string; blob: string | null }> = node.payinToken({ customerId: "c", destination: "d", amount: "25.00" });
        // @ts-expect-error a session must say whether someone is signed in
        createWebTokenRoute({ key: "k", secret: "s", session: () => ({ customerId: null }) });
        // @ts-expect-error the rate limit is a window or false, never true
        createTokenRoute({ key: "k", secret: "s", session: () => ({ signedIn: false, customerId: null }), rateLimit: true });

        """

    @Test func theNodeRouteDeclarationsTypeBothModuleForms() throws {
        let project = try Project()
        try project.scratch.write("node-http.d.ts", Self.nodeHTTP)
        let folder = "./site-private/dropin/server/node/"
        try project.scratch.write("common.ts", """
            import type { IncomingMessage } from "node:http";
            import { createTokenRoute, createWebTokenRoute } from "\(folder)dwolla-token-route";
            \(Self.routeUse)
            """)
        let strict: [String: Any] = ["strict": true, "noEmit": true, "target": "es2020", "lib": ["dom", "es2020"], "types": [String]()]
        let common = try project.compile(files: ["node-http.d.ts", "common.ts"],
                                         options: strict.merging(["module": "commonjs", "moduleResolution": "node"]) { $1 })
        #expect(common.status == 0, "\(common.stdout)")
        try project.scratch.write("module.mts", """
            import type { IncomingMessage } from "node:http";
            import { createTokenRoute, createWebTokenRoute } from "\(folder)dwolla-token-route.mjs";
            \(Self.routeUse)
            """)
        let module = try project.compile(files: ["node-http.d.ts", "module.mts"],
                                         options: strict.merging(["module": "node16", "moduleResolution": "node16"]) { $1 })
        #expect(module.status == 0, "\(module.stdout)")
    }

    @Test func correctUseCompiles() throws {
        let outcome = try Project().compile("""
            import type * as React from "react";
            import { configureDropin } from "./site-private/dropin/frontend/configure";

            export function Balance({ customer }: { customer: string }) {
              return <dwolla-balance-display customerId={customer} hideZeroBalance={true} />;
            }
            export const onboarding = <dwolla-customer-create type="receive-only" terms="https://example.com/t" privacy="https://example.com/p" />;
            // React 19 reads the same elements from React.JSX.
            export const props: React.JSX.IntrinsicElements["dwolla-payin"] = { customerId: "c", blob: "b", token: "t", amount: "10.00" };

            const element: DwollaBalanceDisplayElement | null = document.querySelector("dwolla-balance-display");
            element?.addEventListener("dropin:error", (event) => console.log(event.detail.missing?.join(", ")));
            document.addEventListener("dropin:api-error", (event) => console.log(event.detail.response.code));
            window.dwolla?.configure({ environment: "sandbox", tokenUrl: "/api/dwolla/client-token", userAgent: "app/1.0" });
            configureDropin();

            """)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    }

    @Test func theDeclarationsCompileOnTheirOwnWithoutReact() throws {
        let outcome = try Project().compile("""
            import { configureDropin } from "./site-private/dropin/frontend/configure";
            const payin: DwollaPayinElement | null = document.querySelector("dwolla-payin");
            payin?.setAttribute("amount", "10.00");
            configureDropin();

            """, react: false)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    }

    @Test(arguments: [
        ("a misspelt attribute", #"<dwolla-balance-display customerID="c" />"#,
         "Property 'customerID' does not exist on type"),
        ("a missing required attribute", "<dwolla-balance-display />",
         "Property 'customerId' is missing in type '{}' but required in type 'DwollaBalanceDisplayAttributes'"),
        ("a value outside the attribute's choices", #"<dwolla-customer-create type="verified" />"#,
         #"Type '"verified"' is not assignable to type '"receive-only"'"#),
        ("an element that is not a drop-in", #"<dwolla-balance-displya customerId="c" />"#,
         "Property 'dwolla-balance-displya' does not exist on type 'JSX.IntrinsicElements'"),
    ])
    func aMistakeFailsToCompile(mistake: String, element: String, error: String) throws {
        let outcome = try Project().compile("export const page = \(element);\n")
        #expect(outcome.status != 0, "\(mistake) compiled")
        #expect(outcome.stdout.contains(error), "\(mistake): \(outcome.stdout)")
    }

    @Test func anAttributeNewerThanThePinnedDwollaWebFailsToCompile() throws {
        // hideZeroBalance came with dwolla-web 2.1.9.
        let source = #"export const page = <dwolla-balance-display customerId="c" hideZeroBalance={true} />;"# + "\n"
        let pinned = try Project(dwollaWeb: "2.1.8").compile(source)
        #expect(pinned.status != 0)
        #expect(pinned.stdout.contains("Property 'hideZeroBalance' does not exist on type"), "\(pinned.stdout)")
        #expect(try Project(dwollaWeb: "2.1.9").compile(source).status == 0)
    }

    @Test func theModuleFormIsAnESModuleThatNodeParses() throws {
        let project = try Project()
        let node = try requireTool("node")
        let module = try project.scratch.read("site-private/dropin/frontend/configure.js")
        #expect(module.contains("export function configureDropin() {"))
        #expect(module.contains(#"styles: new URL("/styles/dwolla.css", here).href"#), "the stylesheet's served path")
        try project.scratch.write("configure.mjs", module)
        let check = try run(node, ["--check", project.scratch.url.appendingPathComponent("configure.mjs").path])
        #expect(check.status == 0, "\(check.stderr)")
    }
}
