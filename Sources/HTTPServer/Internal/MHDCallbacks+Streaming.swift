internal import CMicroHTTPD

extension MHDCallbacks {
    /// libmicrohttpd asks for the next bytes of a streaming body; `cls` is its ``ResponseStream``.
    static let readStream: MHD_ContentReaderCallback = { cls, _, buffer, max in
        guard let cls, let buffer else {
            return CMicroHTTPD_content_reader_end_with_error
        }
        let stream = Unmanaged<ResponseStream>.fromOpaque(cls).takeUnretainedValue()
        return stream.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: max))
    }

    /// libmicrohttpd is done with a streaming response: releases the retain taken when it was made.
    static let releaseStream: MHD_ContentReaderFreeCallback = { cls in
        guard let cls else {
            return
        }
        Unmanaged<ResponseStream>.fromOpaque(cls).release()
    }
}
