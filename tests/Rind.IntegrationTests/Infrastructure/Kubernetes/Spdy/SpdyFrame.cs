namespace Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

/// <summary>One SPDY/3 frame as read: a control frame (its type) or a data frame (its stream), with flags and payload.</summary>
internal sealed record SpdyFrame(bool IsControl, ushort Type, uint StreamId, byte Flags, byte[] Payload)
{
    public bool IsFin => (Flags & SpdyFrameType.FlagFin) != 0;
}
