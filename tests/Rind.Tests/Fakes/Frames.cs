using System.Text;

namespace Rind.Tests.Fakes;

/// <summary>
/// Hand-built frames of the engine's multiplexed stream.
/// </summary>
internal static class Frames
{
    public static byte[] Stdout(string text) => Frame(1, Encoding.UTF8.GetBytes(text));

    public static byte[] Stderr(string text) => Frame(2, Encoding.UTF8.GetBytes(text));

    public static byte[] Frame(byte kind, byte[] payload)
    {
        var length = payload.Length;
        byte[] header = [kind, 0, 0, 0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length];
        return [.. header, .. payload];
    }

    public static byte[] Concat(params byte[][] frames) => frames.SelectMany(frame => frame).ToArray();
}
