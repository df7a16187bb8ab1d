import Foundation

/// Runs saves one after another on a thread of their own, so a key is never kept waiting by
/// the data folder's lock or the disk; finished saves wait here until the loop collects them.
final class WriteQueue: @unchecked Sendable {
    private let writer: any ConsoleWriter
    private let queue = DispatchQueue(label: "caseload.console.writes")
    private let lock = NSLock()
    // Guarded by `lock`.
    private var finished: [WriteReply] = []
    private var pending = 0

    init(writer: any ConsoleWriter) { self.writer = writer }

    /// Starts `request` after every save asked for before it: drafts and notes land in order.
    func submit(_ request: WriteRequest) {
        lock.withLock { pending += 1 }
        queue.async { [writer] in
            let reply = WriteReply(request: request, result: writer.perform(request))
            self.lock.withLock {
                self.finished.append(reply)
                self.pending -= 1
            }
        }
    }

    /// The saves finished since the last call, in the order they were asked for.
    func collect() -> [WriteReply] {
        lock.withLock {
            defer { finished.removeAll() }
            return finished
        }
    }

    /// True while a save is running or waiting to run.
    var isBusy: Bool { lock.withLock { pending > 0 } }

    /// Waits for every save asked for so far: before the console exits.
    func waitUntilDone() { queue.sync {} }
}
