namespace Rind.Transport.Spdy;

/// <summary>What <see cref="SpdyConnection.Receive"/> found next.</summary>
internal enum SpdyReceivedKind
{
    /// <summary>Data on a stream, its payload now to read (<see cref="SpdyConnection.ReadData"/>); a Fin may come with none.</summary>
    Data,

    /// <summary>The peer accepted a stream rind opened.</summary>
    Reply,

    /// <summary>The peer ended a stream abruptly; the status says why.</summary>
    Reset,

    /// <summary>The connection ended: nothing more comes.</summary>
    End,
}
