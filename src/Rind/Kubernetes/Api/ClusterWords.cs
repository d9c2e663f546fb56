using Rind.Transport.Dialing;
using Rind.Transport.Http;

namespace Rind.Kubernetes.Api;

/// <summary>
/// How a call to the API server that failed on its way is told: the cluster named by its address, the call by
/// what it asked for ("the list of pods in namespace default", "the exec in pod web-0"). The cluster's dialer
/// says only what went wrong, so its words follow the cluster's name and the call's.
/// </summary>
/// <param name="server">The API server's address, as the kubeconfig gives it.</param>
internal sealed class ClusterWords(Uri server) : ServerWords($"the cluster at {server.GetLeftPart(UriPartial.Authority)}", "the cluster")
{
    public override string Response(string call) => call;

    public override string Unreachable(string call, TransportException failure) => $"cannot reach {Name} for {call}: {failure.Message}";

    public override string BrokeOff(string call, string why, bool cutShort) => $"{Name} broke off {call}: {why}";

    public override string Garbled(string call, string why) => BrokeOff(call, why, cutShort: false);

    public override string Unreadable(string call, string why) => $"{Name} gave {call} in a form rind cannot read ({why})";
}
