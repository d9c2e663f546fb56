using System.Diagnostics;
using System.Text;
using Rind.Backends;
using Rind.Docker;
using Rind.Execution;
using Rind.Tests.Fakes;

namespace Rind.Tests.Execution;

public sealed class ExecOutputCopierTests : IDisposable
{
    private const string NoticeLike = "OCI runtime exec failed: printed by the command\n";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly ExecState Running = new(Running: true, ExitCode: null, Pid: 4707);

    private static readonly ExecState EndedWithoutPid = new(Running: false, ExitCode: 126, Pid: 0);

    private readonly ScriptedChunkReader _reader = new();
    private readonly FakeStandardStreams _streams = new();

    public void Dispose() => _reader.Dispose();

    [Fact]
    public async Task Held_output_is_written_as_soon_as_the_engine_shows_the_command_runs()
    {
        var copier = new ExecOutputCopier(_streams, () => Running, EngineNotices.Instance);
        var copying = Start(copier);

        _reader.Send(StreamKind.Stdout, Encoding.UTF8.GetBytes(NoticeLike));
        _reader.Send(StreamKind.Stderr, "Error: one\n"u8.ToArray());
        await WaitUntilAsync(() => _streams.ErrorText == "Error: one\n");

        Assert.Equal(NoticeLike, _streams.OutputText);
        Assert.False(copying.IsCompleted);
        _reader.End();
        Assert.True(await copying.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Held_output_is_written_after_a_second_when_the_engine_cannot_tell()
    {
        var copier = new ExecOutputCopier(_streams, () => null, EngineNotices.Instance);
        var copying = Start(copier);
        var started = Stopwatch.StartNew();

        _reader.Send(StreamKind.Stdout, Encoding.UTF8.GetBytes(NoticeLike));
        await WaitUntilAsync(() => _streams.OutputText == NoticeLike);

        Assert.InRange(started.Elapsed, NoticeHold.MaxTime - TimeSpan.FromMilliseconds(100), Timeout);
        Assert.False(copying.IsCompleted);
        _reader.End();
        Assert.True(await copying.WaitAsync(Timeout));
    }

    [Fact]
    public async Task A_hold_grows_to_a_few_KiB_at_most_and_then_everything_is_written_in_order()
    {
        var copier = new ExecOutputCopier(_streams, () => EndedWithoutPid, EngineNotices.Instance);
        var copying = Start(copier);
        var errors = Enumerable.Range(0, 500).Select(line => $"Error: line {line}\n").ToArray();

        _reader.Send(StreamKind.Stdout, Encoding.UTF8.GetBytes(NoticeLike));
        foreach (var error in errors)
        {
            _reader.Send(StreamKind.Stderr, Encoding.UTF8.GetBytes(error));
        }

        await WaitUntilAsync(() => _streams.ErrorText.Length == errors.Sum(error => error.Length));

        Assert.Equal(string.Concat(errors), _streams.ErrorText);
        Assert.Equal(NoticeLike, _streams.OutputText);
        Assert.False(copying.IsCompleted);
        _reader.End();
        Assert.True(await copying.WaitAsync(Timeout));
    }

    [Fact]
    public async Task The_engines_notice_stays_held_to_the_end_when_nothing_runs()
    {
        const string notice = "OCI runtime exec failed: exec failed: unable to start container process: exec: \"nope\": executable file not found in $PATH: unknown\r\n";
        var asked = 0;
        var copier = new ExecOutputCopier(_streams, () =>
        {
            Interlocked.Increment(ref asked);
            return EndedWithoutPid;
        }, EngineNotices.Instance);
        var copying = Start(copier);

        _reader.Send(StreamKind.Stdout, Encoding.UTF8.GetBytes(notice));
        await WaitUntilAsync(() => Volatile.Read(ref asked) > 0);
        await Task.Delay(NoticeHold.MaxTime + TimeSpan.FromMilliseconds(200));
        _reader.End();

        Assert.True(await copying.WaitAsync(Timeout));
        Assert.Equal(notice, copier.HeldNotice);
        Assert.Empty(_streams.OutputBytes);
        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task Output_that_does_not_look_like_a_notice_is_written_without_asking_the_engine()
    {
        var copier = new ExecOutputCopier(_streams, () => throw new InvalidOperationException("the engine was asked"), EngineNotices.Instance);
        var copying = Start(copier);

        _reader.Send(StreamKind.Stdout, "plain output\n"u8.ToArray());
        _reader.Send(StreamKind.Stderr, "Error: the command's own\n"u8.ToArray());
        _reader.End();

        Assert.True(await copying.WaitAsync(Timeout));
        Assert.Equal("plain output\n", _streams.OutputText);
        Assert.Equal("Error: the command's own\n", _streams.ErrorText);
    }

    private Task<bool> Start(ExecOutputCopier copier) => Task.Factory.StartNew(() => copier.Copy(_reader), TaskCreationOptions.LongRunning);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Timeout, "the condition did not come true in time");
            await Task.Delay(10);
        }
    }
}
