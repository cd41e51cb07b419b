public import Foundation

extension Array where Element == FileHandle {
    /// Closes every handle, ignoring one already closed.
    ///
    /// For the files given to a child process as its standard streams: the child has its own
    /// copies once it runs, and Foundation's `Process` keeps the parent's alive after the child
    /// exits, so a test process that starts many children runs out of descriptors (and, past
    /// about 1,300 of them, meets the `/proc/self/fd` over-read of `Process.run()` in Swift 6.3.1,
    /// swift-corelibs-foundation#5472) unless it closes them itself.
    public func closeAll() {
        for handle in self {
            try? handle.close()
        }
    }
}
