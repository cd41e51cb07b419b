internal import Glibc
internal import Synchronization

/// A secret (an auth token, an API key secret) held in memory this object allocated itself, so
/// that it can be overwritten with zeros once it is no longer needed.
///
/// A Swift `String` or `[UInt8]` cannot be wiped reliably: copies made along the way are
/// separate buffers, freed without being cleared. `SecretBytes` keeps one buffer, never hands
/// the bytes out except inside a closure, and wipes it with `explicit_bzero` on ``wipe()`` and
/// when the last reference goes away. Its ``description``, ``debugDescription`` and mirror
/// show `***`, so printing or dumping it by mistake leaks nothing.
///
/// - Important: Bytes read inside ``withUnsafeBytes(_:)`` or ``withCString(_:)`` must not be
///   copied into a `String` or array that outlives the closure; such a copy is not wiped.
public final class SecretBytes: @unchecked Sendable {
    // @unchecked: `storage` is read and written only while `lock` is held, so the raw memory is
    // never touched by two threads at once; the pointer itself never changes.

    /// `count + 1` bytes: the secret, then a NUL for ``withCString(_:)``.
    private let storage: UnsafeMutableRawPointer
    private let lock = Mutex(())

    /// The number of bytes in the secret, the terminating NUL not counted.
    public let count: Int

    /// Copies the UTF-8 bytes of `text`, for secrets that arrive as text (an environment variable,
    /// the sandbox's generated token).
    ///
    /// The caller's `String` is not wiped; prefer ``init(copying:)`` when the bytes are at hand.
    ///
    /// - Parameter text: The secret.
    public convenience init(_ text: String) {
        var text = text
        self.init(count: text.utf8.count) { destination in
            text.withUTF8 { source in
                destination.copyMemory(from: UnsafeRawBufferPointer(source))
            }
        }
    }

    /// Copies `bytes`, such as a decrypted vault record, without going through a `String`.
    ///
    /// - Parameter bytes: The secret; the caller wipes its own buffer.
    public convenience init(copying bytes: UnsafeRawBufferPointer) {
        self.init(count: bytes.count) { destination in
            destination.copyMemory(from: bytes)
        }
    }

    private init(count: Int, fill: (UnsafeMutableRawBufferPointer) -> Void) {
        self.count = count
        storage = .allocate(byteCount: count + 1, alignment: 1)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: count + 1)
        fill(UnsafeMutableRawBufferPointer(start: storage, count: count))
    }

    deinit {
        explicit_bzero(storage, count + 1)
        storage.deallocate()
    }

    /// Whether the secret has no bytes (an unknown auth token is stored as an empty one).
    public var isEmpty: Bool {
        count == 0
    }

    /// Overwrites the secret with zeros now, instead of when the last reference goes away.
    ///
    /// ``count`` stays the same; reading afterwards gives `count` zero bytes.
    public func wipe() {
        lock.withLock { _ in
            explicit_bzero(storage, count + 1)
        }
    }

    /// Calls `body` with the secret's bytes.
    ///
    /// - Parameter body: Reads the bytes; the buffer is valid only during the call. It must not
    ///   call back into this object (the bytes are locked while it runs).
    /// - Returns: What `body` returns.
    public func withUnsafeBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try lock.withLock { _ throws(Failure) -> Result in
            try body(UnsafeRawBufferPointer(start: storage, count: count))
        }
    }

    /// Calls `body` with the secret as a NUL-terminated C string, such as libcurl's
    /// `CURLOPT_PASSWORD` wants.
    ///
    /// A secret that holds a NUL byte reads as shorter in C; Twilio's secrets are printable text.
    ///
    /// - Parameter body: Reads the string; the pointer is valid only during the call. It must not
    ///   call back into this object.
    /// - Returns: What `body` returns.
    public func withCString<Result, Failure: Error>(
        _ body: (UnsafePointer<CChar>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try lock.withLock { _ throws(Failure) -> Result in
            try body(UnsafePointer(storage.assumingMemoryBound(to: CChar.self)))
        }
    }
}

extension SecretBytes: Equatable {
    /// Whether two secrets hold the same bytes, compared in time that depends only on their
    /// lengths, never on where they first differ.
    public static func == (lhs: SecretBytes, rhs: SecretBytes) -> Bool {
        guard lhs !== rhs else {
            return true
        }
        guard lhs.count == rhs.count else {
            return false
        }
        // Locked in address order, so that `a == b` and `b == a` on two threads cannot deadlock.
        let (first, second) = ObjectIdentifier(lhs) < ObjectIdentifier(rhs) ? (lhs, rhs) : (rhs, lhs)
        return first.withUnsafeBytes { left in
            second.withUnsafeBytes { right in
                var difference: UInt8 = 0
                for index in 0..<left.count {
                    difference |= left[index] ^ right[index]
                }
                return difference == 0
            }
        }
    }
}

extension SecretBytes: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `***`: the secret is never printed.
    public var description: String {
        "***"
    }

    /// `***`: the secret is never printed.
    public var debugDescription: String {
        description
    }

    /// A mirror with no children that prints as `***`, so `dump` shows nothing of the secret.
    public var customMirror: Mirror {
        Mirror(reflecting: description)
    }
}
