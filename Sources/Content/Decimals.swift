extension Double {
    /// The number with `places` digits after the point, as C's "%.2f" writes
    /// it (ties to even), without Foundation's String(format:).
    public func fixed(_ places: Int) -> String {
        guard isFinite else { return "\(self)" }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (magnitude * Double(scale)).rounded(.toNearestOrEven)
        guard scaled < Double(Int.max / 10) else { return "\(self)" }
        let whole = Int(scaled)
        var text = String(whole / scale)
        if places > 0 {
            let fraction = String(whole % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return sign == .minus ? "-" + text : text
    }
}
