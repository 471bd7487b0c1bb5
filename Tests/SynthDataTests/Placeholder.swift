// SynthDataTests
