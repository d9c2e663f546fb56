using Microsoft.Extensions.Logging;

namespace Rind.Diagnostics;

/// <summary>
/// One line per message, prefixed so it cannot be mistaken for the command's own stderr. Messages carry
/// names, labels and ids from the engine, so each is shown whole on one line with its control characters as escapes.
/// </summary>
internal sealed class StderrLogger(TextWriter stderr) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = $"rind: {UntrustedText.Show(formatter(state, exception), maxLength: int.MaxValue)}\n";
        lock (stderr)
        {
            stderr.Write(line);
            stderr.Flush();
        }
    }
}
