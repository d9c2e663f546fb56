using System.Text;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// How a process ended and what it wrote.
/// </summary>
public sealed record ProcessResult(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}
