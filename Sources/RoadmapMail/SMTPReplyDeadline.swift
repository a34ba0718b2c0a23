import NIOCore

/// The time the server may take to answer: armed when the client writes a command (or the
/// connection opens, for the greeting) and cleared by the reply. A session that waits
/// between messages, or a client slow to write its next command, is no server's delay, so a
/// timer of silence on the channel (`IdleStateHandler`) would fail it wrongly. When the
/// deadline passes, the session's read throws `SMTPError.timeout`.
final class SMTPReplyDeadline: ChannelDuplexHandler {
    typealias InboundIn = SMTPResponse
    typealias InboundOut = SMTPResponse
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let timeout: TimeAmount
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        clear()
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        clear()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        clear()
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        arm(context)
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        let bound = context.loopBound
        deadline = context.eventLoop.scheduleTask(in: timeout) {
            let context = bound.value
            context.fireErrorCaught(SMTPError.timeout(command: "the last command"))
            context.close(promise: nil)
        }
    }

    private func clear() {
        deadline?.cancel()
        deadline = nil
    }
}
