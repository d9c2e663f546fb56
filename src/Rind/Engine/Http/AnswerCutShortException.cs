namespace Rind.Engine.Http;

/// <summary>
/// The connection ended before the answer did; the message says where, in words fit for the user.
/// </summary>
internal sealed class AnswerCutShortException(string message) : IOException(message);
