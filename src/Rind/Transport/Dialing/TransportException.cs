namespace Rind.Transport.Dialing;

/// <summary>
/// The way to the server failed, with a message that says what rind tried and what to do.
/// </summary>
internal sealed class TransportException(string message, Exception? innerException = null)
    : IOException(message, innerException);
