using Rind.Transport.Dialing;

namespace Rind.Transport.Http;

/// <summary>
/// How a backend names its server and words a call that failed on its way, for <see cref="CallFailure"/>:
/// which failure is which is the transport's to tell, the words are the backend's.
/// </summary>
/// <param name="name">The server as messages name it: "the engine at unix:///var/run/docker.sock", "the cluster at https://api:6443".</param>
/// <param name="kind">The server once named, as in "the engine closed the connection without answering".</param>
internal abstract class ServerWords(string name, string kind)
{
    public string Name { get; } = name;

    public string Kind { get; } = kind;

    /// <summary>What the server sent in answer to a call, as "{server} sent … larger than 64 MiB" says it.</summary>
    public abstract string Response(string call);

    /// <summary>The server could not be reached, in the dialer's words (<paramref name="failure"/>'s message).</summary>
    public abstract string Unreachable(string call, TransportException failure);

    /// <summary>The connection broke, or ended before the response did.</summary>
    /// <param name="why">What happened, in words for the user.</param>
    /// <param name="cutShort">Whether the response was cut short, which is worth saying, where the system's words for a broken connection seldom are.</param>
    public abstract string BrokeOff(string call, string why, bool cutShort);

    /// <summary>The response is not HTTP rind reads.</summary>
    public abstract string Garbled(string call, string why);

    /// <summary>The response's body is not the JSON rind expects.</summary>
    public abstract string Unreadable(string call, string why);
}
