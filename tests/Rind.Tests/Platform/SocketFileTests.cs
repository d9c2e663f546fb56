using System.Net.Sockets;
using Rind.Platform;

namespace Rind.Tests.Platform;

public sealed class SocketFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rind-socket-file-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_listening_socket_may_be_used()
    {
        var path = Path.Combine(_folder.FullName, "engine.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));

        Assert.Equal(SocketCheck.Usable, SocketFile.Check(path));
    }

    [Fact]
    public void A_missing_path_does_not_exist()
    {
        Assert.Equal(new SocketCheck(false, "it does not exist"), SocketFile.Check(Path.Combine(_folder.FullName, "none", "engine.sock")));
    }

    [Fact]
    public void A_folder_is_not_a_socket()
    {
        var path = _folder.CreateSubdirectory("engine.sock").FullName;

        Assert.Equal(new SocketCheck(false, "it is a folder, not a socket"), SocketFile.Check(path));
    }

    [Fact]
    public void A_regular_file_is_not_a_socket()
    {
        var path = Path.Combine(_folder.FullName, "engine.sock");
        File.WriteAllText(path, "");

        Assert.Equal(new SocketCheck(false, "it is a regular file, not a socket"), SocketFile.Check(path));
    }
}
