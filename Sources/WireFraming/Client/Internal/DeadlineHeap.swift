/// The deadlines of a channel's calls, earliest first, so one timer can serve them all.
///
/// A min-heap; entries of calls that ended stay until they expire or ``compact(keeping:)``
/// drops them, which the channel does once they outnumber the live ones.
struct DeadlineHeap<Element: AnyObject> {
    private var entries: [(deadline: ContinuousClock.Instant, element: Element)] = []

    /// The number of entries, ended calls included.
    var count: Int {
        entries.count
    }

    /// The earliest deadline, if any.
    var earliest: ContinuousClock.Instant? {
        entries.first?.deadline
    }

    /// Adds an entry.
    mutating func insert(_ element: Element, deadline: ContinuousClock.Instant) {
        entries.append((deadline, element))
        siftUp(entries.count - 1)
    }

    /// Removes and returns every element whose deadline is at or before `now`, earliest first.
    mutating func popExpired(at now: ContinuousClock.Instant) -> [Element] {
        var expired: [Element] = []
        while let first = entries.first, first.deadline <= now {
            expired.append(first.element)
            entries.swapAt(0, entries.count - 1)
            entries.removeLast()
            siftDown(0)
        }
        return expired
    }

    /// Keeps only the entries whose element passes `isLive`.
    mutating func compact(keeping isLive: (Element) -> Bool) {
        entries.removeAll { !isLive($0.element) }
        for index in stride(from: entries.count / 2 - 1, through: 0, by: -1) {
            siftDown(index)
        }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].deadline < entries[parent].deadline else {
                return
            }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < entries.count && entries[left].deadline < entries[smallest].deadline {
                smallest = left
            }
            if right < entries.count && entries[right].deadline < entries[smallest].deadline {
                smallest = right
            }
            guard smallest != parent else {
                return
            }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
