using Rind.Completion;
using Rind.Docker.Configuration;
using Rind.Kubernetes.Configuration;
using Rind.Platform;

namespace Rind;

/// <summary>The contexts of the Docker CLI's store and of the kubeconfig, read as a run reads them.</summary>
internal sealed class CompletionSources(IEnvironment environment) : ICompletionSources
{
    public IReadOnlyList<string> DockerContexts() =>
        DockerCliConfigReader.ConfigDirectory(environment) is { } folder ? DockerContextStore.Names(folder) : ["default"];

    public IReadOnlyList<string> KubeContexts() => [.. KubeconfigResolver.Merge(environment).Merged.Contexts.Keys];
}
