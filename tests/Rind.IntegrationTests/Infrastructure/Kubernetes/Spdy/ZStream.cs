using System.Runtime.InteropServices;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

/// <summary>zlib's z_stream as laid out on a 64-bit Unix (uLong is 64 bits there); it must not move while zlib holds it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ZStream
{
    public nint NextIn;
    public uint AvailIn;
    public nuint TotalIn;
    public nint NextOut;
    public uint AvailOut;
    public nuint TotalOut;
    public nint Message;
    public nint State;
    public nint Alloc;
    public nint Free;
    public nint Opaque;
    public int DataType;
    public nuint Adler;
    public nuint Reserved;
}
