namespace Rind.Transport.Http;

/// <summary>
/// The connection ended before the response did; the message says where, in words fit for the user.
/// </summary>
internal sealed class ResponseCutShortException(string message) : IOException(message);
