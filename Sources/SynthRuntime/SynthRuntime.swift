// SynthRuntime: the session, the interpreter and one file per command.
