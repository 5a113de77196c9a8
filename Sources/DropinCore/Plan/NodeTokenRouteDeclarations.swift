/// TypeScript declarations of the Node token route (dwolla-token-route.js and .mjs): the same
/// for every manifest, since the route reads its allowlist at run time.
enum NodeTokenRouteDeclarations {
    static let text = """
        import type { IncomingMessage, ServerResponse } from "node:http";

        /** Who is asking, from your app's session: never from the request body. */
        export interface TokenRouteSession {
          signedIn: boolean;
          /** The signed-in customer's Dwolla id (a UUID), or null before one exists. */
          customerId: string | null;
          /** The pay-in your checkout decided, for the pay-in page. */
          payin?: { destination: string; amount: string | number } | null;
          /** The customer's beneficial owners' ids; left out, the route asks Dwolla. */
          beneficialOwners?: string[];
          /** The rate limit's key. */
          id?: string | number | null;
        }

        /** dropin/token-route.json. */
        export interface TokenRouteAllowlist {
          environment: "sandbox" | "production";
          tokenUrl: string;
          actions: string[];
          payin?: { amounts?: string[] };
        }

        export interface TokenRouteOptions<Incoming> {
          key: string;
          secret: string;
          session: (request: Incoming) => TokenRouteSession | Promise<TokenRouteSession>;
          /** Default: dropin/token-route.json beside this folder. */
          allowlist?: TokenRouteAllowlist;
          /** Where Dwolla's API is; default: the environment's. */
          api?: string;
          timeoutMs?: number;
          /** Default: 60 requests per 60 seconds per session; false turns it off. */
          rateLimit?: { requests: number; perSeconds: number } | false;
          beneficialOwnersCacheMs?: number;
          log?: (level: string, message: string, fields: Record<string, unknown>) => void;
        }

        export interface PayinTokenRequest {
          customerId: string;
          destination: string;
          amount: string | number;
        }

        export interface PayinToken {
          token: string;
          blob: string | null;
        }

        export interface NodeTokenRoute {
          (req: IncomingMessage, res: ServerResponse): Promise<void>;
          /** The token and blob for the pay-in page, for a pay-in your server decided. */
          payinToken(payin: PayinTokenRequest): Promise<PayinToken>;
        }

        export interface WebTokenRoute {
          (request: Request): Promise<Response>;
          payinToken(payin: PayinTokenRequest): Promise<PayinToken>;
        }

        export declare function createTokenRoute(options: TokenRouteOptions<IncomingMessage>): NodeTokenRoute;

        export declare function createWebTokenRoute(
          options: TokenRouteOptions<Request> & { address?: (request: Request) => string | undefined },
        ): WebTokenRoute;

        """
}
