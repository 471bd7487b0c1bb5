// Tests of MemoryBudget: limits read from the machine, refusals of impossible requests.
// (Cancellation is process-wide, so it is tested through real processes: CLITests, REPLTests.)

import Testing
@testable import SynthCore

struct MemoryBudgetTests {
    @Test func sizesAreWrittenInPowersOf1024() {
        #expect(MemoryBudget.format(512) == "512 bytes")
        #expect(MemoryBudget.format(1536) == "1.5 KB")
        #expect(MemoryBudget.format(37 * 1024 * 1024 * 1024) == "37 GB")
        #expect(MemoryBudget.format(24 * 1024 * 1024 * 1024 + 1) == "24 GB")
    }

    @Test func theLimitIsNeverAboveThePhysicalMemory() {
        let limit = MemoryBudget.limit()
        #expect(limit.bytes > 0)
        #expect(MemoryBudget.available() <= limit.bytes)
    }

    @Test func aRequestBeyondTheLimitIsRefusedWithTheEstimate() {
        // Run
        var refusal: MemoryShortage?
        do { try MemoryBudget.check(1 << 60) } catch let error as MemoryShortage { refusal = error } catch {}
        // Assert
        #expect(refusal?.needed == 1 << 60)
        #expect(refusal?.description.hasPrefix("needs about 1024 PB; ") == true)
        #expect((try? MemoryBudget.check(1 << 20)) != nil)
    }
}
