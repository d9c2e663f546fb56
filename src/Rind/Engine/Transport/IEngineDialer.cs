namespace Rind.Engine.Transport;

/// <summary>
/// Opens connections to one engine, over whatever carries them.
/// </summary>
internal interface IEngineDialer
{
    /// <exception cref="EngineTransportException">The engine cannot be reached; the message says why.</exception>
    ValueTask<EngineConnection> DialAsync(CancellationToken cancellationToken);

    /// <summary>What may explain a connection the engine drops without a word, if the dialer knows.</summary>
    string? FailureHint => null;
}
