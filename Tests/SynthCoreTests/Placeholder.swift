// SynthCoreTests
