namespace Rind.Kubernetes.Api;

/// <summary>How an exec's connection ended.</summary>
internal enum ExecConnectionEnd
{
    /// <summary>Not yet, or the server closed it.</summary>
    Closed,

    /// <summary>It broke off.</summary>
    Broken,

    /// <summary>Nothing came on it, not even the response to a ping, for longer than rind waits.</summary>
    Silent,
}
