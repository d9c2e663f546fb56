namespace Rind.Engine.Transport;

/// <summary>
/// Opens connections to one engine, over whatever carries them.
/// </summary>
/// <remarks>
/// rind's connections block: reading and writing them is one system call each, and a command's output
/// is copied on a thread of its own. .NET's asynchronous sockets would instead hand every piece from
/// the thread that polls the sockets to another, which costs more than the copy itself; and a socket
/// used asynchronously once stays so, so even the connecting is done blocking.
/// </remarks>
internal interface IEngineDialer
{
    /// <param name="deadline">When connecting must have succeeded.</param>
    /// <exception cref="EngineTransportException">The engine cannot be reached; the message says why.</exception>
    /// <exception cref="EngineTimeoutException">The deadline passed before the connection was made.</exception>
    EngineConnection Dial(RequestDeadline deadline);

    /// <summary>What may explain a connection the engine drops without a word, if the dialer knows.</summary>
    string? FailureHint => null;
}
