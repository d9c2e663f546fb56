using System.Runtime.InteropServices;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

/// <summary>
/// The peer's header compression read back: one zlib stream for the whole connection, which asks
/// for SPDY's dictionary at its start (zlib checks the peer's DICTID against it).
/// </summary>
internal sealed unsafe class SpdyHeaderDecompressor : IDisposable
{
    private readonly ZStream* _stream;

    public SpdyHeaderDecompressor()
    {
        _stream = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
        var result = ZlibNativeMethods.InflateInit(_stream, ZlibNativeMethods.Version(), sizeof(ZStream));
        if (result != ZlibNativeMethods.Ok)
        {
            throw new InvalidOperationException($"inflateInit failed ({result})");
        }
    }

    /// <summary>The header block of one frame; <see cref="InvalidDataException"/> when it is not SPDY/3's zlib.</summary>
    public byte[] Decompress(ReadOnlySpan<byte> compressed)
    {
        var output = new byte[Math.Max(256, compressed.Length * 4)];
        var written = 0;
        fixed (byte* input = compressed)
        {
            _stream->NextIn = (nint)input;
            _stream->AvailIn = (uint)compressed.Length;
            while (true)
            {
                if (written == output.Length)
                {
                    Array.Resize(ref output, output.Length * 2);
                }

                int result;
                fixed (byte* into = output)
                {
                    _stream->NextOut = (nint)(into + written);
                    _stream->AvailOut = (uint)(output.Length - written);
                    result = ZlibNativeMethods.Inflate(_stream, ZlibNativeMethods.SyncFlush);
                    written = output.Length - (int)_stream->AvailOut;
                    if (result == ZlibNativeMethods.NeedDictionary)
                    {
                        fixed (byte* dictionary = SpdyHeaderDictionary.Bytes)
                        {
                            result = ZlibNativeMethods.InflateSetDictionary(_stream, dictionary, (uint)SpdyHeaderDictionary.Bytes.Length);
                        }

                        if (result != ZlibNativeMethods.Ok)
                        {
                            throw new InvalidDataException($"the header block's zlib dictionary is not SPDY/3's ({result})");
                        }

                        continue;
                    }
                }

                if (result is not (ZlibNativeMethods.Ok or ZlibNativeMethods.BufferError or ZlibNativeMethods.StreamEnd))
                {
                    throw new InvalidDataException($"the header block is not valid zlib ({result})");
                }

                if (_stream->AvailIn == 0 && written < output.Length)
                {
                    return output[..written];
                }

                if (result == ZlibNativeMethods.BufferError && written < output.Length)
                {
                    throw new InvalidDataException("the header block ends in the middle of its zlib data");
                }
            }
        }
    }

    public void Dispose()
    {
        ZlibNativeMethods.InflateEnd(_stream);
        NativeMemory.Free(_stream);
    }
}
