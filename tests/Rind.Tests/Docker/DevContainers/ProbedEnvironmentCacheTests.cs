using Rind.Docker.DevContainers;
using Rind.Tests.Fakes;

namespace Rind.Tests.Docker.DevContainers;

/// <summary>Where probed environments are kept on the host, and for how long they hold.</summary>
public sealed class ProbedEnvironmentCacheTests : IDisposable
{
    private const string Id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("rind-cache-test-");

    [Fact]
    public void What_was_kept_is_read_back_while_the_key_is_the_same()
    {
        var cache = new ProbedEnvironmentCache(new FakeEnvironment(("HOME", _home.FullName)));

        Assert.Null(cache.Write(Id, "started-1 vscode", ["PATH=/opt/tool/bin:/usr/bin", "MULTI=a\nb"]));

        Assert.Equal(["PATH=/opt/tool/bin:/usr/bin", "MULTI=a\nb"], cache.Read(Id, "started-1 vscode"));
        Assert.Null(cache.Read(Id, "started-2 vscode"));
    }

    [Fact]
    public void The_files_are_the_users_alone_under_the_cache_folder_of_HOME()
    {
        var cache = new ProbedEnvironmentCache(new FakeEnvironment(("HOME", _home.FullName)));

        cache.Write(Id, "key", ["A=1"]);

        var folder = Path.Combine(_home.FullName, ".cache", "rind", "devcontainers");
        Assert.Equal(folder, cache.Folder);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, Id + ".env")));
        Assert.Equal([Id + ".env"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void XDG_CACHE_HOME_wins_over_HOME()
    {
        var cache = new ProbedEnvironmentCache(new FakeEnvironment(("HOME", "/nonexistent"), ("XDG_CACHE_HOME", _home.FullName)));

        Assert.Equal(Path.Combine(_home.FullName, "rind", "devcontainers"), cache.Folder);
    }

    [Fact]
    public void Without_HOME_nothing_is_kept_and_the_reason_is_given()
    {
        var cache = new ProbedEnvironmentCache(new FakeEnvironment());

        Assert.Equal("neither XDG_CACHE_HOME nor HOME is set", cache.Write(Id, "key", ["A=1"]));
        Assert.Null(cache.Read(Id, "key"));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    [InlineData("c0ffee/x")]
    public void An_id_that_is_not_hexadecimal_names_no_file(string id)
    {
        var cache = new ProbedEnvironmentCache(new FakeEnvironment(("HOME", _home.FullName)));

        Assert.NotNull(cache.Write(id, "key", ["A=1"]));
        Assert.Null(cache.Read(id, "key"));
    }

    [Fact]
    public void A_file_that_is_not_rinds_is_no_environment()
    {
        var cache = new ProbedEnvironmentCache(new FakeEnvironment(("HOME", _home.FullName)));
        Directory.CreateDirectory(cache.Folder!);
        File.WriteAllText(Path.Combine(cache.Folder!, Id + ".env"), "garbage");

        Assert.Null(cache.Read(Id, "key"));
    }

    public void Dispose() => _home.Delete(recursive: true);
}
