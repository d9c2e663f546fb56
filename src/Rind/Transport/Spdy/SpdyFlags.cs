namespace Rind.Transport.Spdy;

/// <summary>The flags of SPDY frames that rind sets or reads.</summary>
internal static class SpdyFlags
{
    /// <summary>On data, SYN_STREAM, SYN_REPLY and HEADERS: the sender's last frame of the stream.</summary>
    public const byte Fin = 0x01;
}
