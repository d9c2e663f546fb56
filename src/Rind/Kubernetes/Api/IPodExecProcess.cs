using Rind.Backends;

namespace Rind.Kubernetes.Api;

/// <summary>A command started through a pod's exec subresource, and what the protocol agreed for it can do.</summary>
internal interface IPodExecProcess : IExecProcess
{
    /// <summary>
    /// Whether the command can be told its input ended: v5.channel.k8s.io can, v4 (Kubernetes before
    /// 1.30, OpenShift 4.16 and older) cannot.
    /// </summary>
    bool CanCloseInput { get; }
}
