using System.Runtime.InteropServices;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

/// <summary>
/// One direction's header compression: a single zlib stream with SPDY's dictionary for the whole
/// connection, each header block ended by a sync flush so that the peer can read it at once.
/// </summary>
internal sealed unsafe class SpdyHeaderCompressor : IDisposable
{
    private readonly ZStream* _stream;

    public SpdyHeaderCompressor()
    {
        _stream = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
        Check(ZlibNativeMethods.DeflateInit(_stream, ZlibNativeMethods.BestCompression, ZlibNativeMethods.Version(), sizeof(ZStream)), "deflateInit");
        fixed (byte* dictionary = SpdyHeaderDictionary.Bytes)
        {
            Check(ZlibNativeMethods.DeflateSetDictionary(_stream, dictionary, (uint)SpdyHeaderDictionary.Bytes.Length), "deflateSetDictionary");
        }
    }

    public byte[] Compress(ReadOnlySpan<byte> block)
    {
        var output = new byte[block.Length + 64];
        var written = 0;
        fixed (byte* input = block)
        {
            _stream->NextIn = (nint)input;
            _stream->AvailIn = (uint)block.Length;
            while (true)
            {
                if (written == output.Length)
                {
                    Array.Resize(ref output, output.Length * 2);
                }

                fixed (byte* into = output)
                {
                    _stream->NextOut = (nint)(into + written);
                    _stream->AvailOut = (uint)(output.Length - written);
                    var result = ZlibNativeMethods.Deflate(_stream, ZlibNativeMethods.SyncFlush);
                    written = output.Length - (int)_stream->AvailOut;
                    if (result != ZlibNativeMethods.Ok && result != ZlibNativeMethods.BufferError)
                    {
                        throw new InvalidOperationException($"deflate failed ({result})");
                    }
                }

                // Done once the flush fitted: input taken and room left over.
                if (_stream->AvailIn == 0 && written < output.Length)
                {
                    return output[..written];
                }
            }
        }
    }

    public void Dispose()
    {
        ZlibNativeMethods.DeflateEnd(_stream);
        NativeMemory.Free(_stream);
    }

    private static void Check(int result, string call)
    {
        if (result != ZlibNativeMethods.Ok)
        {
            throw new InvalidOperationException($"{call} failed ({result})");
        }
    }
}
