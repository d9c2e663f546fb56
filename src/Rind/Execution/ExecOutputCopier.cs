using System.Text;
using Rind.Platform;
using Rind.Streams;

namespace Rind.Execution;

/// <summary>
/// Copies a command's output to rind's stdout and stderr as it arrives. The one exception: a piece
/// of output that opens with one of the engine's notices is held back, with the engine's errors that
/// follow it, until other output follows or the exec's end shows whether it was the engine's or the
/// command's.
/// </summary>
/// <remarks>
/// Notices arrive in writes of their own, so they open a frame, or, with a terminal, a read.
/// </remarks>
internal sealed class ExecOutputCopier(IStandardStreams streams)
{
    private const int BufferSize = 64 * 1024;

    private readonly List<(StreamKind Kind, byte[] Bytes)> _held = [];

    /// <summary>The first of the last pieces of output, when they were held back as a possible notice of the engine's.</summary>
    public string? HeldNotice => _held.Count == 0 ? null : Encoding.UTF8.GetString(_held[0].Bytes);

    /// <summary>Why writing to rind's stdout failed, once it has.</summary>
    public IOException? StdoutFailure { get; private set; }

    /// <summary>Copies until the output ends, blocking on every read and write.</summary>
    /// <returns>false when writing to rind's stdout failed before the output ended.</returns>
    public bool Copy(IChunkReader reader)
    {
        var buffer = new byte[BufferSize];
        while (true)
        {
            MultiplexedChunk chunk;
            try
            {
                chunk = reader.Read(buffer);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                throw new RindException($"the connection to the engine broke off: {exception.Message}", innerException: exception);
            }

            if (chunk.IsEnd)
            {
                return true;
            }

            var bytes = buffer.AsSpan(0, chunk.Length);
            if (_held.Count > 0 && EngineNotices.MayContinueWith(bytes))
            {
                _held.Add((chunk.Kind, bytes.ToArray()));
                continue;
            }

            if (!ReleaseHeld())
            {
                return false;
            }

            if (EngineNotices.MayOpenWith(chunk.Kind, bytes))
            {
                _held.Add((chunk.Kind, bytes.ToArray()));
            }
            else if (!Write(chunk.Kind, bytes))
            {
                return false;
            }
        }
    }

    /// <summary>Writes held-back output after all, once it proved to be the command's own.</summary>
    /// <returns>false when writing to rind's stdout failed.</returns>
    public bool ReleaseHeld()
    {
        var held = _held.ToArray();
        _held.Clear();
        foreach (var (kind, bytes) in held)
        {
            if (!Write(kind, bytes))
            {
                return false;
            }
        }

        return true;
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
        catch (IOException failure)
        {
            StdoutFailure = failure;
            return false;
        }
    }
}
