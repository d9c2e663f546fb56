using System.Text;
using Rind.Platform;
using Rind.Streams;

namespace Rind.Execution;

/// <summary>
/// Copies a command's output to rind's stdout and stderr as it arrives. The one exception: a piece
/// of output that opens with one of the engine's notices is held back until more output follows or
/// the exec's end shows whether it was the engine's or the command's.
/// </summary>
/// <remarks>
/// Notices arrive in writes of their own, so they open a frame, or, with a terminal, a read.
/// </remarks>
internal sealed class ExecOutputCopier(IStandardStreams streams)
{
    private const int BufferSize = 64 * 1024;

    private static readonly byte[][] NoticePrefixes = EngineNotices.All.Select(Encoding.ASCII.GetBytes).ToArray();

    private byte[]? _held;

    /// <summary>The last output, when it was held back as a possible notice of the engine's.</summary>
    public string? HeldNotice => _held is null ? null : Encoding.UTF8.GetString(_held);

    /// <returns>false when the reader of rind's stdout went away before the output ended.</returns>
    public async Task<bool> CopyAsync(IChunkReader reader, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        while (true)
        {
            MultiplexedChunk chunk;
            try
            {
                chunk = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                throw new RindException($"the connection to the engine broke off: {exception.Message}", innerException: exception);
            }

            if (chunk.IsEnd)
            {
                return true;
            }

            if (!ReleaseHeld())
            {
                return false;
            }

            var bytes = buffer.AsSpan(0, chunk.Length);
            if (chunk.Kind != StreamKind.Stderr && IsNotice(bytes))
            {
                _held = bytes.ToArray();
            }
            else if (!Write(chunk.Kind, bytes))
            {
                return false;
            }
        }
    }

    /// <summary>Writes held-back output after all, once it proved to be the command's own.</summary>
    /// <returns>false when the reader of rind's stdout went away.</returns>
    public bool ReleaseHeld()
    {
        if (_held is not { } held)
        {
            return true;
        }

        _held = null;
        return Write(StreamKind.Stdout, held);
    }

    private static bool IsNotice(ReadOnlySpan<byte> bytes)
    {
        foreach (var prefix in NoticePrefixes)
        {
            if (bytes.StartsWith(prefix))
            {
                return true;
            }
        }

        return false;
    }

    private bool Write(StreamKind kind, ReadOnlySpan<byte> bytes)
    {
        if (kind is StreamKind.Stderr or StreamKind.SystemError)
        {
            try
            {
                streams.Error.Write(bytes);
            }
            catch (IOException)
            {
                // Nobody reads rind's stderr any more; the command's stdout still matters.
            }

            return true;
        }

        try
        {
            streams.Output.Write(bytes);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
