// TEMPORARY STUB until the output stage lands.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] { items.map(transform) }
