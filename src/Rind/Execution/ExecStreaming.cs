using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using Rind.Backends;

namespace Rind.Execution;

/// <summary>
/// Moves a command's bytes while it runs: rind's stdin to the command, its output to rind's stdout and
/// stderr. Input and output each get a thread of their own: plain blocking reads and writes are the
/// fastest way through, with no handing of every piece from thread to thread.
/// </summary>
internal sealed class ExecStreaming(IExecProcess process, ExecOutputCopier output)
{
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// Forwards input and copies output until the output ends, or until <paramref name="giveUp"/> is
    /// cancelled. The input's thread is not waited for: the command may end while rind's own stdin
    /// stays open, and rind must end with it.
    /// </summary>
    /// <returns>How the output ended.</returns>
    public StreamingEnd Run(Stream input, CancellationToken giveUp)
    {
        new Thread(() => ForwardInput(input)) { IsBackground = true, Name = "stdin" }.Start();

        using var done = new ManualResetEventSlim();
        Exception? failure = null;
        var copied = false;
        new Thread(() =>
        {
            try
            {
                copied = output.Copy(process.Output);
            }
            catch (Exception exception)
            {
                failure = exception;
            }
            finally
            {
                done.Set();
            }
        })
        { IsBackground = true, Name = "output" }.Start();

        if (WaitHandle.WaitAny([done.WaitHandle, giveUp.WaitHandle]) != 0 && !done.IsSet)
        {
            return StreamingEnd.GaveUp;
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return copied ? StreamingEnd.OutputEnded : StreamingEnd.StdoutFailed;
    }

    private void ForwardInput(Stream input)
    {
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                process.WriteInput(buffer.AsSpan(0, read));
            }

            process.CloseInput();
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            // The command has ended and the connection with it; nothing is waiting for more input.
        }
    }
}
