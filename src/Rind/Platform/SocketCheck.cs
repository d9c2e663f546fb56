namespace Rind.Platform;

/// <summary>What was found where an engine's socket may be.</summary>
/// <param name="IsSocket">Whether a socket is there, whether or not rind may connect to it.</param>
/// <param name="WhyNotUsable">null when rind may connect to it; otherwise why not, as "it does not exist".</param>
internal sealed record SocketCheck(bool IsSocket, string? WhyNotUsable)
{
    public static SocketCheck Usable { get; } = new(true, null);
}
