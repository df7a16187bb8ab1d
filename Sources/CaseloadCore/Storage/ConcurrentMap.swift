import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `transform` of every element, in order, computed on every core: for CPU-bound work such as
    /// decoding records, never for I/O whose order matters.
    func concurrentMap<Mapped: Sendable>(_ transform: @Sendable (Element) -> Mapped) -> [Mapped] {
        guard count > 1 else { return map(transform) }
        let slots = Slots<Mapped>(count: count)
        // A few interleaved strides per core, so one slow element does not hold a whole core's share.
        let strides = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        DispatchQueue.concurrentPerform(iterations: strides) { first in
            for index in stride(from: first, to: count, by: strides) { slots.fill(index, with: transform(self[index])) }
        }
        return slots.values()
    }
}

/// One slot per element, each filled by exactly one task, read only after all have finished.
final class Slots<Value>: @unchecked Sendable {
    private let count: Int
    private let storage: UnsafeMutablePointer<Value?>

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func fill(_ index: Int, with value: Value) { storage[index] = value }

    func values() -> [Value] { (0..<count).map { storage[$0]! } }
}

/// Work started on another thread now, whose result is waited for when it is needed: for
/// independent reads that `check` overlaps (the folder walk, the audit log, the records).
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The result, once the work has finished.
    var value: Value {
        done.wait()
        done.signal()  // later reads do not wait
        return result!
    }
}
