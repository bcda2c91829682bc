package import VeilCore

/// The people the records of one input hand on to the records after them: those named before a
/// record in its block of the input (``DocumentContext/recordBlockSize`` bytes; a record belongs to
/// the block its first byte is in). What a record links to depends on its input's bytes before
/// it in that block and nothing else — not on the files or records before that — so an input cut
/// at block boundaries into parts (the partitions of a Spark job) gives, part by part, the output
/// of the whole.
package struct RecordLinks {
    package let blockSize: Int
    private var block = -1
    private var context = DocumentContext()

    package init(blockSize: Int) { self.blockSize = blockSize }

    /// Runs `settle` on `record` in its context (a new one when it starts a block).
    package mutating func settling<T>(_ record: SourceRecord, _ settle: (inout DocumentContext) throws -> T) rethrows -> T {
        let recordBlock = record.offset / blockSize
        if recordBlock != block {
            block = recordBlock
            context = DocumentContext()
        }
        return try settle(&context)
    }
}
