namespace Rind.Transport.Dialing;

/// <summary>
/// Opens connections to one server, over whatever carries them.
/// </summary>
/// <remarks>
/// rind's connections block: reading and writing them is one system call each, and a command's output
/// is copied on a thread of its own. .NET's asynchronous sockets would instead hand every piece from
/// the thread that polls the sockets to another, which costs more than the copy itself; and a socket
/// used asynchronously once stays so, so even the connecting is done blocking.
/// </remarks>
internal interface IDialer
{
    /// <param name="deadline">When connecting must have succeeded.</param>
    /// <exception cref="TransportException">The server cannot be reached; the message says why.</exception>
    /// <exception cref="CallTimeoutException">The deadline passed before the connection was made.</exception>
    DialedConnection Dial(RequestDeadline deadline);

    /// <summary>What may explain a connection the server drops without a word, if the dialer knows.</summary>
    string? FailureHint => null;
}
