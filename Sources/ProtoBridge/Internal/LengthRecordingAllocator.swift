internal import CProtobufC
internal import Glibc

/// The allocator of every protobuf-c message this module builds or unpacks.
///
/// Each block starts with a 16-byte header that holds the size asked for, so the decoder
/// can learn a string's true length: protobuf-c allocates `length + 1` bytes for a string
/// field and NUL-terminates it, and an embedded U+0000 would otherwise cut the string short
/// without a trace. The header keeps malloc's 16-byte alignment.
///
/// - Important: A message made with this allocator must be freed by
///   `protobuf_c_message_free_unpacked` with this allocator, never with the default one.
enum LengthRecordingAllocator {
    private static let headerSize = 16

    /// Allocates `size` bytes, or returns `nil` when memory ran out.
    static func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let (total, overflow) = size.addingReportingOverflow(headerSize)
        guard !overflow, let block = malloc(total) else {
            return nil
        }
        block.storeBytes(of: size, as: Int.self)
        return block + headerSize
    }

    /// Allocates `size` zeroed bytes for the encoder, which cannot go on without them.
    static func allocateZeroed(_ size: Int) -> UnsafeMutableRawPointer {
        guard let block = allocate(size) else {
            fatalError("Out of memory while encoding a Protobuf message of \(size) bytes.")
        }
        memset(block, 0, size)
        return block
    }

    /// Frees a block from ``allocate(_:)``; `nil` is ignored.
    static func deallocate(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer else {
            return
        }
        free(pointer - headerSize)
    }

    /// The size that was asked for when the block at `pointer` was allocated.
    static func requestedSize(of pointer: UnsafeRawPointer) -> Int {
        (pointer - headerSize).load(as: Int.self)
    }

    /// Calls `body` with a protobuf-c allocator that uses these functions.
    static func withAllocator<Result>(
        _ body: (UnsafeMutablePointer<ProtobufCAllocator>) throws -> Result
    ) rethrows -> Result {
        var allocator = ProtobufCAllocator(
            alloc: { _, size in LengthRecordingAllocator.allocate(size) },
            free: { _, pointer in LengthRecordingAllocator.deallocate(pointer) },
            allocator_data: nil
        )
        return try withUnsafeMutablePointer(to: &allocator, body)
    }
}
