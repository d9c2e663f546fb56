using Microsoft.Extensions.Logging;

namespace Rind.Diagnostics;

/// <summary>
/// Writes log lines to rind's stderr, so that stdout keeps only the command's output.
/// </summary>
internal sealed class StderrLoggerProvider(TextWriter stderr) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(stderr);

    public void Dispose()
    {
    }
}
