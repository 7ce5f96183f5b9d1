/// The UTF-8 bytes of the scalars of `text` that `keep` keeps (it may replace them, for
/// example by lower-casing), with one `-` wherever a run of other scalars stood between
/// two kept ones: the shape of slugs and heading ids. `keep` is told whether nothing has
/// been kept yet.
@inlinable
public func dashJoined(_ text: String, keep: (Unicode.Scalar, _ atStart: Bool) -> Unicode.Scalar?) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingDash = false
    for scalar in text.unicodeScalars {
        if let kept = keep(scalar, out.isEmpty) {
            if pendingDash, !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            out.appendUTF8(kept)
        } else {
            pendingDash = true
        }
    }
    return out
}
