namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>What <c>fake-cluster</c> is told on its command line.</summary>
/// <param name="KubeconfigPath">Where it writes the kubeconfig for its cluster.</param>
/// <param name="PodName">The name of its one pod, labelled app.rind.</param>
/// <param name="Transport">The exec transport its cluster speaks, as <see cref="KubeTestTransport.For"/> names them.</param>
public sealed record FakeClusterProcessOptions(string KubeconfigPath, string PodName, string Transport = "websocket")
{
    public const string Usage = "--kubeconfig PATH [--pod NAME] [--transport websocket|websocket-v4|spdy]";

    public const string DefaultPodName = "app-0";

    /// <summary>The options of <paramref name="arguments"/>, or why they are none.</summary>
    public static (FakeClusterProcessOptions? Options, string? Error) Parse(IReadOnlyList<string> arguments)
    {
        string? kubeconfig = null;
        var pod = DefaultPodName;
        var transport = "websocket";
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
                case "--transport" when KubeTestTransport.For(arguments[i + 1]) is not null:
                    transport = arguments[i + 1];
                    break;
                case "--transport":
                    return (null, $"--transport must be one of {string.Join(", ", KubeTestTransport.Names)}");
                default:
                    return (null, $"unknown argument '{arguments[i]}'");
            }
        }

        return kubeconfig is null ? (null, "--kubeconfig PATH is needed") : (new FakeClusterProcessOptions(kubeconfig, pod, transport), null);
    }
}
