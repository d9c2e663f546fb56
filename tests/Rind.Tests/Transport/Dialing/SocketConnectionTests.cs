using System.Net.Sockets;
using Rind.Transport.Dialing;

namespace Rind.Tests.Transport.Dialing;

public sealed class SocketConnectionTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rind-socket-");

    [Fact]
    public void An_address_that_cannot_be_reached_is_told_in_the_callers_words()
    {
        var missing = new UnixDomainSocketEndPoint(Path.Combine(_directory.FullName, "missing.sock"));
        using var deadline = new RequestDeadline(TimeSpan.FromSeconds(5));

        var failure = Assert.Throws<TransportException>(() =>
            SocketConnection.Connect(missing, deadline, exception => $"nobody listens there ({exception.SocketErrorCode})"));

        Assert.StartsWith("nobody listens there (", failure.Message, StringComparison.Ordinal);
        Assert.IsType<SocketException>(failure.InnerException);
    }

    [Fact]
    public void A_listening_socket_is_connected_and_its_sending_half_ends_alone()
    {
        var path = Path.Combine(_directory.FullName, "server.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen();
        using var deadline = new RequestDeadline(TimeSpan.FromSeconds(5));

        using var client = SocketConnection.Connect(new UnixDomainSocketEndPoint(path), deadline, _ => "unreachable");
        using var server = listener.Accept();
        client.Send("hi"u8);
        SocketConnection.CloseWrite(client);

        var received = new byte[8];
        var first = server.Receive(received);
        var atEnd = server.Receive(received.AsSpan(first));
        server.Send("back"u8);

        Assert.Equal("hi"u8.ToArray(), received[..first]);
        Assert.Equal(0, atEnd);
        Assert.Equal(4, client.Receive(received));
    }

    [Fact]
    public void Ending_the_sending_half_of_a_closed_socket_is_no_failure()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Dispose();

        SocketConnection.CloseWrite(socket);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
