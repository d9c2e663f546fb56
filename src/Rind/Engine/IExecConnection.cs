namespace Rind.Engine;

/// <summary>
/// The connection of a started exec: the command's output arrives on <see cref="Stream"/>, and what is
/// written to it reaches the command's stdin.
/// </summary>
internal interface IExecConnection : IAsyncDisposable
{
    Stream Stream { get; }

    /// <summary>Tells the command its stdin has ended, while its output keeps arriving.</summary>
    ValueTask CloseInputAsync();
}
