namespace Rind.Transport.Spdy;

/// <summary>One event of a SPDY connection, as <see cref="SpdyConnection.Receive"/> reports it.</summary>
/// <param name="Length">For data, the payload's length.</param>
/// <param name="IsFin">Whether the peer sends nothing more on the stream.</param>
/// <param name="Status">For a reset, its status code.</param>
internal readonly record struct SpdyReceived(SpdyReceivedKind Kind, int StreamId, int Length, bool IsFin, int Status)
{
    public static readonly SpdyReceived End = new(SpdyReceivedKind.End, 0, 0, IsFin: true, 0);
}
