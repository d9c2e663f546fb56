using Rind.Configuration;
using Rind.Tests.Fakes;

namespace Rind.Tests.Configuration;

public sealed class DockerCliConfigReaderTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rind-config-");

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
}
