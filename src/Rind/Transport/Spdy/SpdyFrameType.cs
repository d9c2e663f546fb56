namespace Rind.Transport.Spdy;

/// <summary>The control frames of SPDY/3 (draft-mbelshe-httpbis-spdy-00, 2.6) and SPDY/3.1's window update.</summary>
internal enum SpdyFrameType : ushort
{
    SynStream = 1,
    SynReply = 2,
    RstStream = 3,
    Settings = 4,
    Ping = 6,
    GoAway = 7,
    Headers = 8,
    WindowUpdate = 9,
}
