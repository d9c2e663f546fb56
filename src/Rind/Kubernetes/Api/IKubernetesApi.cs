
namespace Rind.Kubernetes.Api;

/// <summary>The calls rind makes to a cluster's API server. Every call blocks until it is done.</summary>
internal interface IKubernetesApi : IDisposable
{
    /// <summary>The pods of <paramref name="ns"/> that match <paramref name="labelSelector"/>, in one request.</summary>
    /// <exception cref="RindException">The server cannot be reached or refused the request, said in one line.</exception>
    IReadOnlyList<PodSummary> ListPods(string ns, string labelSelector);

    /// <summary>The names of the namespaces the user may list, in one request.</summary>
    /// <exception cref="RindException">The server cannot be reached or refused the request, said in one line.</exception>
    IReadOnlyList<string> ListNamespaces();

    /// <summary>Starts a command in a pod's container, its streams open (a <see cref="KubernetesExecProcess"/>).</summary>
    /// <exception cref="RindException">The server cannot be reached or refused the exec, said in one line.</exception>
    IPodExecProcess OpenExec(PodExecRequest request);
}
