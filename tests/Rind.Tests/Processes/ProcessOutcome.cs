namespace Rind.Tests.Processes;

/// <summary>How a program run by <see cref="ChildProcess"/> ended, and all it wrote.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Stdout, string Stderr);
