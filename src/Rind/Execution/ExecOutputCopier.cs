using System.Text;
using Rind.Platform;
using Rind.Streams;

namespace Rind.Execution;

/// <summary>
/// Copies a command's multiplexed output to rind's stdout and stderr as it arrives. The one exception:
/// output that opens with the engine's failure-to-start message is held back until the exec's end
/// shows whether the command ran at all.
/// </summary>
internal sealed class ExecOutputCopier(IStandardStreams streams)
{
    private const int BufferSize = 64 * 1024;

    private static readonly byte[] StartFailurePrefix = Encoding.ASCII.GetBytes(ExecStartFailure.EngineMessagePrefix);

    private byte[]? _held;
    private bool _anyOutput;

    /// <summary>The engine's message, when the only output was one that says the command could not start.</summary>
    public string? HeldStartFailure => _held is null ? null : Encoding.UTF8.GetString(_held);

    /// <returns>false when the reader of rind's stdout went away before the output ended.</returns>
    public async Task<bool> CopyAsync(Stream source, CancellationToken cancellationToken)
    {
        var reader = new MultiplexedStreamReader(source);
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

            var bytes = buffer.AsSpan(0, chunk.Length);
            if (!_anyOutput && chunk.Kind != StreamKind.Stderr && bytes.StartsWith(StartFailurePrefix))
            {
                _anyOutput = true;
                _held = bytes.ToArray();
                continue;
            }

            _anyOutput = true;
            if (!ReleaseHeld() || !Write(chunk.Kind, bytes))
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
