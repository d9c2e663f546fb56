namespace Rind.Kubernetes.Api;

/// <summary>
/// The remote-command protocols rind offers over SPDY, the preferred first: v4 tells the exit code in a
/// Status, v3 and v2 tell a failure as text, and channel.k8s.io, the first, cannot end a command's input.
/// </summary>
internal static class ExecStreamProtocol
{
    public const string V4 = "v4.channel.k8s.io";
    public const string V3 = "v3.channel.k8s.io";
    public const string V2 = "v2.channel.k8s.io";
    public const string V1 = "channel.k8s.io";

    public static readonly IReadOnlyList<string> Offered = [V4, V3, V2, V1];

    /// <summary>Whether the error stream carries a Status (v4) rather than a failure's text.</summary>
    public static bool HasStatus(string protocol) => protocol == V4;

    /// <summary>Whether a terminal's size can be sent (v3 and later).</summary>
    public static bool HasResize(string protocol) => protocol is V4 or V3;
}
