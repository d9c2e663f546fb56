namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>The remote-command protocols the kubelet speaks over SPDY/3.1 (X-Stream-Protocol-Version), and which one a request gets.</summary>
internal static class ExecStreamProtocols
{
    /// <summary>The error stream carries a Status, with the exit code.</summary>
    public const string V4 = "v4.channel.k8s.io";

    /// <summary>v2 with a resize stream; the error stream carries plain text.</summary>
    public const string V3 = "v3.channel.k8s.io";

    public const string V2 = "v2.channel.k8s.io";

    public const string V1 = "channel.k8s.io";

    public static IReadOnlyList<string> Supported { get; } = [V4, V3, V2, V1];

    /// <summary>The first the client offers that the server knows, as the kubelet's handshake chooses; null when none.</summary>
    public static string? Choose(IReadOnlyList<string> offered) => offered.FirstOrDefault(Supported.Contains);

    /// <summary>Whether a terminal's size comes on a resize stream of its own.</summary>
    public static bool HasResizeStream(string protocol) => protocol is V4 or V3;
}
