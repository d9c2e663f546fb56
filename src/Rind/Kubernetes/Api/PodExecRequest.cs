using System.Text;

namespace Rind.Kubernetes.Api;

/// <summary>One exec in a pod's container, as the exec subresource takes it.</summary>
/// <param name="Container">The container; null for the pod's only (or default) one.</param>
/// <param name="Command">The argv, each word a parameter of its own: never split again.</param>
/// <param name="Stdin">Whether the command gets rind's input.</param>
/// <param name="Tty">Whether the command gets a terminal; its stderr then goes with stdout.</param>
internal sealed record PodExecRequest(string Namespace, string Pod, string? Container, IReadOnlyList<string> Command, bool Stdin, bool Tty)
{
    /// <summary>
    /// Whether the command's input must be endable: a WebSocket that speaks only v4 then gives way to SPDY, as
    /// kubectl's would not (it offers only v5 over WebSocket).
    /// </summary>
    public bool NeedsInputEnd { get; init; }

    /// <summary>What the request is, for messages.</summary>
    public string Description => $"the exec in pod {Pod}";

    public string PathAndQuery
    {
        get
        {
            var target = new StringBuilder()
                .Append("/api/v1/namespaces/").Append(Uri.EscapeDataString(Namespace))
                .Append("/pods/").Append(Uri.EscapeDataString(Pod))
                .Append("/exec?");
            if (Container is not null)
            {
                target.Append("container=").Append(Uri.EscapeDataString(Container)).Append('&');
            }

            foreach (var word in Command)
            {
                target.Append("command=").Append(Uri.EscapeDataString(word)).Append('&');
            }

            return target
                .Append("stdin=").Append(Stdin ? "true" : "false")
                .Append("&stdout=true")
                .Append("&stderr=").Append(Tty ? "false" : "true")
                .Append("&tty=").Append(Tty ? "true" : "false")
                .ToString();
        }
    }
}
