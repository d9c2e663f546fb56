using System.Diagnostics;
using System.Text;
using Rind.Diagnostics;
using Rind.Transport.Dialing;

namespace Rind.Docker.Dialing;

/// <summary>
/// The ssh client's stdout and stdin as one stream. When ssh ends with a failure, reading says so
/// with the last words ssh wrote to its stderr, which may hold what the remote host sent, so they are
/// kept with their control characters as escapes.
/// </summary>
internal sealed class SshProcessStream : Stream
{
    private const int KeptErrorLines = 5;

    private readonly Process _process;
    private readonly string _address;
    private readonly Queue<string> _errorLines = new();
    private readonly Stream _output;
    private readonly Stream _input;
    private int _disposed;

    public SshProcessStream(Process process, string address)
    {
        _process = process;
        _address = address;
        _output = process.StandardOutput.BaseStream;
        _input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, line) => KeepErrorLine(line.Data);
        process.BeginErrorReadLine();
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _output.Read(buffer);
        return read > 0 || buffer.IsEmpty ? read : EndOfOutput();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _output.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return read > 0 || buffer.IsEmpty ? read : EndOfOutput();
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    // ssh may have failed before the first request reached it; then its reason beats a broken pipe.
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            _input.Write(buffer);
        }
        catch (IOException) when (Failure() is { } failure)
        {
            throw failure;
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await _input.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            await _input.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (Failure() is { } failure)
        {
            throw failure;
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
        try
        {
            _input.Flush();
        }
        catch (IOException) when (Failure() is { } failure)
        {
            throw failure;
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => _input.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Ends what the remote end reads, as a half-close does on a socket.</summary>
    public void CloseInput()
    {
        try
        {
            _input.Close();
        }
        catch (IOException)
        {
            // ssh has gone already.
        }
    }

    /// <summary>Ends ssh at once, which ends any read or write waiting on it.</summary>
    public void Abort()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // ssh has ended already.
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            CloseInput();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(2)))
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The output ended: fine when ssh ended well, else ssh's reason.</summary>
    private int EndOfOutput() => Failure() is { } failure ? throw failure : 0;

    /// <summary>ssh's reason when it ended with a failure; null when it ended well or goes on running.</summary>
    private TransportException? Failure()
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5)) || _process.ExitCode == 0)
        {
            return null;
        }

        // The stderr reader may still be delivering ssh's last lines.
        _process.WaitForExit();
        string said;
        lock (_errorLines)
        {
            said = string.Join(' ', _errorLines);
        }

        var reason = new StringBuilder($"ssh to {_address} failed (exit code {_process.ExitCode})");
        reason.Append(said.Length > 0 ? $": {said}" : ": it said nothing; try ssh yourself to see why");
        return new TransportException(reason.ToString());
    }

    private void KeepErrorLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_errorLines)
        {
            _errorLines.Enqueue(UntrustedText.Show(line.Trim()));
            while (_errorLines.Count > KeptErrorLines)
            {
                _errorLines.Dequeue();
            }
        }
    }
}
