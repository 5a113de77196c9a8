// Hummingbird keeps a connection open whatever the answer says; after a 413 the body's unread
// rest would then be read as the next request. Add this handler to the server so that an
// answer with `Connection: close` really closes the connection:
//
//   Application(router: router, server: .http1(configuration: .init(additionalChannelHandlers: [ClosingConnections()])))

import NIOCore
import NIOHTTPTypes

public final class ClosingConnections: ChannelOutboundHandler, RemovableChannelHandler {
    public typealias OutboundIn = HTTPResponsePart
    public typealias OutboundOut = HTTPResponsePart

    private var closeAfterAnswer = false

    public init() {}

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let response):
            closeAfterAnswer = response.headerFields[.connection]?.lowercased() == "close"
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            guard closeAfterAnswer else { return context.write(data, promise: promise) }
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            written.futureResult.whenComplete { _ in context.close(promise: nil) }
            context.write(data, promise: written)
        }
    }
}
