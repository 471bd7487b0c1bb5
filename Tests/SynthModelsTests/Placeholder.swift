// SynthModelsTests
