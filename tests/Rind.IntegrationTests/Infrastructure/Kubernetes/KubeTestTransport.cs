namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// The exec transport a Kubernetes test's cluster speaks unless the test says otherwise, from
/// RIND_TEST_KUBE_TRANSPORT: <c>websocket</c> (the default: v5 and v4, SPDY served too),
/// <c>websocket-v4</c> (an old cluster, <see cref="FakeClusterOptions.V4Only"/>) or <c>spdy</c>
/// (OpenShift's, <see cref="FakeClusterOptions.WebSocketRefused"/>).
/// </summary>
public static class KubeTestTransport
{
    public const string Variable = "RIND_TEST_KUBE_TRANSPORT";

    public static IReadOnlyList<string> Names { get; } = ["websocket", "websocket-v4", "spdy"];

    /// <summary>A cluster's options for this run's transport; a test adds its own with <c>with</c>.</summary>
    public static FakeClusterOptions Options() =>
        For(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } name ? name : "websocket")
        ?? throw new InvalidOperationException($"{Variable} must be one of {string.Join(", ", Names)}");

    /// <summary>A cluster's options for the transport named; null for a name that is none.</summary>
    public static FakeClusterOptions? For(string name) => name switch
    {
        "websocket" => new FakeClusterOptions(),
        "websocket-v4" => new FakeClusterOptions { V4Only = true },
        "spdy" => new FakeClusterOptions { WebSocketRefused = true },
        _ => null,
    };
}
