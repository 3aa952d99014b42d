/// Finds the 1-based line of a position in a text.
struct LineTable {
    private var starts: [String.Index]

    init(_ text: String) {
        starts = [text.startIndex]
        var index = text.startIndex
        while let newline = text[index...].firstIndex(of: "\n") {
            index = text.index(after: newline)
            starts.append(index)
        }
    }

    func line(of position: String.Index) -> Int {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= position { low = middle } else { high = middle }
        }
        return low + 1
    }
}
