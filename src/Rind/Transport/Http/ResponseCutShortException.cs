namespace Rind.Transport.Http;

/// <summary>
/// The connection ended before the response did; the message says where, in words fit for the user.
/// </summary>
internal sealed class ResponseCutShortException(string message) : IOException(message)
{
    /// <summary>Whether the server closed the connection before a byte of the response came: its callers name the server.</summary>
    public bool Unanswered { get; init; }
}
