// synth: command-line entry point.
print("synth")
