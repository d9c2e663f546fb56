using System.Diagnostics;
using System.Net.Sockets;
using Rind.Docker.Configuration;
using Rind.Tests.Fakes;

namespace Rind.Tests.Docker.Configuration;

public sealed class DockerCliConfigReaderTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rind-config-");

    private string ConfigPath => Path.Combine(_directory.FullName, "config.json");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void DetachKeys_are_read_from_the_folder_DOCKER_CONFIG_names()
    {
        File.WriteAllText(Path.Combine(_directory.FullName, "config.json"), """{"auths":{},"detachKeys":"ctrl-x,x"}""");

        var config = DockerCliConfigReader.Read(new FakeEnvironment(("DOCKER_CONFIG", _directory.FullName), ("HOME", "/nonexistent")));

        Assert.Equal("ctrl-x,x", config.DetachKeys);
    }

    [Fact]
    public void Without_DOCKER_CONFIG_the_file_is_in_dot_docker_in_the_home_folder()
    {
        Directory.CreateDirectory(Path.Combine(_directory.FullName, ".docker"));
        File.WriteAllText(Path.Combine(_directory.FullName, ".docker", "config.json"), """{"detachKeys":"ctrl-a,a"}""");

        var config = DockerCliConfigReader.Read(new FakeEnvironment(("HOME", _directory.FullName)));

        Assert.Equal("ctrl-a,a", config.DetachKeys);
    }

    [Fact]
    public void A_missing_file_is_an_empty_config()
    {
        var config = DockerCliConfigReader.Read(new FakeEnvironment(("DOCKER_CONFIG", Path.Combine(_directory.FullName, "none"))));

        Assert.Same(DockerCliConfig.Empty, config);
    }

    [Fact]
    public void A_malformed_file_is_a_one_line_error_naming_it()
    {
        var path = Path.Combine(_directory.FullName, "config.json");
        File.WriteAllText(path, "{ not json");

        var exception = Assert.Throws<RindException>(
            () => DockerCliConfigReader.Read(new FakeEnvironment(("DOCKER_CONFIG", _directory.FullName))));

        Assert.StartsWith($"cannot read the Docker CLI's config file {path}: ", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public async Task A_FIFO_is_refused_at_once_naming_it()
    {
        using (var mkfifo = Process.Start("mkfifo", [ConfigPath]))
        {
            await mkfifo.WaitForExitAsync().WaitAsync(Timeout);
        }

        var message = await RefusalAsync();

        Assert.Equal($"cannot read the Docker CLI's config file {ConfigPath}: it is a named pipe (FIFO), which would wait for a writer", message);
    }

    [Fact]
    public async Task A_device_is_refused_at_once_naming_it()
    {
        File.CreateSymbolicLink(ConfigPath, "/dev/zero");

        var message = await RefusalAsync();

        Assert.Equal($"cannot read the Docker CLI's config file {ConfigPath}: it is a character device", message);
    }

    [Fact]
    public async Task A_socket_is_refused_naming_it()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(ConfigPath));

        var message = await RefusalAsync();

        Assert.Equal($"cannot read the Docker CLI's config file {ConfigPath}: it is a socket", message);
    }

    [Fact]
    public async Task A_folder_is_refused_naming_it()
    {
        Directory.CreateDirectory(ConfigPath);

        var message = await RefusalAsync();

        Assert.Equal($"cannot read the Docker CLI's config file {ConfigPath}: it is a folder", message);
    }

    [Fact]
    public async Task A_file_larger_than_4_MiB_is_refused()
    {
        await File.WriteAllBytesAsync(ConfigPath, new byte[(4 * 1024 * 1024) + 1]);

        var message = await RefusalAsync();

        Assert.Equal($"cannot read the Docker CLI's config file {ConfigPath}: it is larger than 4 MiB", message);
    }

    [Fact]
    public void A_file_of_exactly_4_MiB_is_read()
    {
        var padding = new string(' ', (4 * 1024 * 1024) - """{"detachKeys":"ctrl-x,x"}""".Length);
        File.WriteAllText(ConfigPath, """{"detachKeys":"ctrl-x,x"}""" + padding);

        var config = DockerCliConfigReader.Read(new FakeEnvironment(("DOCKER_CONFIG", _directory.FullName)));

        Assert.Equal("ctrl-x,x", config.DetachKeys);
    }

    [Fact]
    public void A_symbolic_link_to_a_file_is_read()
    {
        var target = Path.Combine(_directory.FullName, "real.json");
        File.WriteAllText(target, """{"detachKeys":"ctrl-y,y"}""");
        File.CreateSymbolicLink(ConfigPath, target);

        var config = DockerCliConfigReader.Read(new FakeEnvironment(("DOCKER_CONFIG", _directory.FullName)));

        Assert.Equal("ctrl-y,y", config.DetachKeys);
    }

    [Fact]
    public void A_config_folder_that_is_a_file_is_an_empty_config()
    {
        var notAFolder = Path.Combine(_directory.FullName, "file");
        File.WriteAllText(notAFolder, "");

        var config = DockerCliConfigReader.Read(new FakeEnvironment(("DOCKER_CONFIG", notAFolder)));

        Assert.Same(DockerCliConfig.Empty, config);
    }

    /// <summary>The message of the one-line error reading the config gives, on a thread of its own so that a read that blocks fails the test.</summary>
    private async Task<string> RefusalAsync()
    {
        var environment = new FakeEnvironment(("DOCKER_CONFIG", _directory.FullName));
        var exception = await Task.Run(() => Assert.Throws<RindException>(() => DockerCliConfigReader.Read(environment))).WaitAsync(Timeout);
        Assert.Equal(125, exception.ExitCode);
        return exception.Message;
    }
}
