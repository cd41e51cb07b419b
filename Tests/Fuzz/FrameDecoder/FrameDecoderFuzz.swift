// libFuzzer target for WireFraming's FrameDecoder and payload decoders, built by scripts/fuzz.
//
// The first input byte picks the chunk size the rest is fed in, so one input also checks that
// decoding does not depend on how reads split the stream. Each frame's payload goes through the
// decoder of its type, and whatever decodes is encoded again and must decode to the same value.
internal import WireFraming

/// Decodes one fuzz input; traps (a crash for libFuzzer) when a round trip disagrees.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrameDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let first = input.first else {
        return 0
    }
    let chunkSize = Int(first % 16) + 1
    let stream = input.dropFirst()
    var decoder = FrameDecoder(maxPayloadLength: 4096, expectsPreface: first & 0x80 == 0)
    var start = stream.startIndex
    while start < stream.endIndex {
        let end = min(start + chunkSize, stream.endIndex)
        decoder.append(Array(stream[start..<end]))
        start = end
        while true {
            do throws(FramingError) {
                guard let event = try decoder.next() else {
                    break
                }
                if case .frame(let frame) = event {
                    checkPayload(frame)
                }
            } catch {
                return 0
            }
        }
    }
    _ = try? decoder.finish()
    return 0
}

private func checkPayload(_ frame: Frame) {
    switch frame.type {
    case .headers:
        roundTrip(frame.payload, HeadersPayload.init(decoding:)) { value, output throws(FramingError) in
            try value.encode(into: &output)
        }
    case .settings:
        roundTrip(frame.payload, SettingsPayload.init(decoding:)) { $0.encode(into: &$1) }
    case .trailers:
        roundTrip(frame.payload, TrailersPayload.init(decoding:)) { $0.encode(into: &$1) }
    case .ping:
        roundTrip(frame.payload, PingPayload.init(decoding:)) { $0.encode(into: &$1) }
    case .goAway:
        roundTrip(frame.payload, GoAwayPayload.init(decoding:)) { $0.encode(into: &$1) }
    case .cancel:
        let cancel = CancelPayload(decoding: frame.payload)
        var output: [UInt8] = []
        cancel.encode(into: &output)
        precondition(CancelPayload(decoding: output) == cancel, "CANCEL payload round trip changed the value")
    default:
        return
    }
}

private func roundTrip<Payload: Equatable>(
    _ payload: [UInt8],
    _ decode: ([UInt8]) throws(FramingError) -> Payload,
    _ encode: (Payload, inout [UInt8]) throws(FramingError) -> Void
) {
    do throws(FramingError) {
        let value = try decode(payload)
        var output: [UInt8] = []
        try encode(value, &output)
        let again = try decode(output)
        precondition(again == value, "\(Payload.self) round trip changed the value")
    } catch {
        return
    }
}
