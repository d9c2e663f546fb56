using Rind.Cli;

namespace Rind.Completion;

/// <summary>The names completion reads from configuration files rather than from a backend. Each call blocks.</summary>
internal interface ICompletionSources
{
    /// <summary>The Docker CLI's contexts, for --context.</summary>
    IReadOnlyList<string> DockerContexts();

    /// <summary>The kubeconfig's contexts, for --kube-context.</summary>
    IReadOnlyList<string> KubeContexts();
}
