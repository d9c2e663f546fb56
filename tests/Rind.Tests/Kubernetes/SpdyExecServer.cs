using System.Buffers.Binary;
using System.Text;
using Rind.Tests.Transport.Spdy;
using Rind.Transport.Spdy;

namespace Rind.Tests.Kubernetes;

/// <summary>
/// The server's side of an exec over SPDY, by hand: it takes the client's streams (their headers are stored
/// blocks, readable as they are), accepts each, and then sends what a test scripts.
/// </summary>
internal sealed class SpdyExecServer(Stream stream)
{
    private bool _headersOpened;

    /// <summary>The client's streams by their streamtype, in the order opened.</summary>
    public Dictionary<string, int> Streams { get; } = [];

    public List<(int Stream, byte[] Payload, bool Fin)> DataReceived { get; } = [];

    /// <summary>Reads <paramref name="count"/> SYN_STREAMs and replies to each.</summary>
    public async Task AcceptAsync(int count)
    {
        while (Streams.Count < count)
        {
            var (head, payload) = await ReadFrameAsync();
            if (head.IsControl && head.Type == SpdyFrameType.SynStream)
            {
                var id = BinaryPrimitives.ReadInt32BigEndian(payload);
                var block = payload.AsSpan(10 + (Streams.Count == 0 ? 6 : 0) + 5).ToArray();
                var valueLength = BinaryPrimitives.ReadInt32BigEndian(block.AsSpan(4 + 4 + 10));
                Streams[Encoding.ASCII.GetString(block, 4 + 4 + 10 + 4, valueLength)] = id;
            }
        }

        foreach (var id in Streams.Values)
        {
            await SendAsync(SpdyServerBytes.SynReply(id, SpdyServerBytes.StoredBlock(!_headersOpened)));
            _headersOpened = true;
        }
    }

    /// <summary>Reads what the client sends until its stream <paramref name="type"/> ends.</summary>
    public async Task ReadUntilFinAsync(string type)
    {
        while (true)
        {
            var (head, payload) = await ReadFrameAsync();
            if (!head.IsControl)
            {
                DataReceived.Add((head.StreamId, payload, head.IsFin));
                if (head.IsFin && head.StreamId == Streams[type])
                {
                    return;
                }
            }
        }
    }

    public Task SendAsync(byte[] frame) => stream.WriteAsync(frame).AsTask();

    public Task DataAsync(string type, string text, bool fin = false) =>
        SendAsync(SpdyServerBytes.Data(Streams[type], Encoding.UTF8.GetBytes(text), fin));

    private async Task<(SpdyFrameHead Head, byte[] Payload)> ReadFrameAsync()
    {
        var headBytes = new byte[8];
        await stream.ReadExactlyAsync(headBytes);
        var head = SpdyFrameHead.Parse(headBytes);
        var payload = new byte[head.Length];
        await stream.ReadExactlyAsync(payload);
        return (head, payload);
    }
}
