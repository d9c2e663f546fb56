namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>What <c>fake-cluster</c> is told on its command line.</summary>
/// <param name="KubeconfigPath">Where it writes the kubeconfig for its cluster.</param>
/// <param name="PodName">The name of its one pod, labelled app.rind.</param>
public sealed record FakeClusterProcessOptions(string KubeconfigPath, string PodName)
{
    public const string Usage = "--kubeconfig PATH [--pod NAME]";

    public const string DefaultPodName = "app-0";

    /// <summary>The options of <paramref name="arguments"/>, or why they are none.</summary>
    public static (FakeClusterProcessOptions? Options, string? Error) Parse(IReadOnlyList<string> arguments)
    {
        string? kubeconfig = null;
        var pod = DefaultPodName;
        for (var i = 0; i < arguments.Count; i += 2)
        {
            if (i + 1 >= arguments.Count)
            {
                return (null, $"{arguments[i]} needs a value");
            }

            switch (arguments[i])
            {
                case "--kubeconfig":
                    kubeconfig = arguments[i + 1];
                    break;
                case "--pod":
                    pod = arguments[i + 1];
                    break;
                default:
                    return (null, $"unknown argument '{arguments[i]}'");
            }
        }

        return kubeconfig is null ? (null, "--kubeconfig PATH is needed") : (new FakeClusterProcessOptions(kubeconfig, pod), null);
    }
}
