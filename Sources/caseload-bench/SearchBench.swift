import CaseloadCore

/// Full-text search over every note, through the store as `caseload note search` does it.
enum SearchBench {
    static func run(large: BenchCaseload, small: BenchCaseload, repetitions: Int) throws -> [Figure] {
        func median(_ caseload: BenchCaseload, _ text: String) -> Double {
            var samples = Samples()
            for _ in 0..<repetitions { samples.time { caseload.store.searchNotes(NoteSearchQuery(text: text)) } }
            return samples.median
        }
        // A first name (notes name people by first name) and a phrase that many notes share.
        let name = try large.store.participant(large.busiestParticipant).firstName
        let phrase = "sleep log"
        return [
            Figure(
                name: "Search: all notes for \"\(name)\" (median)", measured: median(large, name) / 1000,
                reference: median(small, name) / 1000, referenceName: "default demo", unit: "s", limit: 1, ratioLimit: nil),
            Figure(
                name: "Search: all notes for \"\(phrase)\" (median)", measured: median(large, phrase) / 1000,
                reference: median(small, phrase) / 1000, referenceName: "default demo", unit: "s", limit: 1, ratioLimit: nil),
        ]
    }
}
