namespace Rind.Engine.Transport;

/// <summary>
/// The way to the engine failed, with a message that says what rind tried and what to do.
/// </summary>
internal sealed class EngineTransportException(string message, Exception? innerException = null)
    : IOException(message, innerException);
