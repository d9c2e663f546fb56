using System.IO.Pipes;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Rind.Platform;

namespace Rind.Tests.Platform;

public sealed class FileDescriptorStreamTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly string _directory = Directory.CreateTempSubdirectory("rind-fd-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_write_moves_the_shared_offset_so_the_next_writer_appends()
    {
        var path = Path.Combine(_directory, "log");
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write);

        new FileDescriptorStream(Descriptor(handle), FileAccess.Write).Write("rind\n"u8);
        new FileDescriptorStream(Descriptor(handle), FileAccess.Write).Write("next\n"u8);

        Assert.Equal("rind\nnext\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_read_moves_the_shared_offset_so_the_next_reader_goes_on_where_it_stopped()
    {
        var path = Path.Combine(_directory, "input");
        File.WriteAllText(path, "first second");
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        var buffer = new byte[64];

        var first = new FileDescriptorStream(Descriptor(handle), FileAccess.Read).Read(buffer, 0, 6);
        var rest = new FileDescriptorStream(Descriptor(handle), FileAccess.Read).Read(buffer, 6, 58);

        Assert.Equal("first ", Encoding.ASCII.GetString(buffer, 0, first));
        Assert.Equal("second", Encoding.ASCII.GetString(buffer, 6, rest));
    }

    [Fact]
    public void The_end_of_a_file_reads_as_zero_bytes()
    {
        var path = Path.Combine(_directory, "empty");
        File.WriteAllText(path, "");
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);

        var read = new FileDescriptorStream(Descriptor(handle), FileAccess.Read).Read(new byte[16]);

        Assert.Equal(0, read);
    }

    [Fact]
    public void Writing_to_a_pipe_nobody_reads_fails_with_an_IOException()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        pipe.DisposeLocalCopyOfClientHandle();
        var stream = new FileDescriptorStream(Descriptor(pipe.SafePipeHandle), FileAccess.Write);

        var failure = Assert.Throws<IOException>(() => stream.Write("lost"u8));

        Assert.Equal(32, failure.HResult);
    }

    [Fact]
    public void A_failed_write_carries_the_errno_and_the_systems_reason()
    {
        // Far above any descriptor the test process has open: EBADF, 9 on Linux and macOS alike.
        var stream = new FileDescriptorStream(999_999, FileAccess.Write);

        var failure = Assert.Throws<IOException>(() => stream.Write("lost"u8));

        Assert.Equal(9, failure.HResult);
        Assert.Equal("Bad file descriptor", failure.Message);
    }

    [Fact]
    public async Task A_non_blocking_descriptor_waits_for_input_instead_of_failing()
    {
        var (ours, theirs) = await ConnectedSocketsAsync();
        using (ours)
        using (theirs)
        {
            ours.Blocking = false;
            var stream = new FileDescriptorStream((int)ours.Handle, FileAccess.Read);
            var buffer = new byte[16];

            var reading = Task.Factory.StartNew(() => stream.Read(buffer), TaskCreationOptions.LongRunning);
            await Task.Delay(100);
            await theirs.SendAsync("late"u8.ToArray());
            var read = await reading.WaitAsync(Timeout);

            Assert.Equal("late", Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    [Fact]
    public async Task A_non_blocking_descriptor_waits_for_room_and_writes_every_byte_in_order()
    {
        var (ours, theirs) = await ConnectedSocketsAsync();
        using (ours)
        using (theirs)
        {
            ours.Blocking = false;
            var stream = new FileDescriptorStream((int)ours.Handle, FileAccess.Write);
            var sent = new byte[4 * 1024 * 1024];
            new Random(6).NextBytes(sent);

            // Far more than a socket buffer holds: the write has to wait for the reader more than once.
            var writing = Task.Factory.StartNew(() => stream.Write(sent), TaskCreationOptions.LongRunning);
            await Task.Delay(100);
            var received = new MemoryStream();
            var buffer = new byte[64 * 1024];
            while (received.Length < sent.Length)
            {
                var read = await theirs.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Timeout);
                received.Write(buffer, 0, read);
            }

            await writing.WaitAsync(Timeout);
            Assert.Equal(sent, received.ToArray());
        }
    }

    [Fact]
    public void A_closed_descriptor_opens_as_a_null_stream()
    {
        // Far above any descriptor the test process has open.
        var stream = FileDescriptorStream.OpenOrNull(999_999, FileAccess.Read);

        Assert.Same(Stream.Null, stream);
    }

    [Fact]
    public void An_open_descriptor_opens_as_a_stream_over_it()
    {
        var path = Path.Combine(_directory, "open");
        File.WriteAllText(path, "here");
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        var buffer = new byte[16];

        var read = FileDescriptorStream.OpenOrNull(Descriptor(handle), FileAccess.Read).Read(buffer);

        Assert.Equal("here", Encoding.ASCII.GetString(buffer, 0, read));
    }

    private static int Descriptor(SafeHandle handle) => (int)handle.DangerousGetHandle();

    private async Task<(Socket Ours, Socket Theirs)> ConnectedSocketsAsync()
    {
        var endpoint = new UnixDomainSocketEndPoint(Path.Combine(_directory, "socket"));
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(endpoint);
        listener.Listen(1);
        var ours = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await ours.ConnectAsync(endpoint).WaitAsync(Timeout);
        var theirs = await listener.AcceptAsync().WaitAsync(Timeout);
        return (ours, theirs);
    }
}
