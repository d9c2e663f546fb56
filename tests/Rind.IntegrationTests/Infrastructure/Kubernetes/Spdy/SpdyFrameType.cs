namespace Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

/// <summary>SPDY/3's control frame types, and the flags the fake uses.</summary>
internal static class SpdyFrameType
{
    public const ushort SynStream = 1;
    public const ushort SynReply = 2;
    public const ushort RstStream = 3;
    public const ushort Settings = 4;
    public const ushort Ping = 6;
    public const ushort GoAway = 7;
    public const ushort Headers = 8;
    public const ushort WindowUpdate = 9;

    /// <summary>On a data frame, SYN_STREAM or SYN_REPLY: the sender is done with the stream.</summary>
    public const byte FlagFin = 1;

    /// <summary>RST_STREAM's status for a stream its sender gives up.</summary>
    public const uint Cancel = 5;

    /// <summary>SETTINGS' id for the initial window of every stream.</summary>
    public const uint InitialWindowSize = 7;
}
